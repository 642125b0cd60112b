/**
 * Did a count change against its reference? The situation picture compares this week's count a with a
 * reference count b (last week, the same week last year, or the sum of several earlier weeks). Both are
 * treated as Poisson counts with exposures T₁ and T₀ (weeks, or people); conditional on a + b, a is
 * binomial with p₀ = T₁/(T₁+T₀) when the rates are equal, which gives an exact test that needs no
 * large-sample approximation, so it holds for the small counts of one category in one district.
 */
import { chiSquareQuantile, lnGamma, normalQuantile, regularizedBeta } from './special.js';

/** Which way a count moved, 'none' unless the test says so at the chosen level. */
export type Direction = 'up' | 'down' | 'none';

/** Exposures and levels; all optional. */
export interface ExposureOptions {
  /** Exposure of the count under test, T₁ (default 1: one week). */
  exposure?: number;
  /** Exposure of the reference count, T₀ (default 1; 4 when b sums the four previous weeks). */
  referenceExposure?: number;
  /** Confidence level of intervals (default 0.95). */
  level?: number;
}

/** A rate ratio with its confidence interval. */
export interface RateRatio {
  /** (a/T₁)/(b/T₀), after adding ½ to both counts when one is zero. */
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  /** True when ½ was added to both counts because one of them was zero. */
  halfAdded: boolean;
}

/** The result of `compareCounts`. */
export interface CountComparison {
  a: number;
  b: number;
  /** Share of a + b expected in a when nothing changed: T₁/(T₁+T₀). */
  p0: number;
  /** a's expected value under no change: (a + b)·p₀. */
  expected: number;
  /** Two-sided exact conditional p-value (doubled smaller tail, capped at 1). */
  pExact: number;
  /** Two-sided mid-p: as pExact with only half the probability of the observed count; for display. */
  pMid: number;
  /** 'up' or 'down' when the chosen p-value is below alpha, else 'none'. */
  direction: Direction;
  rateRatio: RateRatio;
}

function checkCount(name: string, x: number): void {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${name} must be a non-negative integer, got ${x}`);
}

function checkPositive(name: string, x: number): void {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`${name} must be positive and finite, got ${x}`);
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
}

/**
 * Tail probabilities of X ~ Bin(n, p) at k, through the incomplete beta function so that large n costs no
 * more than small n.
 * @example binomialTails(10, 12, 0.5) // { atMost: 4083/4096, atLeast: 79/4096, pmf: 66/4096 }
 */
export function binomialTails(k: number, n: number, p: number): { atMost: number; atLeast: number; pmf: number } {
  checkCount('n', n);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`k must be an integer in 0…n, got ${k}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must lie strictly between 0 and 1, got ${p}`);
  const pmf = Math.exp(
    lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p),
  );
  return {
    atLeast: k === 0 ? 1 : regularizedBeta(p, k, n - k + 1),
    atMost: k === n ? 1 : regularizedBeta(1 - p, n - k, k + 1),
    pmf,
  };
}

/**
 * Two-sided conditional test of a | a + b ~ Bin(a + b, p₀). The two-sided p doubles the smaller tail (the
 * "central" convention, which pairs with mid-p); for p₀ = ½ it equals R's binom.test / poisson.test, for
 * other p₀ it is more cautious than their "sum of less likely outcomes" rule (14 of 38 at p₀ = 0.2: 0.024
 * here, 0.014 there).
 * @example exactConditionalTest(10, 2) // { pExact: 0.0386 (= 2·79/4096), pMid: 0.0225 (= 2·46/4096) }
 */
export function exactConditionalTest(a: number, b: number, p0 = 0.5): { pExact: number; pMid: number } {
  checkCount('a', a);
  checkCount('b', b);
  if (a + b === 0) return { pExact: 1, pMid: 1 };
  const { atMost, atLeast, pmf } = binomialTails(a, a + b, p0);
  return {
    pExact: Math.min(1, 2 * Math.min(atMost, atLeast)),
    pMid: Math.min(1, 2 * Math.min(atMost - pmf / 2, atLeast - pmf / 2)),
  };
}

/**
 * Rate ratio (a/T₁)/(b/T₀) with the log-method interval exp(ln RR ± z·√(1/a + 1/b)); when either count is
 * zero, ½ is added to both so the estimate and interval stay finite (a wide interval, honestly so).
 * @example rateRatio(10, 2) // { estimate: 5, lower: 1.096, upper: 22.82, level: 0.95, halfAdded: false }
 */
export function rateRatio(a: number, b: number, options: ExposureOptions = {}): RateRatio {
  const { exposure = 1, referenceExposure = 1, level = 0.95 } = options;
  checkCount('a', a);
  checkCount('b', b);
  checkPositive('exposure', exposure);
  checkPositive('referenceExposure', referenceExposure);
  checkLevel(level);
  const halfAdded = a === 0 || b === 0;
  const x = halfAdded ? a + 0.5 : a;
  const y = halfAdded ? b + 0.5 : b;
  const estimate = x / exposure / (y / referenceExposure);
  const margin = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(1 / x + 1 / y);
  return { estimate, lower: estimate * Math.exp(-margin), upper: estimate * Math.exp(margin), level, halfAdded };
}

/**
 * Exact (Garwood) interval for a Poisson rate from one count a: [χ²(α/2; 2a)/2, χ²(1−α/2; 2a+2)/2] divided by
 * the exposure; the lower bound is 0 when a = 0.
 * @example poissonExactCi(10) // { lower: 4.795, upper: 18.390, level: 0.95 }
 */
export function poissonExactCi(
  a: number,
  options: Pick<ExposureOptions, 'exposure' | 'level'> = {},
): { lower: number; upper: number; level: number } {
  const { exposure = 1, level = 0.95 } = options;
  checkCount('a', a);
  checkPositive('exposure', exposure);
  checkLevel(level);
  const alpha = 1 - level;
  const lower = a === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * a) / 2;
  const upper = chiSquareQuantile(1 - alpha / 2, 2 * a + 2) / 2;
  return { lower: lower / exposure, upper: upper / exposure, level };
}

/** Options of `compareCounts`. */
export interface CompareOptions extends ExposureOptions {
  /** Significance level for `direction` (default 0.05). */
  alpha?: number;
  /** Which p-value decides `direction`: the exact one (default, never too liberal) or mid-p. */
  decideBy?: 'exact' | 'mid-p';
}

/**
 * Everything the situation picture says about one count against its reference: the exact test, mid-p, a
 * direction, and the rate ratio with its interval.
 * @example
 * // 14 this week against 24 in the four weeks before (6 a week):
 * compareCounts(14, 24, { referenceExposure: 4 });
 * // → { p0: 0.2, expected: 7.6, pExact: 0.024, direction: 'up', rateRatio: { estimate: 2.33, lower: 1.21, upper: 4.51 } }
 */
export function compareCounts(a: number, b: number, options: CompareOptions = {}): CountComparison {
  const { exposure = 1, referenceExposure = 1, alpha = 0.05, decideBy = 'exact' } = options;
  checkPositive('exposure', exposure);
  checkPositive('referenceExposure', referenceExposure);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie strictly between 0 and 1, got ${alpha}`);
  const p0 = exposure / (exposure + referenceExposure);
  const { pExact, pMid } = exactConditionalTest(a, b, p0);
  const expected = (a + b) * p0;
  const p = decideBy === 'exact' ? pExact : pMid;
  const direction: Direction = p >= alpha || a === expected ? 'none' : a > expected ? 'up' : 'down';
  return { a, b, p0, expected, pExact, pMid, direction, rateRatio: rateRatio(a, b, options) };
}
