/**
 * The relative effect size (RES) of an intervention, the before/after-with-comparison measure of the Campbell
 * and Brå reviews (Welsh & Farrington 2009; Farrington et al. 2007, J Exp Criminol 3:21): with a, b the
 * treatment area's counts before and after and c, d the comparison area's, RES = (a·d)/(b·c). RES > 1 means
 * the treatment area fell relative to the comparison area; the percentage change (1/RES − 1)·100 is how much.
 * Var(ln RES) = 1/a + 1/b + 1/c + 1/d assumes Poisson counts; counts summed over many weeks of a place are
 * usually overdispersed, so the variance can be inflated by a factor (see `dispersionFromWeeks`).
 */
import { normalQuantile, normalSurvival } from '../special.js';

/** Counts of the four cells; exposures (visitors, opening hours, weeks) are optional and default to 1. */
export interface BeforeAfterCounts {
  /** a: treatment area, before. */
  treatmentBefore: number;
  /** b: treatment area, after. */
  treatmentAfter: number;
  /** c: comparison area, before. */
  comparisonBefore: number;
  /** d: comparison area, after. */
  comparisonAfter: number;
}

/** Options of `relativeEffect`. */
export interface RelativeEffectOptions {
  /** Confidence level (default 0.95). */
  level?: number;
  /**
   * Variance inflation factor φ ≥ 1 for overdispersed counts (default 1, pure Poisson); Var(ln RES) is
   * multiplied by it, so the interval widens by √φ.
   */
  inflation?: number;
  /**
   * Exposure of each cell when the periods or denominators differ (e.g. visitors): RES becomes the ratio of
   * rate ratios. The variance is unchanged because exposures are known, not estimated.
   */
  exposures?: BeforeAfterCounts;
  /** Significance level for `significant` (default 1 − level). */
  alpha?: number;
}

/** The result of `relativeEffect`. */
export interface RelativeEffect {
  counts: BeforeAfterCounts;
  /** RES = (a·d)/(b·c) (times the exposure ratio), after adding ½ to every cell when one is zero. */
  res: number;
  lower: number;
  upper: number;
  level: number;
  /** √Var(ln RES), inflation included. */
  logSe: number;
  /** (1/RES − 1)·100: negative is a relative reduction in the treatment area. */
  percentChange: number;
  /** The percentage change's interval, from the RES interval (its bounds swap: 1/upper gives the lower). */
  percentLower: number;
  percentUpper: number;
  /** Two-sided p-value of ln RES = 0 (normal approximation on the log scale). */
  p: number;
  /** The interval excludes 1 at the chosen level. */
  significant: boolean;
  /** True when ½ was added to every cell because one was zero (Haldane–Anscombe correction). */
  halfAdded: boolean;
  inflation: number;
}

function checkCount(name: string, x: number): void {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${name} must be a non-negative integer, got ${x}`);
}

/**
 * Relative effect size with its log-method interval exp(ln RES ± z·√(φ·(1/a + 1/b + 1/c + 1/d))). A zero cell
 * would make RES 0 or infinite and its variance infinite; ½ is then added to all four cells (Haldane 1956,
 * Anscombe 1956), which keeps RES finite and the interval honestly wide, and `halfAdded` says so.
 * @example
 * relativeEffect({ treatmentBefore: 100, treatmentAfter: 60, comparisonBefore: 80, comparisonAfter: 90 })
 * // → res 1.875, 95 % CI 1.208–2.910, percentChange −46.7 (CI −65.6 to −17.2)
 */
export function relativeEffect(counts: BeforeAfterCounts, options: RelativeEffectOptions = {}): RelativeEffect {
  const { level = 0.95, inflation = 1, exposures } = options;
  const alpha = options.alpha ?? 1 - level;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie strictly between 0 and 1, got ${alpha}`);
  if (!(inflation >= 1) || !Number.isFinite(inflation))
    throw new RangeError(`inflation must be a finite number ≥ 1, got ${inflation}`);
  const { treatmentBefore, treatmentAfter, comparisonBefore, comparisonAfter } = counts;
  checkCount('treatmentBefore', treatmentBefore);
  checkCount('treatmentAfter', treatmentAfter);
  checkCount('comparisonBefore', comparisonBefore);
  checkCount('comparisonAfter', comparisonAfter);
  let exposureRatio = 1;
  if (exposures) {
    for (const v of Object.values(exposures))
      if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`exposures must be positive and finite, got ${v}`);
    // Rates r = count/exposure: (r_a·r_d)/(r_b·r_c) = RES · (E_b·E_c)/(E_a·E_d).
    exposureRatio =
      (exposures.treatmentAfter * exposures.comparisonBefore) / (exposures.treatmentBefore * exposures.comparisonAfter);
  }
  const cells = [treatmentBefore, treatmentAfter, comparisonBefore, comparisonAfter];
  const halfAdded = cells.some((x) => x === 0);
  const [a, b, c, d] = cells.map((x) => (halfAdded ? x + 0.5 : x)) as [number, number, number, number];
  const res = ((a * d) / (b * c)) * exposureRatio;
  const logSe = Math.sqrt(inflation * (1 / a + 1 / b + 1 / c + 1 / d));
  const margin = normalQuantile(1 - (1 - level) / 2) * logSe;
  const lower = res * Math.exp(-margin);
  const upper = res * Math.exp(margin);
  const p = Math.min(1, 2 * normalSurvival(Math.abs(Math.log(res)) / logSe));
  return {
    counts,
    res,
    lower,
    upper,
    level,
    logSe,
    percentChange: (1 / res - 1) * 100,
    percentLower: (1 / upper - 1) * 100,
    percentUpper: (1 / lower - 1) * 100,
    p,
    significant: p < alpha,
    halfAdded,
    inflation,
  };
}

/**
 * Quasi-Poisson dispersion of weekly counts, to inflate Var(ln RES): each group (one area in one period) is
 * taken to have a constant weekly mean, and φ = Pearson χ² / (weeks − groups) = Σ (y − ȳ_g)²/ȳ_g / (N − G),
 * floored at 1 (less variation than Poisson is not used to narrow the interval). Groups with no events add
 * nothing and cost no degree of freedom, as their mean is zero.
 * @example dispersionFromWeeks([[2, 6, 1, 7], [4, 4, 5, 3]]) // (26/4 + 2/4)/(8 − 2) = 7/6
 */
export function dispersionFromWeeks(groups: readonly (readonly number[])[]): number {
  let chi2 = 0;
  let weeks = 0;
  let used = 0;
  for (const group of groups) {
    for (const y of group) checkCount('weekly count', y);
    const total = group.reduce((s, y) => s + y, 0);
    if (total === 0) continue;
    const mean = total / group.length;
    for (const y of group) chi2 += (y - mean) ** 2 / mean;
    weeks += group.length;
    used++;
  }
  if (weeks - used < 1) return 1;
  return Math.max(1, chi2 / (weeks - used));
}
