/**
 * Removes personal data from free text before it is stored: Swedish personal identity numbers and
 * co-ordination numbers (Luhn-checked, with or without century and separator), e-mail addresses,
 * phone numbers and licence plates, in the spellings people type (`spellings.ts`; docs/adr/0003).
 * The original is never kept; only the count of replacements is.
 */
import { findEmailAddresses } from './email-address.js';
import { type Finding, replaceFindings } from './finding.js';
import { findIdentityNumbers } from './identity-number.js';
import { findLicencePlates } from './licence-plate.js';
import { findPhoneNumbers } from './phone-number.js';

export { identityNumberKind, luhnValid } from './identity-number.js';

export interface Redaction {
  text: string;
  count: number;
  kinds: Partial<Record<RedactionKind, number>>;
}
export type RedactionKind = 'personnummer' | 'samordningsnummer' | 'e-post' | 'telefon' | 'registreringsnummer';

const PLACEHOLDER: Record<RedactionKind, string> = {
  personnummer: '[personnummer]',
  samordningsnummer: '[samordningsnummer]',
  'e-post': '[e-post]',
  telefon: '[telefon]',
  registreringsnummer: '[registreringsnummer]',
};

/**
 * In this order: an identity number is never read as a phone number, and the digits of an e-mail
 * address never as either of the ones after it.
 */
const RECOGNISERS: readonly ((text: string) => Finding<RedactionKind>[])[] = [
  findIdentityNumbers,
  findEmailAddresses,
  findPhoneNumbers,
  findLicencePlates,
];

/**
 * @example redactPersonalData('Ring 070-123 45 67, pnr 19811218-9876').text
 *          // 'Ring [telefon], pnr [personnummer]'
 */
export function redactPersonalData(input: string): Redaction {
  const kinds: Partial<Record<RedactionKind, number>> = {};
  const bump = (kind: RedactionKind) => {
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    return PLACEHOLDER[kind];
  };
  const text = RECOGNISERS.reduce((t, find) => replaceFindings(t, find(t), bump), input);
  const count = Object.values(kinds).reduce((a, b) => a + b, 0);
  return { text, count, kinds };
}

/** Free text that others will read, with its personal data replaced; no text stays no text. */
export function redactedText(text: string): string;
export function redactedText(text: string | null | undefined): string | null;
export function redactedText(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : redactPersonalData(text).text;
}
