import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../domain/auth.js';
import type { LocalisedMessage } from '../../domain/errors.js';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * About 49,000 passwords seen most often in breach corpora, shipped as data in @zxcvbn-ts/language-common.
 * Loaded at the first check, not at start: the module would cost every server and CLI start about 0.1 s and 5 MB.
 */
let common: Promise<Set<string>> | null = null;
const commonPasswords = () =>
  (common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common'])));

/**
 * Words everyone in a Swedish city's organisation would build a password on: the product, the city,
 * seasons, months and the Swedish "password"/"welcome". The organisation's own name is added per call.
 */
const VOCABULARY = [
  'trygghet',
  'trygg',
  'stockholm',
  'sverige',
  'sweden',
  'kommun',
  'staden',
  'stad',
  'polisen',
  'polis',
  'lösenord',
  'losenord',
  'välkommen',
  'valkommen',
  'hejsan',
  'hej',
  'sommar',
  'vinter',
  'höst',
  'vår',
  'summer',
  'winter',
  'autumn',
  'spring',
  'fall',
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'august',
  'october',
];

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'too_common'
  | 'organisation_word'
  | 'contains_email'
  | 'same_as_current';

/** What each refusal says, in both languages: shown as the error message under the password field. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, LocalisedMessage> = {
  too_short: {
    sv: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`,
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  too_long: {
    sv: `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`,
    en: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  too_common: {
    sv: 'Lösenordet finns bland de vanligaste läckta lösenorden (även med siffror eller tecken före eller efter). Välj en mening av några ord.',
    en: 'The password is among the most common leaked passwords (also with digits or symbols before or after). Choose a sentence of a few words.',
  },
  organisation_word: {
    sv: 'Lösenordet bygger på ord som alla här gissar först (Trygg, staden, organisationen, årstider, månader, årtal). Välj en mening av några egna ord.',
    en: 'The password is built on words everyone here would guess first (Trygg, the city, the organisation, seasons, months, years). Choose a sentence of a few words of your own.',
  },
  contains_email: {
    sv: 'Lösenordet får inte innehålla din e-postadress.',
    en: 'The password must not contain your e-mail address.',
  },
  same_as_current: {
    sv: 'Det nya lösenordet måste skilja sig från det nuvarande.',
    en: 'The new password must differ from the current one.',
  },
};

const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const unleet = (s: string, one: string) => s.replace(/[0134578@$!]/g, (c) => (c === '1' ? one : (LEET[c] ?? c)));
/** Digits and symbols around a word ("Sommar2026!", "!!password1") add next to nothing to a guesser. */
const stripEnds = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** Lower-case forms a guesser would try: as typed, without digits/symbols at the ends, and with leetspeak undone. */
function variants(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const core = stripEnds(lower);
  return [...new Set([lower, core, stripEnds(unleet(core, 'i')), stripEnds(unleet(core, 'l'))])].filter(Boolean);
}

/** True when what is left after removing the vocabulary words, digits and symbols is under four letters. */
function onlyVocabulary(form: string, words: readonly string[]): boolean {
  let rest = form;
  let removed = false;
  for (const word of words) {
    if (rest.includes(word)) {
      rest = rest.replaceAll(word, ' ');
      removed = true;
    }
  }
  return removed && rest.replace(/[^\p{L}]/gu, '').length < 4;
}

/**
 * NIST SP 800-63B checks: length, a breached/common password list (after undoing the usual disguises), the
 * organisation's own vocabulary, no reuse of the account name; no composition rules.
 * @param organisationWords the organisation's name and slug, refused like the built-in vocabulary.
 */
export async function passwordProblem(
  password: string,
  email: string,
  organisationWords: readonly string[] = [],
): Promise<PasswordProblem | null> {
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_LENGTH) return 'too_short';
  if (chars > PASSWORD_MAX_LENGTH) return 'too_long';
  const forms = variants(password);
  // The vocabulary first: its message says more than "common" for "Stockholm2026!", which is both.
  const own = organisationWords.flatMap((w) => w.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length >= 4);
  const words = [...new Set([...own, ...VOCABULARY])].sort((a, b) => b.length - a.length);
  if (forms.some((f) => onlyVocabulary(f, words))) return 'organisation_word';
  if (/^(.)\1+$/u.test(password)) return 'too_common';
  const breached = await commonPasswords();
  if (forms.some((f) => breached.has(f))) return 'too_common';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && forms[0]!.includes(local)) return 'contains_email';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies against a hash of a random secret with the same parameters, so that an unknown e-mail address or
 * an account without a password costs as much time as a wrong password.
 */
export async function verifyNothing(password: string): Promise<false> {
  await verifyPassword(await (dummyHash ??= hashPassword(randomBytes(24).toString('base64'))), password);
  return false;
}

/** A readable one-time password: 4 groups of 5 base32 characters (100 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}
