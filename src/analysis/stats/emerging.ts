/**
 * "Hot this week" as *unusual for this place*: each cell's Gi* neighbourhood sum this week against the same
 * neighbourhood's own previous weeks, in the spirit of ArcGIS's emerging hot spot analysis (simplified rules
 * below). Gi*'s null is an even spread over the scope: a place that is always busy is "hot" every week. Here
 * the null is the place's own level, so a busy-as-usual place is not flagged, and a flagged one is new or
 * intensifying. docs/situation.md has the rules and the error rates measured by bench/hotspot-null-study.ts.
 */
import { adjustBenjaminiHochberg } from './fdr.js';
import { regularizedBeta, regularizedGammaP } from './special.js';

/**
 * P(Y ≥ y) for a negative binomial with mean `mean` and size `size` (variance mean + mean²/size); Poisson
 * when size is Infinity. Through the incomplete beta: P(Y ≥ y) = I_q(y, size), q = mean/(size + mean).
 * @example negativeBinomialSurvival(1, 1, 1) // 0.5 (geometric on 0, 1, …, with p = ½)
 */
export function negativeBinomialSurvival(y: number, mean: number, size: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`mean must be finite and non-negative, got ${mean}`);
  if (!(size > 0)) throw new RangeError(`size must be positive, got ${size}`);
  if (y <= 0) return 1;
  if (mean === 0) return 0;
  if (size === Infinity) return regularizedGammaP(Math.ceil(y), mean);
  return regularizedBeta(mean / (size + mean), Math.ceil(y), size);
}

/** The predictive distribution of next week's count from a cell's history (see baselineFit). */
export interface BaselineFit {
  /** Weeks of history. */
  weeks: number;
  /** Σ of the history. */
  sum: number;
  /** Predictive mean: (Σ + ½)/T. */
  mean: number;
  /** Quasi-Poisson dispersion φ = max(1, s²/x̄) of the history (method of moments); 1 when the history is all zero. */
  dispersion: number;
  /** Negative-binomial size of the predictive distribution: mean/(φ − 1 + 1/T). */
  size: number;
}

/**
 * Fits the predictive distribution of a count from its T previous values: negative binomial with mean
 * (Σ + ½)/T and variance mean·(φ + 1/T). The ½ (Jeffreys) keeps a never-seen place from having mean 0 (any
 * incident would be "infinitely" unusual); the 1/T term is the uncertainty of the mean itself (with φ = 1
 * it is exactly the gamma–Poisson posterior predictive, size Σ + ½); φ widens it for overdispersed places.
 * `dispersionFloor` raises φ to at least that (baselineHotspots passes the median over the cells).
 * @example baselineFit(new Array(52).fill(0)) // { weeks: 52, sum: 0, mean: 0.5/52, dispersion: 1, size: 0.5 }
 */
export function baselineFit(history: readonly number[], dispersionFloor = 1): BaselineFit {
  const weeks = history.length;
  if (weeks < 2) throw new RangeError(`a baseline needs at least two weeks, got ${weeks}`);
  let sum = 0;
  for (const x of history) {
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`counts must be finite and non-negative, got ${x}`);
    sum += x;
  }
  const average = sum / weeks;
  let squares = 0;
  for (const x of history) squares += (x - average) ** 2;
  const dispersion = Math.max(1, dispersionFloor, average > 0 ? squares / (weeks - 1) / average : 1);
  const mean = (sum + 0.5) / weeks;
  return { weeks, sum, mean, dispersion, size: mean / (dispersion - 1 + 1 / weeks) };
}

/**
 * Upper-tail p of this week's count against its history: P(Y ≥ current) under baselineFit(history).
 * @example baselineP(1, new Array(52).fill(0)) // 1 − (52/53)^½ ≈ 0.009479
 */
export function baselineP(current: number, history: readonly number[]): number {
  const fit = baselineFit(history);
  return negativeBinomialSurvival(current, fit.mean, fit.size);
}

/**
 * Simplified emerging hot spot classes (ArcGIS has 17 patterns over a space-time cube; a weekly meeting needs five):
 * - 'new': unusual for this place this week, and never a Gi* hotspot in the previous weeks;
 * - 'intensifying': unusual for this place this week, and a Gi* hotspot in at least one previous week;
 * - 'persistent': a Gi* hotspot this week, not unusual for the place, and a Gi* hotspot in at least a
 *   quarter of the previous weeks (busy as usual);
 * - 'sporadic': a Gi* hotspot this week, not unusual, hot in fewer than a quarter of the previous weeks;
 * - 'none': neither.
 */
export type EmergingClass = 'new' | 'intensifying' | 'persistent' | 'sporadic' | 'none';

/** Share of previous weeks a cell must have been a Gi* hotspot to be 'persistent' rather than 'sporadic'. */
export const PERSISTENT_SHARE = 0.25;

/**
 * The class of one cell from: is it unusual this week (baseline test, after FDR), is it a Gi* hotspot this
 * week (after FDR), and in how many of `weeksBefore` previous weeks was it a Gi* hotspot.
 * @example emergingClass({ unusual: false, hotNow: true, hotWeeksBefore: 40, weeksBefore: 52 }) // 'persistent'
 */
export function emergingClass(cell: {
  unusual: boolean;
  hotNow: boolean;
  hotWeeksBefore: number;
  weeksBefore: number;
}): EmergingClass {
  if (cell.unusual) return cell.hotWeeksBefore > 0 ? 'intensifying' : 'new';
  if (!cell.hotNow) return 'none';
  return cell.hotWeeksBefore >= PERSISTENT_SHARE * cell.weeksBefore ? 'persistent' : 'sporadic';
}

/** One cell's result of the baseline test. */
export interface BaselineCell {
  /** This week's neighbourhood sum. */
  localSum: number;
  /** Predictive mean of the sum from its history. */
  expected: number;
  dispersion: number;
  /** Upper-tail p (baselineP). */
  p: number;
  /** Benjamini–Hochberg adjusted p over all cells of the run. */
  pAdjusted: number;
  /** pAdjusted ≤ alpha. */
  unusual: boolean;
}

/**
 * The baseline test for cells 0…n−1: `current[i]` and `history[t][i]` are counts per cell (history oldest
 * first, any number ≥ 2 of weeks); each cell's neighbourhood is `neighbours(i)` plus i itself (as in Gi*).
 * One-sided (only "more than usual"), BH-FDR over the cells at `alpha`. A cell's dispersion is at least the
 * median of all cells' own: φ from 52 weeks is noisy, and a cell whose φ happens to come out low would be
 * tested against too thin a tail (on overdispersed null weeks, 2 incidents per cell, the share of weeks with
 * a false hot cell fell from 20 % with each cell's own φ to 7.5 % in 40 seeded weeks; docs/situation.md has the full study).
 * @example
 * // Three cells alone (no neighbours), a quiet history and a cell that jumps to 6:
 * baselineHotspots([0, 6, 1], Array(52).fill([1, 1, 1]), () => [], 0.1).map((c) => c.unusual) // [false, true, false]
 */
export function baselineHotspots(
  current: readonly number[],
  history: ReadonlyArray<readonly number[]>,
  neighbours: (index: number) => Iterable<number>,
  alpha: number,
): BaselineCell[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie strictly between 0 and 1, got ${alpha}`);
  const n = current.length;
  for (const week of history)
    if (week.length !== n) throw new RangeError(`every history week needs ${n} cells, got ${week.length}`);
  const hoods = neighbourhoods(n, neighbours);
  const sumOf = (values: readonly number[], i: number) => hoods[i]!.reduce((s, j) => s + values[j]!, 0);
  const sums = hoods.map((_, i) => history.map((week) => sumOf(week, i)));
  const own = sums.map((h) => baselineFit(h).dispersion).sort((a, b) => a - b);
  const floor = n > 0 ? (own[(n - 1) >> 1]! + own[n >> 1]!) / 2 : 1;
  const partial = hoods.map((_, i) => {
    const localSum = sumOf(current, i);
    const fit = baselineFit(sums[i]!, floor);
    return {
      localSum,
      expected: fit.mean,
      dispersion: fit.dispersion,
      p: negativeBinomialSurvival(localSum, fit.mean, fit.size),
    };
  });
  const adjusted = adjustBenjaminiHochberg(partial.map((c) => c.p));
  return partial.map((c, i) => ({ ...c, pAdjusted: adjusted[i]!, unusual: adjusted[i]! <= alpha }));
}

/** Each cell's neighbourhood as index lists: itself first, then its neighbours once each. */
export function neighbourhoods(n: number, neighbours: (index: number) => Iterable<number>): number[][] {
  return Array.from({ length: n }, (_, i) => {
    const set = new Set<number>([i]);
    for (const j of neighbours(i)) {
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`neighbour index ${j} outside 0…${n - 1}`);
      set.add(j);
    }
    return [...set];
  });
}
