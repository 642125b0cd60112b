import type { Finding } from './finding.js';
import { DASH, DASHES, NOT_PHONE_BEFORE, SPACE, SPACES } from './spellings.js';

/**
 * Where a Swedish phone number may begin: +46, 0046, an area code in parentheses or a 0, not glued to
 * a letter or digit. The 30 characters after it are read by {@link phoneLength}, which decides how much
 * of them is the number.
 */
const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{N}+])(?:\\+46|0046|\\(0|0)[\\d()./${SPACES.join('')}${DASHES.map((d) => (d === '-' ? '\\-' : d)).join('')}]{0,30}`,
  'gu',
);
const INTERNATIONAL = new RegExp(`^(?:\\+46|0046)${SPACE}{0,2}(?:\\(0\\)${SPACE}{0,2})?`, 'u');
const GROUP = /^\d+/;
/** Between groups: spaces; a dash or slash with spaces around it; a dot. */
const SEPARATOR = new RegExp(`^(?:${SPACE}{0,2}(?:${DASH}|/)${SPACE}{0,2}|${SPACE}{1,2}|\\.)`, 'u');
/** 08 or 0 + two or three digits (01x–09x except 08x, which is Stockholm's 08 followed by the number). */
const AREA = /^0(?:8|[1-79]\d{1,2})$/;
/** A day-first date (01-07-2023, 08.12.2023) is not a number to call. */
const DAY_FIRST_DATE = /^(0?[1-9]|[12]\d|3[01])([-./–])(0?[1-9]|1[0-2])\2(?:19|20)?\d{2}$/;

interface Groups {
  digits: string[];
  ends: number[];
  areaInParentheses: boolean;
}

/**
 * Splits a candidate into digit groups, written national (an international number's area code gets its
 * 0; people also write +46 070…), with where each group ends; stops where no separator explains the text.
 */
function groupsOf(candidate: string): Groups | null {
  const intl = INTERNATIONAL.exec(candidate);
  let at = intl ? intl[0].length : 0;
  const digits: string[] = [];
  const ends: number[] = [];
  const paren = /^\((\d{1,4})\)/.exec(candidate.slice(at));
  if (paren) {
    digits.push(paren[1]!);
    at += paren[0].length;
    ends.push(at);
  }
  for (;;) {
    const rest = candidate.slice(at);
    let skip = 0;
    if (digits.length > 0) {
      const sep = SEPARATOR.exec(rest);
      if (sep) skip = sep[0].length;
      // "(08)123 45 67": the number may follow the parenthesis directly.
      else if (!(paren && digits.length === 1)) break;
    }
    const group = GROUP.exec(rest.slice(skip));
    if (!group) break;
    digits.push(group[0]);
    at += skip + group[0].length;
    ends.push(at);
  }
  if (digits.length === 0) return null;
  if (intl || paren) digits[0] = `0${digits[0]!.replace(/^0/, '')}`;
  return { digits, ends, areaInParentheses: Boolean(paren) };
}

/** A subscriber number: five to eight digits not starting with 0, the whole 8–10 digits with the area code. */
const validSplit = (area: string, subscriber: string) =>
  AREA.test(area) &&
  /^[1-9]\d{4,7}$/.test(subscriber) &&
  area.length + subscriber.length >= 8 &&
  area.length + subscriber.length <= 10;

/** Whether the first `k` groups (written national, with the leading 0) make a phone number. */
function isPhone(g: Groups, k: number): boolean {
  const [first, ...rest] = g.digits.slice(0, k);
  if (!first) return false;
  if (k > 1 && AREA.test(first)) return validSplit(first, rest.join(''));
  if (g.areaInParentheses || (k > 1 && first.length < 5)) return false;
  const all = first + rest.join('');
  return [2, 3, 4].some((a) => validSplit(all.slice(0, a), all.slice(a)));
}

/** Length of the longest start of `candidate` that is a phone number, 0 if none. */
export function phoneLength(candidate: string): number {
  const g = groupsOf(candidate);
  if (!g) return 0;
  for (let k = g.digits.length; k > 0; k--) {
    const end = g.ends[k - 1]!;
    if (isPhone(g, k)) return DAY_FIRST_DATE.test(candidate.slice(0, end)) ? 0 : end;
  }
  return 0;
}

/**
 * Swedish phone numbers as people write them: 070-123 45 67, (08) 123 45 67, 08/123 45 67, 070.123.45.67,
 * 08 – 123 45 67, +46 (0)70 123 45 67. Not day-first dates, times (0800-1000), or numbers after a word
 * that makes them an invoice, OCR, giro or case number.
 * @example findPhoneNumbers('Ring (08) 123 45 67') // [{ start: 5, end: 19, kind: 'telefon' }]
 */
export function findPhoneNumbers(text: string): Finding<'telefon'>[] {
  const found: Finding<'telefon'>[] = [];
  const re = new RegExp(CANDIDATE);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const length = phoneLength(m[0]);
    if (length > 0 && !NOT_PHONE_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) {
      found.push({ start: m.index, end: m.index + length, kind: 'telefon' });
      re.lastIndex = m.index + length;
    } else {
      // An invoice or OCR number is skipped whole, so its tail is not read as a number of its own.
      re.lastIndex = m.index + Math.max(length, 1);
    }
  }
  return found;
}
