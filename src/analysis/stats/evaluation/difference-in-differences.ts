/**
 * Difference-in-differences on weekly counts: a Poisson regression y ~ area + week + treated·after, whose
 * interaction exp(δ) is the ratio of rate ratios (treatment area after/before over comparison areas
 * after/before). Area effects absorb that places differ in level; week effects absorb what all places share
 * (season, holidays, a citywide trend), which a before/after total cannot. With one treatment and one
 * comparison area the week effects cancel and δ equals the log of 1/RES from the four totals exactly (the
 * weekly counts conditioned on each week's total are binomial, and a saturated logit gives the pooled odds).
 * Counts of a place are usually overdispersed, so the default scales the covariance by the quasi-Poisson
 * dispersion φ = Pearson χ²/df (floored at 1) and uses t quantiles on df, as R's quasipoisson does.
 */
import { poissonRegression } from '../poisson-regression.js';
import { normalQuantile, normalSurvival, studentTQuantile, studentTTwoSided } from '../special.js';

/** One area's count in one week. */
export interface WeeklyAreaCount {
  area: string;
  /** Any sortable key of the week, e.g. '2026-W07'. */
  week: string;
  count: number;
  /** Visitors, opening hours or other exposure of the week (default 1): the model then compares rates. */
  exposure?: number;
  /** Whether the area is a treatment area (the same for every week of an area). */
  treated: boolean;
  /** Whether the week lies in the after period (the same for every area in a week). */
  after: boolean;
}

/** Options of `differenceInDifferences`. */
export interface DidOptions {
  /** 'week' (default): one effect per week; 'period': one before/after effect only. */
  timeEffects?: 'week' | 'period';
  /** 'quasi' (default): scale by the Pearson dispersion when above 1; 'poisson': trust the Poisson variance. */
  variance?: 'quasi' | 'poisson';
  level?: number;
}

/** Why the model could not be estimated. */
export type DidFailure =
  | 'NO_TREATED_AREA'
  | 'NO_COMPARISON_AREA'
  | 'NO_BEFORE_WEEKS'
  | 'NO_AFTER_WEEKS'
  | 'EMPTY_CELL'
  | 'NOT_CONVERGED';

/** The interaction's rate ratio and what went into it. */
export interface DidEstimate {
  ok: true;
  /** exp(δ): (treated after/before) ÷ (comparison after/before); below 1 is a relative reduction. */
  rateRatio: number;
  lower: number;
  upper: number;
  level: number;
  /** (rateRatio − 1)·100, the same scale as RES's percentChange. */
  percentChange: number;
  percentLower: number;
  percentUpper: number;
  logSe: number;
  p: number;
  significant: boolean;
  /** Quasi-Poisson dispersion Pearson χ²/df (reported even when not used). */
  dispersion: number;
  /** Whether the covariance was scaled by the dispersion. */
  scaled: boolean;
  df: number;
  /** Totals of the four cells (treatment/comparison × before/after) over the weeks used. */
  totals: { treatmentBefore: number; treatmentAfter: number; comparisonBefore: number; comparisonAfter: number };
  /** Weeks and areas left out because every count in them was zero (their effect would be −∞; leaving them out is exact). */
  droppedWeeks: string[];
  droppedAreas: string[];
}

/** The result: an estimate, or the reason there is none. */
export type DidResult = DidEstimate | { ok: false; code: DidFailure };

/** Rows checked for consistency, with the areas and weeks that can enter a model. */
interface Panel {
  areas: string[];
  weeks: string[];
  used: WeeklyAreaCount[];
  droppedAreas: string[];
  droppedWeeks: string[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function panelOf(rows: readonly WeeklyAreaCount[], timeEffects: 'week' | 'period'): Panel | DidFailure {
  const treatedOf = new Map<string, boolean>();
  const afterOf = new Map<string, boolean>();
  const areaTotal = new Map<string, number>();
  const weekTotal = new Map<string, number>();
  for (const r of rows) {
    if (!Number.isInteger(r.count) || r.count < 0)
      throw new RangeError(`counts must be non-negative integers, got ${r.count}`);
    if (r.exposure !== undefined && !(r.exposure > 0 && Number.isFinite(r.exposure)))
      throw new RangeError(`exposure must be positive, got ${r.exposure}`);
    if ((treatedOf.get(r.area) ?? r.treated) !== r.treated)
      throw new RangeError(`area ${r.area} is both treated and not`);
    if ((afterOf.get(r.week) ?? r.after) !== r.after) throw new RangeError(`week ${r.week} is both before and after`);
    treatedOf.set(r.area, r.treated);
    afterOf.set(r.week, r.after);
    areaTotal.set(r.area, (areaTotal.get(r.area) ?? 0) + r.count);
    weekTotal.set(r.week, (weekTotal.get(r.week) ?? 0) + r.count);
  }
  if (![...treatedOf.values()].some((t) => t)) return 'NO_TREATED_AREA';
  if (![...treatedOf.values()].some((t) => !t)) return 'NO_COMPARISON_AREA';
  const zeroKeys = (totals: Map<string, number>) =>
    [...totals]
      .filter(([, t]) => t === 0)
      .map(([k]) => k)
      .sort(byCodePoint);
  const droppedAreas = zeroKeys(areaTotal);
  const droppedWeeks = timeEffects === 'week' ? zeroKeys(weekTotal) : [];
  const areas = [...areaTotal.keys()].filter((a) => areaTotal.get(a)! > 0).sort(byCodePoint);
  const weeks = [...weekTotal.keys()].filter((w) => !droppedWeeks.includes(w)).sort(byCodePoint);
  const areaSet = new Set(areas);
  const weekSet = new Set(weeks);
  const used = rows.filter((r) => areaSet.has(r.area) && weekSet.has(r.week));
  return { areas, weeks, used, droppedAreas, droppedWeeks };
}

/** The last column's coefficient of a panel model, with its scaled standard error. */
interface ColumnFit {
  estimate: number;
  logSe: number;
  lower: number;
  upper: number;
  p: number;
  dispersion: number;
  scaled: boolean;
  df: number;
}

/**
 * Fits y ~ area + time + column by Poisson regression with ln(exposure) as offset; time is one effect per
 * week or a single after-period effect. Null when the fit did not converge.
 */
function fitColumn(
  panel: Panel,
  column: (row: WeeklyAreaCount) => number,
  timeEffects: 'week' | 'period',
  variance: 'quasi' | 'poisson',
  level: number,
): ColumnFit | null {
  const { areas, weeks, used } = panel;
  const areaIndex = new Map(areas.map((a, i) => [a, i]));
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const timeColumns = timeEffects === 'week' ? weeks.length - 1 : 1;
  const p = 1 + (areas.length - 1) + timeColumns + 1;
  const design = used.map((r) => {
    const row = new Array<number>(p).fill(0);
    row[0] = 1;
    const a = areaIndex.get(r.area)!;
    if (a > 0) row[a] = 1;
    const w = weekIndex.get(r.week)!;
    if (timeEffects === 'week') {
      if (w > 0) row[areas.length - 1 + w] = 1;
    } else if (r.after) row[areas.length] = 1;
    row[p - 1] = column(r);
    return row;
  });
  const fit = poissonRegression(
    design,
    used.map((r) => r.count),
    { offset: used.map((r) => Math.log(r.exposure ?? 1)) },
  );
  if (!fit.converged) return null;
  const estimate = fit.coefficients[p - 1]!;
  const dispersion = fit.df > 0 ? fit.pearsonChi2 / fit.df : 1;
  const scaled = variance === 'quasi' && dispersion > 1 && fit.df > 0;
  const logSe = Math.sqrt(fit.covariance[p - 1]![p - 1]! * (scaled ? dispersion : 1));
  const quantile = scaled ? studentTQuantile(1 - (1 - level) / 2, fit.df) : normalQuantile(1 - (1 - level) / 2);
  const statistic = estimate / logSe;
  return {
    estimate,
    logSe,
    lower: estimate - quantile * logSe,
    upper: estimate + quantile * logSe,
    p: scaled ? studentTTwoSided(statistic, fit.df) : Math.min(1, 2 * normalSurvival(Math.abs(statistic))),
    dispersion,
    scaled,
    df: fit.df,
  };
}

/**
 * Fits the difference-in-differences model. Inconsistent input (an area both treated and not, a week both
 * before and after, negative counts) is a programming error and throws a RangeError; data that cannot
 * support the model (no comparison area, a cell with no events) gives `{ ok: false, code }`.
 * @example
 * differenceInDifferences(rows) // { ok: true, rateRatio: 0.68, lower: 0.52, upper: 0.89, percentChange: −32, … }
 */
export function differenceInDifferences(rows: readonly WeeklyAreaCount[], options: DidOptions = {}): DidResult {
  const { timeEffects = 'week', variance = 'quasi', level = 0.95 } = options;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  const panel = panelOf(rows, timeEffects);
  if (typeof panel === 'string') return { ok: false, code: panel };
  if (!rows.some((r) => !r.after)) return { ok: false, code: 'NO_BEFORE_WEEKS' };
  if (!rows.some((r) => r.after)) return { ok: false, code: 'NO_AFTER_WEEKS' };
  const totals = { treatmentBefore: 0, treatmentAfter: 0, comparisonBefore: 0, comparisonAfter: 0 };
  for (const r of panel.used) {
    const key = r.treated
      ? r.after
        ? 'treatmentAfter'
        : 'treatmentBefore'
      : r.after
        ? 'comparisonAfter'
        : 'comparisonBefore';
    totals[key] += r.count;
  }
  // A cell with no events puts δ at ±∞: there is no finite estimate to report.
  if (Object.values(totals).some((t) => t === 0)) return { ok: false, code: 'EMPTY_CELL' };
  const fit = fitColumn(panel, (r) => (r.treated && r.after ? 1 : 0), timeEffects, variance, level);
  if (!fit) return { ok: false, code: 'NOT_CONVERGED' };
  const rateRatio = Math.exp(fit.estimate);
  const lower = Math.exp(fit.lower);
  const upper = Math.exp(fit.upper);
  return {
    ok: true,
    rateRatio,
    lower,
    upper,
    level,
    percentChange: (rateRatio - 1) * 100,
    percentLower: (lower - 1) * 100,
    percentUpper: (upper - 1) * 100,
    logSe: fit.logSe,
    p: fit.p,
    significant: fit.p < 1 - level,
    dispersion: fit.dispersion,
    scaled: fit.scaled,
    df: fit.df,
    totals,
    droppedWeeks: panel.droppedWeeks,
    droppedAreas: panel.droppedAreas,
  };
}

/** Whether treatment and comparison areas followed the same trend before the measure. */
export interface PreTrend {
  ok: true;
  /** exp(γ): how much faster (> 1) or slower the treatment area's weekly rate changed, per week. */
  weeklyRatio: number;
  lower: number;
  upper: number;
  p: number;
  /** The trends differ at the chosen level: the difference-in-differences assumption is in doubt. */
  differs: boolean;
}

/**
 * The parallel-trends check behind difference-in-differences: on the before weeks only, y ~ area + week +
 * treated·t (t = the week's position), where exp(γ) is the treatment area's extra change per week. A
 * clear difference means the comparison areas are not a fair stand-in for what would have happened.
 * Needs 4 before weeks with events.
 * @example preTrendCheck(rows) // { ok: true, weeklyRatio: 1.01, lower: 0.98, upper: 1.04, differs: false }
 */
export function preTrendCheck(
  rows: readonly WeeklyAreaCount[],
  options: Omit<DidOptions, 'timeEffects'> = {},
): PreTrend | { ok: false; code: DidFailure | 'TOO_FEW_WEEKS' } {
  const { variance = 'quasi', level = 0.95 } = options;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  const before = rows.filter((r) => !r.after);
  if (before.length === 0) return { ok: false, code: 'NO_BEFORE_WEEKS' };
  const panel = panelOf(before, 'week');
  if (typeof panel === 'string') return { ok: false, code: panel };
  if (panel.weeks.length < 4) return { ok: false, code: 'TOO_FEW_WEEKS' };
  if (!panel.used.some((r) => r.treated && r.count > 0) || !panel.used.some((r) => !r.treated && r.count > 0))
    return { ok: false, code: 'EMPTY_CELL' };
  // t counts every before week, including quiet ones left out of the fit, so that gaps keep their length.
  const position = new Map([...new Set(before.map((r) => r.week))].sort(byCodePoint).map((w, i) => [w, i]));
  const fit = fitColumn(panel, (r) => (r.treated ? position.get(r.week)! : 0), 'week', variance, level);
  if (!fit) return { ok: false, code: 'NOT_CONVERGED' };
  return {
    ok: true,
    weeklyRatio: Math.exp(fit.estimate),
    lower: Math.exp(fit.lower),
    upper: Math.exp(fit.upper),
    p: fit.p,
    differs: fit.p < 1 - level,
  };
}
