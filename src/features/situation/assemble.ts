import { compareCounts } from '../../analysis/stats/change.js';
import { addWeeks, iterateWeeks } from '../../domain/calendar/index.js';
import { WEEKDAYS } from '../../analysis/stats/time-profile.js';
import {
  type Change,
  DEFAULT_RATING_THRESHOLDS,
  type RatingLevel,
  type RatingThresholdsInput,
  type SituationReport,
} from '../../domain/situation.js';
import { proposeRating } from './rating.js';
import type { ReportScope } from './situation.scope.js';

/** Weeks of the trend line, ending with the report week. */
export const TREND_WEEKS = 52;

/** One row of the three-week breakdown (bucket 0 = report week, 1 = last week, 2 = same week last year). */
export interface BreakdownRow {
  bucket: number;
  area_id: string | null;
  category_id: string;
  precision: string;
  count: number;
}

export interface CategoryInfo {
  id: string;
  code: string;
  label_sv: string;
  label_en: string;
  group_code: string;
}

type Triple = [number, number, number];
const VIOLENCE_GROUP = 'violence';

/** Whether a reference week is comparable with the report week: the sources whose data does not cover both. */
export interface Coverage {
  uncovered: string[];
}

export interface SourceSpan {
  source: string;
  /** Mondays (YYYY-MM-DD) of the source's first and last week with incidents in the organisation. */
  first: string;
  last: string;
  /** Mondays among the report's weeks the source has incidents in. */
  weeks: readonly string[];
}

/**
 * A source covers a comparison when its data span (first to last week with incidents, organisation-wide)
 * holds both weeks. The sources that must cover it are those (of the filter, when there is one) with
 * incidents in the report's scope in either week: a source that started after the reference week — a demo year, a new import —
 * would otherwise show as a "significant rise". Import runs record no period of their own, so the span of
 * the incidents is the evidence.
 * @example coverage(spans, null, '2026-11-23', '2025-11-24') // { uncovered: ['demo'] } when demo data starts in 2026
 */
export function coverage(
  spans: readonly SourceSpan[],
  sources: readonly string[] | null,
  week: string,
  reference: string,
): Coverage {
  const [early, late] = week < reference ? [week, reference] : [reference, week];
  const uncovered = spans
    .filter(
      (s) =>
        (sources === null || sources.includes(s.source)) && (s.weeks.includes(week) || s.weeks.includes(reference)),
    )
    .filter((s) => s.first > early || s.last < late)
    .map((s) => s.source)
    .sort();
  return { uncovered };
}

/**
 * This week's count against a reference week: exact conditional Poisson test (equal one-week exposures),
 * mid-p for display, rate ratio with its 95 % interval; significant at p_exact < 0.05. No test when the
 * reference week is not covered by every source's data (`cover`): "no comparison".
 */
export function change(count: number, reference: number, cover: Coverage = { uncovered: [] }): Change {
  if (cover.uncovered.length) {
    return {
      reference,
      p_exact: null,
      p_mid: null,
      direction: 'none',
      significant: false,
      rate_ratio: null,
      comparable: false,
      uncovered_sources: cover.uncovered,
    };
  }
  const c = compareCounts(count, reference);
  const rr = c.rateRatio;
  return {
    reference,
    p_exact: c.pExact,
    p_mid: c.pMid,
    direction: c.direction,
    significant: c.pExact < 0.05,
    rate_ratio: { estimate: rr.estimate, lower: rr.lower, upper: rr.upper, half_added: rr.halfAdded },
    comparable: true,
  };
}

/** Coverage of last week and of the same week last year. */
export type Covers = [previous: Coverage, lastYear: Coverage];
const FULL: Covers = [{ uncovered: [] }, { uncovered: [] }];

function withChange(t: Triple, covers: Covers) {
  return { count: t[0], vs_previous_week: change(t[0], t[1], covers[0]), vs_last_year: change(t[0], t[2], covers[1]) };
}

function add(map: Map<string, Triple>, key: string, bucket: number, n: number): void {
  let t = map.get(key);
  if (!t) map.set(key, (t = [0, 0, 0]));
  t[bucket] = t[bucket]! + n;
}

/** Totals, per-stadsdel and per-category counts of the three weeks, from the breakdown rows. */
export function tally(
  rows: readonly BreakdownRow[],
  scope: ReportScope,
  categories: ReadonlyMap<string, CategoryInfo>,
) {
  const total: Triple = [0, 0, 0];
  const hood = new Map<string, Triple>();
  const coarse = new Map<string, Triple>();
  const violence = new Map<string, Triple>();
  const category = new Map<string, Triple>();
  let points = 0,
    coarseArea = 0,
    coarseMunicipality = 0;
  for (const r of rows) {
    total[r.bucket] = total[r.bucket]! + r.count;
    add(category, r.category_id, r.bucket, r.count);
    const code = r.area_id ? scope.codeByAreaId.get(r.area_id) : undefined;
    if (code) {
      add(hood, code, r.bucket, r.count);
      if (r.precision === 'area') add(coarse, code, r.bucket, r.count);
      if (categories.get(r.category_id)?.group_code === VIOLENCE_GROUP) add(violence, code, r.bucket, r.count);
    }
    if (r.bucket !== 0) continue;
    if (r.precision === 'exact' || r.precision === 'place') points += r.count;
    else if (r.precision === 'area') coarseArea += r.count;
    else coarseMunicipality += r.count;
  }
  return { total, hood, coarse, violence, category, points, coarseArea, coarseMunicipality };
}

export interface RatingContext {
  thresholds: ReadonlyMap<string, RatingThresholdsInput>;
  confirmed: ReadonlyMap<string, { level: number; comment: string | null; confirmed_by: string; confirmed_at: Date }>;
  previousConfirmed: ReadonlyMap<string, number>;
}

export interface PopulationRow {
  area_code: string;
  year: number;
  population: number;
}

/**
 * The population a rate uses: the newest figure from the report's year or before, else the oldest after it
 * (the data is partial and of mixed years, so the year goes beside the rate).
 */
export function populationFor(rows: readonly PopulationRow[], code: string, year: number): PopulationRow | undefined {
  const mine = rows.filter((r) => r.area_code === code && r.population > 0);
  const before = mine.filter((r) => r.year <= year).sort((a, b) => b.year - a.year)[0];
  return before ?? mine.sort((a, b) => a.year - b.year)[0];
}

/** Per-stadsdel rows: counts and changes, coarse share, rate per 1,000 residents, proposed and confirmed rating. */
export function neighbourhoodRows(
  scope: ReportScope,
  t: ReturnType<typeof tally>,
  populations: readonly PopulationRow[],
  year: number,
  ratings: RatingContext,
  covers: Covers = FULL,
): SituationReport['neighbourhoods'] {
  return scope.neighbourhoods.map((n) => {
    const counts = t.hood.get(n.code) ?? [0, 0, 0];
    const row = withChange(counts, covers);
    const violence = t.violence.get(n.code)?.[0] ?? 0;
    const pop = populationFor(populations, n.code, year);
    const proposal = proposeRating(
      {
        count: row.count,
        violence,
        significantRise: row.vs_previous_week.significant && row.vs_previous_week.direction === 'up',
      },
      ratings.thresholds.get(n.districtCode) ?? DEFAULT_RATING_THRESHOLDS,
    );
    const confirmed = ratings.confirmed.get(n.code);
    return {
      code: n.code,
      name: n.name,
      district_code: n.districtCode,
      ...row,
      coarse: t.coarse.get(n.code)?.[0] ?? 0,
      violence,
      // Rounded here, once, to the two decimals every renderer shows: the page, the PDF and the workbook carry one figure.
      rate_per_1000: pop
        ? {
            rate: Math.round((row.count / pop.population) * 1000 * 100) / 100,
            population: pop.population,
            population_year: pop.year,
          }
        : null,
      rating: {
        proposed: proposal.level,
        score: proposal.score,
        reasons: proposal.reasons,
        confirmed: confirmed
          ? {
              level: confirmed.level as RatingLevel,
              comment: confirmed.comment,
              by: confirmed.confirmed_by,
              at: new Date(confirmed.confirmed_at).toISOString(),
            }
          : null,
        previous_week_confirmed: (ratings.previousConfirmed.get(n.code) as RatingLevel | undefined) ?? null,
      },
    };
  });
}

/** Category table: every category the filter admits, in the taxonomy's order, with counts and changes. */
export function categoryRows(
  t: ReturnType<typeof tally>,
  categories: readonly CategoryInfo[],
  covers: Covers = FULL,
): SituationReport['categories'] {
  return categories.map((c) => ({
    code: c.code,
    label_sv: c.label_sv,
    label_en: c.label_en,
    group_code: c.group_code,
    ...withChange(t.category.get(c.id) ?? [0, 0, 0], covers),
  }));
}

export function totalsOf(t: ReturnType<typeof tally>, covers: Covers = FULL): SituationReport['totals'] {
  return {
    ...withChange(t.total, covers),
    points: t.points,
    coarse_area: t.coarseArea,
    coarse_municipality: t.coarseMunicipality,
  };
}

export function trendOf(
  weekly: ReadonlyMap<string, { count: number; points: number }>,
  week: string,
): SituationReport['trend'] {
  return [...iterateWeeks(addWeeks(week, -(TREND_WEEKS - 1)), week)].map((w) => ({
    week: w,
    count: weekly.get(w)?.count ?? 0,
    points: weekly.get(w)?.points ?? 0,
  }));
}

/** 7 × 24 matrix (Monday first) from (ISO weekday, hour, count) rows. */
export function timeMatrix(rows: ReadonlyArray<{ dow: number; hour: number; count: number }>): {
  weekdays: string[];
  matrix: number[][];
} {
  const matrix = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const r of rows) matrix[r.dow - 1]![r.hour] = r.count;
  return { weekdays: [...WEEKDAYS], matrix };
}
