import type { Finding } from './finding.js';
import { DASH, SPACE } from './spellings.js';

export type IdentityKind = 'personnummer' | 'samordningsnummer';

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
export function identityNumberKind(tenDigits: string): IdentityKind | null {
  if (!/^\d{10}$/.test(tenDigits) || !luhnValid(tenDigits)) return null;
  const month = Number(tenDigits.slice(2, 4));
  const day = Number(tenDigits.slice(4, 6));
  if (month < 1 || month > 12) return null;
  if (day >= 1 && day <= 31) return 'personnummer';
  if (day >= 61 && day <= 91) return 'samordningsnummer';
  return null;
}

// Between the date and the last four: nothing, spaces, or a dash or '+' (over 100 years) with spaces around it.
const TAIL_SEPARATOR = `(?:${SPACE}{0,3}(?:${DASH}|\\+)${SPACE}{0,3}|${SPACE}{0,3})`;
/** YYMMDD or YYYYMMDD in one piece: 811218-9876, 19811218 9876, 8112189876, 811218 – 9876. */
const COMPACT = new RegExp(`(?<!\\p{N})(?:18|19|20)?(\\d{6})${TAIL_SEPARATOR}(\\d{4})(?!\\p{N})`, 'gu');
/**
 * A date written with dashes, then a dash and the last four: 1985-03-12-1234. A space alone after such a
 * date is a time of day far more often (2026-11-20 2130), so it does not count.
 */
const DATED = new RegExp(
  `(?<!\\p{N})(?:18|19|20)?(\\d{2})${DASH}(\\d{2})${DASH}(\\d{2})${SPACE}{0,3}(?:${DASH}|\\+)${SPACE}{0,3}(\\d{4})(?!\\p{N})`,
  'gu',
);

/**
 * Personal identity numbers and co-ordination numbers with a valid check digit, however written.
 * @example findIdentityNumbers('pnr 1985-03-12-1231') // [{ start: 4, end: 19, kind: 'personnummer' }]
 */
export function findIdentityNumbers(text: string): Finding<IdentityKind>[] {
  const found: Finding<IdentityKind>[] = [];
  for (const m of text.matchAll(DATED)) {
    const kind = identityNumberKind(`${m[1]}${m[2]}${m[3]}${m[4]}`);
    if (kind) found.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  for (const m of text.matchAll(COMPACT)) {
    const kind = identityNumberKind(`${m[1]}${m[2]}`);
    const start = m.index;
    const end = start + m[0].length;
    if (kind && !found.some((f) => f.start < end && start < f.end)) found.push({ start, end, kind });
  }
  return found.sort((a, b) => a.start - b.start);
}
