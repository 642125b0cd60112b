/**
 * Wall-clock time in a named time zone without a date library: the zone's UTC offset comes from Intl (the
 * IANA database shipped with Node), everything else is integer arithmetic on UTC fields. Swedish time is
 * the default everywhere in Trygg because weeks, hours and weekdays are the ones people lived through.
 */

/** The default zone of every wall-clock computation. */
export const STOCKHOLM = 'Europe/Stockholm';

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

const DAY_MS = 86_400_000;
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
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
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
export function zoneOffsetMs(epochMs: number, timeZone: string = STOCKHOLM): number {
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
 * @example localParts('2026-03-29T01:30:00Z') // { year: 2026, month: 3, day: 29, hour: 3, minute: 30, weekday: 7 }
 */
export function localParts(instant: InstantInput, timeZone: string = STOCKHOLM): LocalParts {
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
 * An instant as documents give it: wall-clock time to the minute, `YYYY-MM-DD HH:mm` (never UTC).
 * @example localMinute('2026-12-06T16:42:37Z') // '2026-12-06 17:42'
 */
export function localMinute(instant: InstantInput, timeZone: string = STOCKHOLM): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * The instant a wall-clock time occurs in a zone. In the autumn overlap the earlier (summer-time) instant
 * is returned; a time inside the spring gap maps to the instant an hour later on the clock. Midnight, the
 * only wall time weeks need, lies in neither gap nor overlap in Sweden.
 * @example zonedTimeToEpochMs(2026, 3, 30, 0, 0, 'Europe/Stockholm') // Date.UTC(2026, 2, 29, 22)
 */
export function zonedTimeToEpochMs(year: number, month: number, day: number, hour = 0, minute = 0, timeZone: string = STOCKHOLM): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Try the offsets in force three hours either side (beyond any transition's reach); keep the earliest
  // that reproduces the wall time.
  const candidates = [zoneOffsetMs(wall - 3 * HOUR_MS, timeZone), zoneOffsetMs(wall + 3 * HOUR_MS, timeZone)]
    .map((off) => wall - off)
    .filter((t) => t + zoneOffsetMs(t, timeZone) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - zoneOffsetMs(wall - 3 * HOUR_MS, timeZone);
}

/**
 * Days since 1970-01-01 of a calendar date (proleptic Gregorian, no zone involved).
 * @example dayNumber(1970, 1, 2) // 1
 */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * The calendar date of a day number, inverse of `dayNumber`.
 * @example fromDayNumber(1) // { year: 1970, month: 1, day: 2 }
 */
export function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
