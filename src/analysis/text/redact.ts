/**
 * Removes personal data from free text before it is stored: Swedish personal identity numbers and
 * co-ordination numbers (Luhn-checked, with or without century and separator), e-mail addresses,
 * phone numbers and licence plates. The original is never kept; only the count of replacements is.
 */
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

/** Luhn over the ten digits YYMMDDNNNC. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** 'personnummer', 'samordningsnummer' or null for ten digits YYMMDDNNNC. */
export function identityNumberKind(tenDigits: string): 'personnummer' | 'samordningsnummer' | null {
  if (!/^\d{10}$/.test(tenDigits) || !luhnValid(tenDigits)) return null;
  const month = Number(tenDigits.slice(2, 4));
  const day = Number(tenDigits.slice(4, 6));
  if (month < 1 || month > 12) return null;
  if (day >= 1 && day <= 31) return 'personnummer';
  if (day >= 61 && day <= 91) return 'samordningsnummer';
  return null;
}

// Digits not glued to other digits; optional century; separator '-', '+' (over 100) or a space.
const IDENTITY = /(?<!\d)(?:(?:18|19|20)(?=\d{6}[-+ ]?\d{4}(?!\d)))?(\d{6})[-+ ]?(\d{4})(?!\d)/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Swedish numbers: +46 or 0, then 7–10 digits possibly split by spaces or hyphens (070-123 45 67, 08-123 456 78).
const PHONE = /(?<![\p{L}\p{N}])(?:\+46[\s-]?|0046[\s-]?|0)(?:\(0\))?\d{1,3}(?:[\s-]?\d){5,9}(?![\p{N}])/gu;
// Plates: three letters (no I, Q, V, Å, Ä, Ö in the series), then three digits or two digits and a letter.
const PLATE = /(?<![\p{L}\p{N}])[A-HJ-PR-UW-Z]{3}[\s-]?\d{2}[\dA-HJ-PR-UW-Z](?![\p{L}\p{N}])/gu;

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
  let text = input.replace(IDENTITY, (match, date: string, tail: string) => {
    const kind = identityNumberKind(date + tail);
    return kind ? bump(kind) : match;
  });
  text = text.replace(EMAIL, () => bump('e-post'));
  text = text.replace(PHONE, () => bump('telefon'));
  text = text.replace(PLATE, () => bump('registreringsnummer'));
  const count = Object.values(kinds).reduce((a, b) => a + b, 0);
  return { text, count, kinds };
}
