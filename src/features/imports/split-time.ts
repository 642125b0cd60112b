import { zonedTimeToEpochMs } from '../../domain/calendar/index.js';
import { type DateOrder, parseDateTime } from './values.js';

/** A calendar day without a time. */
export interface DayParts {
  y: number;
  mo: number;
  d: number;
}
/** A wall-clock time without a day. */
export interface TimeParts {
  h: number;
  mi: number;
  s: number;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC_DAY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
// 'kl' is how Swedish sources write a time of day ('kl. 18.30'); a dot separator is only taken with it or
// in a column already known to hold times, since '12.50' in an unknown column may be an amount.
const CLOCK_COLON = /^(?:kl\.?\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/i;
const CLOCK_KL_DOT = /^kl\.?\s*(\d{1,2})\.(\d{2})(?:\.(\d{2}))?$/i;
const CLOCK_DOT = /^(\d{1,2})\.(\d{2})(?:\.(\d{2}))?$/;
// Excel stores a time-only cell as that time on its day zero, 1899-12-30.
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);

function validDay(y: number, mo: number, d: number): DayParts | null {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return { y, mo, d };
}

function validTime(h: number, mi: number, s: number): TimeParts | null {
  return h <= 23 && mi <= 59 && s <= 59 ? { h, mi, s } : null;
}

/**
 * The day of a cell that holds a date and nothing else: '2026-11-25', '25/11/2026', '25.11.2026' (order per
 * `order`) or a spreadsheet date cell at midnight. Null for anything else, a date with a time included.
 * @example parseDay('25.11.2026', 'dmy') // { y: 2026, mo: 11, d: 25 }
 */
export function parseDay(raw: unknown, order: DateOrder): DayParts | null {
  if (raw instanceof Date) {
    const t = raw.getTime();
    if (Number.isNaN(t) || t % 86_400_000 !== 0 || t === EXCEL_DAY_ZERO) return null;
    return validDay(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  let m = ISO_DAY.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DAY.exec(text);
  if (!m) return null;
  const [first, second] = [Number(m[1]), Number(m[2])];
  return order === 'dmy' ? validDay(Number(m[3]), second, first) : validDay(Number(m[3]), first, second);
}

/**
 * The time of day in a cell: '18:30', '7:05:09', 'kl. 18.30', a spreadsheet time cell, or (with `dots`, for a
 * column known to hold times) '18.30'. Null when the cell is none of these.
 * @example parseTimeOfDay('kl 18.30') // { h: 18, mi: 30, s: 0 }
 */
export function parseTimeOfDay(raw: unknown, dots = true): TimeParts | null {
  if (raw instanceof Date) {
    const t = raw.getTime();
    if (Number.isNaN(t) || t < EXCEL_DAY_ZERO || t >= EXCEL_DAY_ZERO + 86_400_000) return null;
    return validTime(raw.getUTCHours(), raw.getUTCMinutes(), raw.getUTCSeconds());
  }
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  const m = CLOCK_COLON.exec(text) ?? CLOCK_KL_DOT.exec(text) ?? (dots ? CLOCK_DOT.exec(text) : null);
  return m ? validTime(Number(m[1]), Number(m[2]), Number(m[3] ?? 0)) : null;
}

const filled = (values: readonly unknown[]) =>
  values.filter((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''));

// A few mistyped cells must not hide what a column is; the rows holding them then fail one by one.
const MOSTLY = 0.8;
const mostly = (values: readonly unknown[], test: (v: unknown) => boolean) => {
  const f = filled(values);
  return f.length > 0 && f.filter(test).length >= MOSTLY * f.length;
};

/** True when the filled sample values are (at least 80 %) dates without a time. */
export function holdsDaysOnly(values: readonly unknown[], order: DateOrder): boolean {
  return mostly(values, (v) => parseDay(v, order) !== null);
}

/**
 * True when the filled sample values are (at least 80 %) times of day. Without a time-like header only
 * unambiguous forms count (18:30, kl 18.30, a spreadsheet time), never '18.30', which may be an amount.
 */
export function holdsTimesOnly(values: readonly unknown[], namedAsTime: boolean): boolean {
  return mostly(values, (v) => parseTimeOfDay(v, namedAsTime) !== null);
}

export type SplitResult =
  | { at: Date; timeMissing: boolean }
  | { error: 'missing_date' | 'invalid_date' | 'invalid_time' };

/**
 * When something happened, from a date cell and a separate time cell, both wall-clock time in `timeZone` (the
 * calendar's rules for the summer-time gap and overlap). An empty time cell gives local midnight, flagged
 * `timeMissing` so the report counts it; a date cell that carries its own time is read whole.
 * @example combineDateAndTime('2026-03-29', '03:30', 'dmy', DEFAULT_TIME_ZONE) // { at: 2026-03-29T01:30:00.000Z, timeMissing: false }
 */
export function combineDateAndTime(
  dateRaw: unknown,
  timeRaw: unknown,
  order: DateOrder,
  timeZone: string,
): SplitResult {
  if (filled([dateRaw]).length === 0) return { error: 'missing_date' };
  const day = parseDay(dateRaw, order);
  const timeGiven = filled([timeRaw]).length > 0;
  if (!day) {
    const whole = parseDateTime(dateRaw, order, timeZone);
    return whole ? { at: whole, timeMissing: false } : { error: 'invalid_date' };
  }
  if (!timeGiven) return { at: new Date(zonedTimeToEpochMs(day.y, day.mo, day.d, 0, 0, timeZone)), timeMissing: true };
  const time = parseTimeOfDay(timeRaw);
  if (!time) return { error: 'invalid_time' };
  return {
    at: new Date(zonedTimeToEpochMs(day.y, day.mo, day.d, time.h, time.mi, timeZone) + time.s * 1000),
    timeMissing: false,
  };
}
