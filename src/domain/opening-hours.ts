import { localParts, type InstantInput } from './calendar/index.js';
import type { OpeningHours } from './org.js';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * True when the room is open for the whole local clock span [fromMinute, toMinute) of ISO weekday `weekday`
 * (1 Monday … 7 Sunday); minutes count from local midnight. A span no period covers entirely is not open.
 * @example isOpenDuring(hours, 1, 600, 660) // Monday 10:00–11:00
 */
export function isOpenDuring(hours: OpeningHours, weekday: number, fromMinute: number, toMinute: number): boolean {
  return hours.periods.some(
    (p) => p.day === weekday && minutes(p.opens) <= fromMinute && toMinute <= minutes(p.closes),
  );
}

/** True when some period of ISO weekday `weekday` overlaps the local span [fromMinute, toMinute): not closed throughout. */
export function overlapsOpening(hours: OpeningHours, weekday: number, fromMinute: number, toMinute: number): boolean {
  return hours.periods.some((p) => p.day === weekday && minutes(p.opens) < toMinute && fromMinute < minutes(p.closes));
}

/** True when the room is open at the instant, read on the wall clock of `timeZone` (the organisation's). */
export function isOpenAt(hours: OpeningHours, instant: InstantInput, timeZone: string): boolean {
  const { weekday, hour, minute } = localParts(instant, timeZone);
  const at = hour * 60 + minute;
  return isOpenDuring(hours, weekday, at, at + 1);
}
