/**
 * ISO 8601 weeks ('2026-W47': the year of the week's Thursday, two-digit week number). A week runs Monday
 * 00:00 to the next Monday 00:00 on the wall clock of a zone, so in Stockholm the week holding the spring
 * change is 167 hours long and the one holding the autumn change 169.
 */
import { dayNumber, formatDay, fromDayNumber } from './days.js';
import { type InstantInput, localParts, zonedTimeToEpochMs } from './zone.js';

/** An ISO week such as '2026-W47'. */
export type IsoWeek = `${number}-W${string}`;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

/** Day number (see `dayNumber`) of the Monday of ISO week 1: the week holding 4 January. */
function week1Monday(year: number): number {
  const jan4 = dayNumber(year, 1, 4);
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday here
  return jan4 - weekday;
}

/**
 * 53 when the ISO year has a week 53 (it starts on a Thursday, or is a leap year starting on a Wednesday), else 52.
 * @example weeksInIsoYear(2020) // 53
 */
export function weeksInIsoYear(year: number): 52 | 53 {
  return (week1Monday(year + 1) - week1Monday(year)) / 7 === 53 ? 53 : 52;
}

/**
 * Formats a year and week number, checking the week exists in that year.
 * @example formatIsoWeek(2026, 7) // '2026-W07'
 */
export function formatIsoWeek(year: number, week: number): IsoWeek {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`ISO week year out of range: ${year}`);
  if (!Number.isInteger(week) || week < 1 || week > weeksInIsoYear(year))
    throw new RangeError(`${year} has no week ${week}`);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Splits '2026-W47' into numbers; throws a RangeError for a malformed week or one the year lacks ('2021-W53').
 * @example parseIsoWeek('2020-W53') // { year: 2020, week: 53 }
 */
export function parseIsoWeek(week: string): { year: number; week: number } {
  const m = WEEK_RE.exec(week);
  if (!m) throw new RangeError(`not an ISO week: ${week}`);
  const parsed = { year: Number(m[1]), week: Number(m[2]) };
  formatIsoWeek(parsed.year, parsed.week);
  return parsed;
}

/**
 * True for a well-formed week that exists ('2020-W53' yes, '2021-W53' and '2026-47' no).
 * @example isIsoWeek('2021-W53') // false
 */
export function isIsoWeek(week: string): boolean {
  try {
    parseIsoWeek(week);
    return true;
  } catch {
    return false;
  }
}

/**
 * The ISO week of a calendar date (no time zone involved).
 * @example isoWeekOfDate(2021, 1, 3) // '2020-W53'
 */
export function isoWeekOfDate(year: number, month: number, day: number): IsoWeek {
  const n = dayNumber(year, month, day);
  const weekday = (((n + 3) % 7) + 7) % 7;
  // The week belongs to the year of its Thursday.
  const thursday = n - weekday + 3;
  const isoYear = fromDayNumber(thursday).year;
  const week = Math.floor((thursday - week1Monday(isoYear)) / 7) + 1;
  // Valid by construction, so skip formatIsoWeek's checks: this runs once per record when counting.
  return `${isoYear}-W${week < 10 ? '0' : ''}${week}`;
}

/**
 * The ISO week of a calendar day 'YYYY-MM-DD'.
 * @example isoWeekOfDay('2021-01-04') // '2021-W01'
 */
export function isoWeekOfDay(day: string): IsoWeek {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return isoWeekOfDate(y, m, d);
}

/**
 * The ISO week an instant falls in, on the wall clock of `timeZone`.
 * @example isoWeek('2026-11-22T23:30:00Z', 'Europe/Stockholm') // '2026-W48' (already Monday 00:30 in Stockholm)
 */
export function isoWeek(instant: InstantInput, timeZone: string): IsoWeek {
  const p = localParts(instant, timeZone);
  return isoWeekOfDate(p.year, p.month, p.day);
}

/**
 * The last ISO week that has ended on the wall clock of `timeZone`: the week before the one `now` falls in.
 * A Monday just after midnight already counts last week as complete; a Sunday evening does not.
 * @example lastCompleteWeek('Europe/Stockholm', new Date('2026-11-29T23:30:00Z')) // '2026-W48' (Monday 00:30 local)
 */
export function lastCompleteWeek(timeZone: string, now: InstantInput = new Date()): IsoWeek {
  return addWeeks(isoWeek(now, timeZone), -1);
}

function mondayOf(week: string): number {
  const { year, week: w } = parseIsoWeek(week);
  return week1Monday(year) + 7 * (w - 1);
}

/**
 * The Monday of an ISO week as 'YYYY-MM-DD'.
 * @example isoWeekMonday('2026-W01') // '2025-12-29'
 */
export function isoWeekMonday(week: string): string {
  return isoWeekDay(week, 0);
}

/**
 * Day `offset` of an ISO week (0 = Monday … 6 = Sunday) as 'YYYY-MM-DD'.
 * @example isoWeekDay('2026-W01', 6) // '2026-01-04'
 */
export function isoWeekDay(week: string, offset: number): string {
  const d = fromDayNumber(mondayOf(week) + offset);
  return formatDay(d.year, d.month, d.day);
}

/**
 * The week as a half-open interval of instants [start, end): Monday 00:00 to the next Monday 00:00 in
 * `timeZone`. Query with `occurred_at >= start AND occurred_at < end`.
 * @example weekBounds('2026-W13', 'Europe/Stockholm').start.toISOString() // '2026-03-22T23:00:00.000Z'
 */
export function weekBounds(week: string, timeZone: string): { start: Date; end: Date } {
  const monday = mondayOf(week);
  const at = (n: number) => {
    const d = fromDayNumber(n);
    return new Date(zonedTimeToEpochMs(d.year, d.month, d.day, 0, 0, timeZone));
  };
  return { start: at(monday), end: at(monday + 7) };
}

/**
 * The week n weeks later (n < 0: earlier), across year ends and week 53.
 * @example addWeeks('2020-W53', 1) // '2021-W01'
 */
export function addWeeks(week: string, n: number): IsoWeek {
  const d = fromDayNumber(mondayOf(week) + 7 * n);
  return isoWeekOfDate(d.year, d.month, d.day);
}

/**
 * The week before.
 * @example previousWeek('2021-W01') // '2020-W53'
 */
export function previousWeek(week: string): IsoWeek {
  return addWeeks(week, -1);
}

/**
 * The week with the same number in the previous ISO year, the usual "same week last year" of Swedish
 * weekly reports. Week 53 maps to week 52 when last year had no week 53: the last week that exists.
 * @example sameWeekLastYear('2026-W47') // '2025-W47'
 * @example sameWeekLastYear('2020-W53') // '2019-W52' (2019 had no week 53)
 */
export function sameWeekLastYear(week: string): IsoWeek {
  const { year, week: w } = parseIsoWeek(week);
  return formatIsoWeek(year - 1, Math.min(w, weeksInIsoYear(year - 1)));
}

/**
 * Every week from `from` to `to`, both included, in order (nothing when `to` is before `from`).
 * @example [...iterateWeeks('2020-W52', '2021-W02')] // ['2020-W52', '2020-W53', '2021-W01', '2021-W02']
 */
export function* iterateWeeks(from: string, to: string): Generator<IsoWeek> {
  const last = mondayOf(to);
  for (let n = mondayOf(from); n <= last; n += 7) {
    const d = fromDayNumber(n);
    yield isoWeekOfDate(d.year, d.month, d.day);
  }
}
