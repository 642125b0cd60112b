/**
 * Wall-clock time in a named time zone without a date library: the zone's UTC offset comes from Intl (the
 * IANA database of the runtime, Node or the browser), everything else is integer arithmetic on UTC fields.
 * Every function takes the zone; the organisation's own (`ctx.organisation.timeZone`) is the one to pass.
 */
import { formatDay } from './days.js';

/**
 * The zone of a new organisation and of demo data: Swedish time, because Trygg's weeks, hours and weekdays
 * are the ones people in a Swedish municipality lived through. The only place this name is written.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** An instant as a Date, epoch milliseconds or an ISO 8601 string with offset. */
export type InstantInput = Date | number | string;

/** Calendar fields of an instant as seen on a wall clock in some zone. */
export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const HOUR_MS = 3_600_000;
const BUCKET_MS = 900_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
// Offsets memoised per quarter hour: every transition in the current IANA data falls on a quarter hour of
// UTC, so a bucket never straddles one. Counting 300k incidents then costs a few thousand Intl calls.
const offsetCache = new Map<string, number>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Milliseconds since the epoch; throws a RangeError for an unparseable string or an invalid Date.
 * @example toEpochMs('2026-11-20T08:00:00Z') // 1795161600000
 */
export function toEpochMs(instant: InstantInput): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (Stockholm: +3 600 000 in winter, +7 200 000 in summer).
 * @example zoneOffsetMs(Date.UTC(2026, 6, 1), 'Europe/Stockholm') // 7200000
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / BUCKET_MS);
  const key = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const at = bucket * BUCKET_MS;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = wall - at;
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * Wall-clock fields of an instant in a zone.
 * @example localParts('2026-03-29T01:30:00Z', 'Europe/Stockholm') // { year: 2026, month: 3, day: 29, hour: 3, minute: 30, weekday: 7 }
 */
export function localParts(instant: InstantInput, timeZone: string): LocalParts {
  const ms = toEpochMs(instant);
  const d = new Date(ms + zoneOffsetMs(ms, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The local calendar day ('YYYY-MM-DD') of an instant: the day area layouts, due dates and years are read in.
 * @example localDay('2026-11-22T23:30:00Z', 'Europe/Stockholm') // '2026-11-23'
 */
export function localDay(instant: InstantInput, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return formatDay(p.year, p.month, p.day);
}

/**
 * Today's date ('YYYY-MM-DD') on the zone's wall clock.
 * @example today('Europe/Stockholm', new Date('2026-12-31T23:30:00Z')) // '2027-01-01'
 */
export function today(timeZone: string, now: Date = new Date()): string {
  return localDay(now, timeZone);
}

/**
 * An instant as documents give it: wall-clock time to the minute, `YYYY-MM-DD HH:mm` (never UTC).
 * @example localMinute('2026-12-06T16:42:37Z', 'Europe/Stockholm') // '2026-12-06 17:42'
 */
export function localMinute(instant: InstantInput, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${formatDay(p.year, p.month, p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * The instant a wall-clock time occurs in a zone. In the autumn overlap the earlier (summer-time) instant
 * is returned; a time inside the spring gap is read with the offset before the gap (02:30 on the spring
 * Sunday in Stockholm is 01:30 UTC, 03:30 on the clock). Midnight lies in neither in Sweden.
 * @example zonedTimeToEpochMs(2026, 3, 30, 0, 0, 'Europe/Stockholm') // Date.UTC(2026, 2, 29, 22)
 */
export function zonedTimeToEpochMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The instant lies within a DST shift of `wall` less its offset there. Try the offsets in force three hours
  // either side of that guess (beyond any transition's reach, in zones of any offset); keep the earliest that
  // reproduces the wall time, or in a gap the offset from before it.
  const guess = wall - zoneOffsetMs(wall, timeZone);
  const before = zoneOffsetMs(guess - 3 * HOUR_MS, timeZone);
  const candidates = [before, zoneOffsetMs(guess + 3 * HOUR_MS, timeZone)]
    .map((off) => wall - off)
    .filter((t) => t + zoneOffsetMs(t, timeZone) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - before;
}

/**
 * The instant a local calendar day ('YYYY-MM-DD') begins: its 00:00 on the zone's wall clock.
 * @example startOfLocalDay('2026-03-29', 'Europe/Stockholm').toISOString() // '2026-03-28T23:00:00.000Z'
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(zonedTimeToEpochMs(y, m, d, 0, 0, timeZone));
}

/**
 * The instant a local month begins: the 1st at 00:00 on the zone's wall clock.
 * @example startOfLocalMonth(2026, 7, 'Europe/Stockholm').toISOString() // '2026-06-30T22:00:00.000Z'
 */
export function startOfLocalMonth(year: number, month: number, timeZone: string): Date {
  return new Date(zonedTimeToEpochMs(year, month, 1, 0, 0, timeZone));
}
