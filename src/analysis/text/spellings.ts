/**
 * The characters people type between the parts of a number or an address, as the recognisers in
 * `redact.ts` read them and as the generated tests (`redact.spellings.ts`) write them: one grammar for both.
 */

/** Hyphen, en dash, em dash, minus sign, non-breaking hyphen. */
export const DASHES = ['-', '–', '—', '−', '‑'] as const;
/** Space, no-break space, narrow no-break space, thin space. */
export const SPACES = [' ', '\u00a0', '\u202f', '\u2009'] as const;

const classChars = (chars: readonly string[]) => chars.map((c) => (c === '-' ? '\\-' : c)).join('');
/** Regex character class of {@link DASHES}. */
export const DASH = `[${classChars(DASHES)}]`;
/** Regex character class of {@link SPACES}. */
export const SPACE = `[${classChars(SPACES)}]`;

/** The word between the parts of an e-mail address written so that robots miss it: `name [at] domain.se`. */
export const AT_WORDS = ['at', 'snabel-a'] as const;
/** The word for the dot in such an address: `domain [dot] se`. */
export const DOT_WORDS = ['dot', 'punkt'] as const;

/**
 * Letters of Swedish licence plates: the series never uses I, Q, V, Å, Ä or Ö (nor O as the last sign,
 * which is read as a zero).
 */
export const PLATE_LETTERS = 'ABCDEFGHJKLMNOPRSTUWXYZ';

/**
 * Three letters and digits that are not plates even though they look like one. Upper case: acronyms
 * and currency codes before amounts or numbers (`SOS 112`, `SEK 100`). In lower or mixed case also
 * the common Swedish and English words before a number (`med 200`, `Rum 123`); a plate typed in lower
 * case with one of these letter series is the price of not redacting ordinary sentences.
 */
export const NOT_PLATES_UPPER = new Set([
  'SOS',
  'SEK',
  'EUR',
  'USD',
  'NOK',
  'DKK',
  'GBP',
  'SFS',
  'SOU',
  'CHF',
  'JPY',
  'MKR',
  'TKR',
  'KKR',
]);
export const NOT_PLATES_WORDS = new Set([
  'och',
  'med',
  'den',
  'det',
  'som',
  'har',
  'kan',
  'ska',
  'men',
  'sen',
  'nya',
  'nye',
  'tre',
  'sex',
  'fem',
  'tog',
  'dag',
  'kom',
  'han',
  'hon',
  'hur',
  'man',
  'mer',
  'mot',
  'nog',
  'nej',
  'jag',
  'oss',
  'era',
  'ert',
  'ens',
  'all',
  'upp',
  'ner',
  'ute',
  'per',
  'pga',
  'dvs',
  'bla',
  'osv',
  'mfl',
  'tex',
  'ggr',
  'sek',
  'kap',
  'art',
  'rum',
  'hus',
  'bus',
  'tur',
  'ort',
  'ref',
  'fig',
  'tab',
  'mkr',
  'tkr',
  'kkr',
  'bok',
  'ark',
  'the',
  'and',
  'for',
  'are',
  'has',
  'not',
  'but',
  'any',
  'can',
  'our',
  'out',
  'new',
  'now',
  'top',
  'one',
  'two',
  'see',
  'get',
  'set',
  'bar',
  'att',
  'ett',
  'bor',
  'ger',
  'tar',
  'ser',
  'bra',
  'fel',
  'lag',
  'syd',
  'ost',
  'ung',
  'bro',
  'tak',
  'rad',
  'sal',
  'nat',
  'sha',
]);

/**
 * Words before a number that is not a phone number even when it is shaped like one (invoice, OCR,
 * giro and case numbers). An identity number after them is still removed.
 */
export const NOT_PHONE_BEFORE =
  /(?:ocr|faktura\p{L}*|fakt|ref(?:erens)?\p{L}*|kund\p{L}*|order\p{L}*|bankgiro|plusgiro|bg|pg|konto\p{L}*|clearing\p{L}*|dnr|diarie\p{L}*|ärende\p{L}*|org|organisations\p{L}*|artikel\p{L}*|best(?:ällning)?\p{L}*)(?:[\s.-]*(?:nr|nummer|no))?[\s.:#-]*$/iu;
