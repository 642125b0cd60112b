import { compareCounts } from '../../analysis/stats/change.js';
import { isoWeekDay, isoWeekOfDate, iterateWeeks, parseIsoWeek, weeksInIsoYear } from '../../domain/calendar/index.js';
import type { SituationReport } from '../../domain/situation.js';

type Calendar = SituationReport['calendar'];

/** Past years the calendar learns from, at most. */
export const CALENDAR_YEARS = 5;
/** A year with fewer incidents than this says nothing about its weeks and is left out. */
const MIN_YEAR_TOTAL = 52;
const MIN_RATIO = 1.2;

export const CALENDAR_RULE =
  "A week is high in a year when its count is at least 1.2 × that year's weekly mean and significantly above the rest of the year " +
  '(exact conditional Poisson test, p < 0.05); a peak is a week number high in at least two of the past years used (years with ≥ 52 incidents and data in their first and last eight weeks, at most 5).';

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher) as [month, day]. */
function easterSunday(year: number): [number, number] {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

/** The ISO week number of a date; a day past the month's end runs on into the next month. */
function weekNumber(year: number, month: number, day: number): number {
  return parseIsoWeek(isoWeekOfDate(year, month, day)).week;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Known recurring periods in Stockholm for a year, as ISO week numbers. School holidays are approximate
 * (Stockholm's usual weeks; the city sets the exact dates each year).
 */
export function knownPeriods(year: number): Calendar['known_periods'] {
  const [em, ed] = easterSunday(year);
  // Midsummer Eve is the Friday between 19 and 25 June.
  const midsummer = range(19, 25).find((d) => new Date(Date.UTC(year, 5, d)).getUTCDay() === 5)!;
  const dark = [...iterateWeeks(`${year}-W01`, `${year}-W${String(weeksInIsoYear(year)).padStart(2, '0')}`)]
    .filter((w) => {
      // The week's Thursday decides its month.
      const month = Number(isoWeekDay(w, 3).slice(5, 7));
      return month >= 11 || month <= 2;
    })
    .map((w) => parseIsoWeek(w).week);
  return [
    {
      kind: 'valborg',
      label_sv: 'Valborg (30 april)',
      label_en: 'Walpurgis Night (30 April)',
      weeks: [weekNumber(year, 4, 30)],
    },
    { kind: 'midsummer', label_sv: 'Midsommar', label_en: 'Midsummer', weeks: [weekNumber(year, 6, midsummer)] },
    { kind: 'sportlov', label_sv: 'Sportlov (ungefär)', label_en: 'Winter sports holiday (approx.)', weeks: [9] },
    {
      kind: 'pasklov',
      label_sv: 'Påsklov (ungefär)',
      label_en: 'Easter holiday (approx.)',
      weeks: [...new Set([weekNumber(year, em, ed - 2), weekNumber(year, em, ed + 1)])],
    },
    { kind: 'sommarlov', label_sv: 'Sommarlov (ungefär)', label_en: 'Summer holiday (approx.)', weeks: range(25, 33) },
    { kind: 'hostlov', label_sv: 'Höstlov (ungefär)', label_en: 'Autumn half-term (approx.)', weeks: [44] },
    { kind: 'dark_season', label_sv: 'Mörka årstiden (nov–feb)', label_en: 'Dark season (Nov–Feb)', weeks: dark },
  ];
}

/**
 * The annual calendar (årshjul): recurring peaks learnt from past years' weekly counts, the known periods
 * of the report's year, and what applies to the report's week.
 * @example annualCalendar(new Map([['2024-W18', 40], …]), '2026-W18').peaks // [{ week_number: 18, years_high: 2, … }]
 */
export function annualCalendar(weekly: ReadonlyMap<string, number>, reportWeek: string): Calendar {
  const { year: reportYear, week } = parseIsoWeek(reportWeek);
  const yearsUsed: number[] = [];
  const high = new Map<number, { years: number; ratios: number[] }>();
  for (let y = reportYear - CALENDAR_YEARS; y < reportYear; y++) {
    const weeks = [...iterateWeeks(`${y}-W01`, `${y}-W${String(weeksInIsoYear(y)).padStart(2, '0')}`)];
    const counts = weeks.map((w) => weekly.get(w) ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    // A year the data only partly covers (the system started mid-year) would make its covered weeks look high.
    const covered = counts.slice(0, 8).some((c) => c > 0) && counts.slice(-8).some((c) => c > 0);
    if (total < MIN_YEAR_TOTAL || !covered) continue;
    yearsUsed.push(y);
    const mean = total / weeks.length;
    counts.forEach((c, i) => {
      const n = i + 1;
      const entry = high.get(n) ?? { years: 0, ratios: [] };
      entry.ratios.push(c / mean);
      const test = compareCounts(c, total - c, { referenceExposure: weeks.length - 1 });
      if (c >= MIN_RATIO * mean && test.direction === 'up') entry.years++;
      high.set(n, entry);
    });
  }
  const peaks = [...high.entries()]
    .filter(([, e]) => e.years >= 2)
    .map(([n, e]) => ({
      week_number: n,
      years_high: e.years,
      mean_ratio: Math.round((e.ratios.reduce((a, b) => a + b, 0) / e.ratios.length) * 100) / 100,
    }))
    .sort((a, b) => a.week_number - b.week_number);
  const known = knownPeriods(reportYear);
  const thisWeek = known.filter((p) => p.weeks.includes(week)).map((p) => p.label_sv);
  const peak = peaks.find((p) => p.week_number === week);
  if (peak)
    thisWeek.unshift(
      `återkommande topp (hög ${peak.years_high} av ${yearsUsed.length} år, i snitt ${peak.mean_ratio} × årsmedel)`,
    );
  return { years_used: yearsUsed, rule: CALENDAR_RULE, peaks, known_periods: known, this_week: thisWeek };
}
