import { zonedTimeToEpochMs } from '../../domain/calendar/index.js';

/** How to read an all-digit date with slashes or dots: 25/11/2026 (day first) or 11/25/2026 (month first). */
export type DateOrder = 'dmy' | 'mdy';

/**
 * A number from a cell: numbers as they are; text with a Swedish decimal comma ('59,3293'), spaces or
 * no-break spaces as thousands separators ('6 580 822') or a typographic minus. Null when not a number.
 * @example parseNumber('6 580 822,5') // 6580822.5
 */
export function parseNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  let s = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace('\u2212', '-');
  if (s === '') return null;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  // Whichever separator comes last is the decimal one; the other groups thousands.
  if (comma > dot) s = s.replace(/\./g, '').replace(',', '.');
  else if (dot > comma && comma >= 0) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The instant of a wall-clock time in `timeZone` (the calendar's rules for the summer-time gap and overlap). */
function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  return new Date(zonedTimeToEpochMs(y, mo, d, h, mi, timeZone) + s * 1000);
}

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const ISO_ZONED =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const NUMERIC_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

/**
 * When something happened, from the forms Swedish sources use: ISO 8601 with a zone ('2026-11-25T18:00:00+01:00',
 * also the police API's '2026-01-17 7:24:39 +01:00'), local time in `timeZone`, the organisation's ('2026-11-25 18:00',
 * '2026-11-25'), all-digit dates ('25/11/2026', '25.11.2026 18:00', order per `order`) and spreadsheet date cells
 * (whose wall clock is local time). A date without a time is local midnight. Null when it is none of these.
 * @example parseDateTime('2026-11-25 18:00', 'dmy', DEFAULT_TIME_ZONE)?.toISOString() // '2026-11-25T17:00:00.000Z'
 */
export function parseDateTime(raw: unknown, order: DateOrder, timeZone: string): Date | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    return wallClock(
      raw.getUTCFullYear(),
      raw.getUTCMonth() + 1,
      raw.getUTCDate(),
      raw.getUTCHours(),
      raw.getUTCMinutes(),
      raw.getUTCSeconds(),
      timeZone,
    );
  }
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  let m = ISO_ZONED.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!validParts(y, mo, d, h, mi, s)) return null;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    const zone = m[8]!.toUpperCase();
    let offsetMin = 0;
    if (zone !== 'Z') {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2) || '0');
      if (oh > 14 || om > 59) return null;
      offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000);
  }
  m = ISO_LOCAL.exec(text);
  if (m) return local(timeZone, Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
  m = NUMERIC_DATE.exec(text);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    const [d, mo] = order === 'dmy' ? [first, second] : [second, first];
    return local(timeZone, Number(m[3]), mo, d, m[4], m[5], m[6]);
  }
  return null;
}

function local(timeZone: string, y: number, mo: number, d: number, h?: string, mi?: string, s?: string): Date | null {
  const [hh, mm, ss] = [Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)];
  if (!validParts(y, mo, d, hh, mm, ss)) return null;
  return wallClock(y, mo, d, hh, mm, ss, timeZone);
}

/** Cell text, trimmed; '' for an empty cell. Spreadsheet dates become ISO text. */
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString();
  return String(raw).trim();
}

/**
 * Text a spreadsheet would run as a formula when opened ('=HYPERLINK(…)', '+cmd', '@SUM'). Such text is
 * stored verbatim — it is data here — and only counted, because the CSV export defuses it on the way out.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@]/.test(text) || /^-[^\d\s.,]/.test(text);
}

/** Accepted spellings of a precision, Swedish or English. */
const PRECISIONS: Record<string, 'exact' | 'place' | 'area' | 'municipality'> = {
  exact: 'exact',
  exakt: 'exact',
  place: 'place',
  plats: 'place',
  area: 'area',
  område: 'area',
  omrade: 'area',
  municipality: 'municipality',
  kommun: 'municipality',
};

/** The precision a cell names, or null when it names none. */
export function parsePrecision(raw: unknown): 'exact' | 'place' | 'area' | 'municipality' | null {
  return PRECISIONS[cellText(raw).toLowerCase()] ?? null;
}
