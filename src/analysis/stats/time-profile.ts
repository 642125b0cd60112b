/**
 * When incidents happen: an hour-of-day × weekday table on a zone's wall clock (the organisation's), Monday first. Hours come
 * from the zone's offset at each instant, so the summer-time changes shift nothing: the spring Sunday simply
 * has no 02:00 hour and the autumn Sunday has two. `hourWeekdayHours` counts how often each slot occurred in
 * a period, to turn counts into rates where those two Sundays matter.
 */
import { type InstantInput, localParts, toEpochMs, zoneOffsetMs } from '../../domain/calendar/index.js';

/** 7 rows (Monday … Sunday) of 24 columns (hour 0 … 23). */
export type HourWeekdayMatrix = number[][];

/** Row labels of the matrix, Monday first as in Sweden (ISO 8601). */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

function emptyMatrix(): HourWeekdayMatrix {
  return Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
}

/**
 * Counts instants by weekday (row 0 = Monday) and hour of day on the wall clock of `timeZone`.
 * @example
 * const m = hourWeekdayMatrix(incidents.map((i) => i.occurred_at), DEFAULT_TIME_ZONE);
 * m[4]![22] // incidents on Fridays between 22:00 and 22:59 local time
 */
export function hourWeekdayMatrix(instants: Iterable<InstantInput>, timeZone: string): HourWeekdayMatrix {
  const m = emptyMatrix();
  for (const instant of instants) {
    const p = localParts(instant, timeZone);
    m[p.weekday - 1]![p.hour]! += 1;
  }
  return m;
}

const HOUR_MS = 3_600_000;

/**
 * How many clock hours of each weekday × hour slot lie in [start, end): the exposure for per-hour rates. A
 * normal week gives 1 everywhere; the spring-change week has 0 at Sunday 02, the autumn one 2.
 * Counts whole UTC hours from `start`, which matches wall-clock hours in zones with whole-hour offsets.
 * @example hourWeekdayHours('2026-10-18T22:00:00Z', '2026-10-25T23:00:00Z', DEFAULT_TIME_ZONE)[6]![2] // 2
 */
export function hourWeekdayHours(start: InstantInput, end: InstantInput, timeZone: string): HourWeekdayMatrix {
  const m = emptyMatrix();
  const to = toEpochMs(end);
  for (let t = toEpochMs(start); t < to; t += HOUR_MS) {
    const local = new Date(t + zoneOffsetMs(t, timeZone));
    m[(local.getUTCDay() + 6) % 7]![local.getUTCHours()]! += 1;
  }
  return m;
}
