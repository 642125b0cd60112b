/**
 * ISO 8601 weeks in Swedish time and category × area × week count tables: the skeleton of the weekly
 * situation picture. A week runs Monday 00:00 to the next Monday 00:00 on a Stockholm wall clock, so the
 * week holding the spring change is 167 hours long and the one holding the autumn change 169.
 */
import { dayNumber, fromDayNumber, type InstantInput, localParts, STOCKHOLM, zonedTimeToEpochMs } from './local-time.js';

/** An ISO week such as '2026-W47' (year of the week's Thursday, two-digit week number). */
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
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`ISO week year out of range: ${year}`);
  if (!Number.isInteger(week) || week < 1 || week > weeksInIsoYear(year)) throw new RangeError(`${year} has no week ${week}`);
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
 * The ISO week an instant falls in, on the wall clock of `timeZone` (Swedish time by default).
 * @example isoWeek('2026-11-22T23:30:00Z') // '2026-W48' (already Monday 00:30 in Stockholm)
 */
export function isoWeek(instant: InstantInput, timeZone: string = STOCKHOLM): IsoWeek {
  const p = localParts(instant, timeZone);
  return isoWeekOfDate(p.year, p.month, p.day);
}

/**
 * The Monday of an ISO week as 'YYYY-MM-DD'.
 * @example isoWeekMonday('2026-W01') // '2025-12-29'
 */
export function isoWeekMonday(week: string): string {
  const d = fromDayNumber(mondayOf(week));
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function mondayOf(week: string): number {
  const { year, week: w } = parseIsoWeek(week);
  return week1Monday(year) + 7 * (w - 1);
}

/**
 * The week as a half-open interval of instants [start, end): Monday 00:00 to the next Monday 00:00 in
 * `timeZone`. Query with `occurred_at >= start AND occurred_at < end`.
 * @example weekBounds('2026-W13').start.toISOString() // '2026-03-22T23:00:00.000Z'
 */
export function weekBounds(week: string, timeZone: string = STOCKHOLM): { start: Date; end: Date } {
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

/** One key function per column; returning null or undefined leaves the record out of the table. */
export type KeyFns<R, K extends string> = { readonly [P in K]: (record: R) => string | null | undefined };

/** A count table over the columns K, e.g. category × area × week. */
export interface CountTable<K extends string> {
  /** One row per key combination seen, ordered by the columns in the order the key functions were given. */
  rows: Array<{ key: Record<K, string>; count: number }>;
  /** Records counted. */
  total: number;
  /** Records left out because a key function gave null or undefined (say so beside the table). */
  skipped: number;
  /** The count of one combination, 0 when never seen. */
  get(key: Record<K, string>): number;
}

// Unit separator: cannot occur in category codes, area ids or ISO weeks.
const SEP = '\u001f';

/**
 * Counts records by several keys at once. Combinations never seen are absent from `rows` but `get` gives 0
 * for them, so "all areas × all weeks" tables are filled by iterating the wanted keys, not the rows.
 * @example
 * const table = countBy(incidents, {
 *   category: (i) => i.category,
 *   area: (i) => i.district_id,
 *   week: (i) => isoWeek(i.occurred_at),
 * });
 * table.get({ category: 'vandalism', area: districtId, week: '2026-W47' }); // 12
 */
export function countBy<R, K extends string>(records: Iterable<R>, keyFns: KeyFns<R, K>): CountTable<K> {
  const columns = Object.keys(keyFns) as K[];
  const fns = columns.map((c) => keyFns[c]);
  const counts = new Map<string, { parts: string[]; count: number }>();
  let total = 0;
  let skipped = 0;
  outer: for (const record of records) {
    const parts: string[] = [];
    for (const fn of fns) {
      const v = fn(record);
      if (v === null || v === undefined) {
        skipped++;
        continue outer;
      }
      parts.push(v);
    }
    const id = parts.join(SEP);
    const entry = counts.get(id);
    if (entry) entry.count++;
    else counts.set(id, { parts, count: 1 });
    total++;
  }
  const rows = [...counts.values()]
    .sort((a, b) => compareParts(a.parts, b.parts))
    .map(({ parts, count }) => ({ key: Object.fromEntries(columns.map((c, i) => [c, parts[i]!])) as Record<K, string>, count }));
  return {
    rows,
    total,
    skipped,
    get: (key) => counts.get(columns.map((c) => key[c]).join(SEP))?.count ?? 0,
  };
}

// Code-point order, not locale order, so the table reads the same on every machine.
function compareParts(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
