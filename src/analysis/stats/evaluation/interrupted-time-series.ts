/**
 * Interrupted time series for a single place without a comparison (Wagner et al. 2002, "Segmented regression
 * analysis of interrupted time series studies in medication use research", J Clin Pharm Ther 27:299):
 *   y_t = β0 + β1·t + β2·after_t + β3·(t − t0)·after_t + ε_t,   t = 0 … n−1, after_t = [t ≥ t0],
 * fitted by ordinary least squares. β2 is the change in level at the interruption (the after line at t0
 * minus the before line carried forward), β3 the change in slope per period. Weekly counts of one place are
 * seldom independent from week to week; OLS standard errors then are too small (positive autocorrelation),
 * so the result carries the Durbin–Watson statistic and the lag-1 autocorrelation of the residuals, a flag
 * when the latter is larger than white noise would give (|r₁| > z/√n, Bartlett's approximation), and
 * Newey–West standard errors that stay valid under autocorrelation (Newey & West 1987, Bartlett weights,
 * lag ⌊4·(n/100)^(2/9)⌋; as R's sandwich::NeweyWest(fit, lag, prewhite = FALSE)).
 */
import { cholesky, choleskyInverse, choleskySolve, normalEquations } from '../linear-algebra.js';
import { normalQuantile, studentTQuantile, studentTTwoSided } from '../special.js';

/** One coefficient with its standard error, interval and two-sided p-value (t on n − 4 df). */
export interface Coefficient {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  p: number;
}

/** The result of `interruptedTimeSeries`. */
export interface SegmentedRegression {
  /** β0: level at the first period. */
  baselineLevel: Coefficient;
  /** β1: change per period before the interruption. */
  baselineSlope: Coefficient;
  /** β2: jump at the interruption. */
  levelChange: Coefficient;
  /** β3: change in the change per period after the interruption. */
  slopeChange: Coefficient;
  level: number;
  /** Periods before and after the interruption. */
  before: number;
  after: number;
  /** Residual standard deviation √(RSS/(n − 4)). */
  residualSd: number;
  df: number;
  /** Durbin–Watson d = Σ(e_t − e_{t−1})²/Σe_t²: about 2 without autocorrelation, towards 0 with positive. */
  durbinWatson: number;
  /** Lag-1 autocorrelation of the residuals Σe_t·e_{t−1}/Σe_t². */
  lag1Autocorrelation: number;
  /** 'positive' or 'negative' when |r₁| exceeds z/√n: the standard errors are then not to be trusted as they are. */
  autocorrelation: 'positive' | 'negative' | 'none';
  /** Fewer than 12 periods on one side of the interruption (Wagner et al. 2002 recommend at least 12 each). */
  fewPoints: boolean;
  /** The level and slope changes with Newey–West (autocorrelation-robust) standard errors, t on n − 4 df. */
  robust: { lag: number; levelChange: Coefficient; slopeChange: Coefficient };
}

/**
 * Newey–West covariance (XᵀX)⁻¹ S (XᵀX)⁻¹ with S = Σ_l w_l Σ_t e_t·e_{t−l}·(x_t x_{t−l}ᵀ + x_{t−l} x_tᵀ)
 * (the l = 0 term counted once) and Bartlett weights w_l = 1 − l/(lag + 1).
 * @example neweyWestCovariance(x, residuals, inverse, 0) // White's HC0 covariance
 */
export function neweyWestCovariance(
  x: readonly (readonly number[])[],
  residuals: readonly number[],
  inverse: readonly (readonly number[])[],
  lag: number,
): number[][] {
  const k = inverse.length;
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let l = 0; l <= lag; l++) {
    const weight = l === 0 ? 1 : 1 - l / (lag + 1);
    for (let t = l; t < x.length; t++) {
      const ee = weight * residuals[t]! * residuals[t - l]!;
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          const cross = x[t]![i]! * x[t - l]![j]! + (l === 0 ? 0 : x[t - l]![i]! * x[t]![j]!);
          meat[i]![j] = meat[i]![j]! + ee * cross;
        }
    }
  }
  const product = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) =>
    a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, m) => s + v * b[m]![j]!, 0)));
  return product(product(inverse, meat), inverse);
}

/** The minimum periods on each side that Wagner et al. (2002) recommend. */
export const RECOMMENDED_POINTS_PER_SIDE = 12;

/**
 * Segmented regression of a series (weekly counts or rates, oldest first) interrupted at index `interruption`
 * (the first period after). Needs at least 2 periods on each side and 5 in all (one residual degree of freedom).
 * @example
 * interruptedTimeSeries([2, 4, 5, 8, 3, 4, 6, 6], 4)
 * // levelChange −6.4 (SE 0.877), slopeChange −0.8 (SE 0.374), durbinWatson 3.079
 */
export function interruptedTimeSeries(
  values: readonly number[],
  interruption: number,
  options: { level?: number } = {},
): SegmentedRegression {
  const { level = 0.95 } = options;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  const n = values.length;
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`values must be finite numbers, got ${v}`);
  if (!Number.isInteger(interruption) || interruption < 2 || n - interruption < 2 || n < 5)
    throw new RangeError('need at least 2 periods before and after the interruption, and 5 in all');
  const x = values.map((_, t) => {
    const after = t >= interruption ? 1 : 0;
    return [1, t, after, after * (t - interruption)];
  });
  const { xtwx, xtwz } = normalEquations(x, values);
  const l = cholesky(xtwx);
  if (!l) throw new RangeError('the segmented design is singular');
  const beta = choleskySolve(l, xtwz);
  const inverse = choleskyInverse(l);
  const residuals = values.map((y, t) => y - x[t]!.reduce((s, v, j) => s + v * beta[j]!, 0));
  const rss = residuals.reduce((s, e) => s + e * e, 0);
  const df = n - 4;
  const sigma2 = rss / df;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  const coefficient = (j: number, variance = sigma2 * inverse[j]![j]!): Coefficient => {
    const estimate = beta[j]!;
    const se = Math.sqrt(variance);
    // A perfect fit has no spread: the estimate is exact, p is 0 unless the estimate is 0 too.
    const p = se > 0 ? studentTTwoSided(estimate / se, df) : estimate === 0 ? 1 : 0;
    return { estimate, se, lower: estimate - q * se, upper: estimate + q * se, p };
  };
  let diff2 = 0;
  let lagged = 0;
  for (let t = 1; t < n; t++) {
    diff2 += (residuals[t]! - residuals[t - 1]!) ** 2;
    lagged += residuals[t]! * residuals[t - 1]!;
  }
  const durbinWatson = rss > 0 ? diff2 / rss : 2;
  const lag1Autocorrelation = rss > 0 ? lagged / rss : 0;
  const bound = normalQuantile(1 - (1 - level) / 2) / Math.sqrt(n);
  const lag = Math.floor(4 * (n / 100) ** (2 / 9));
  const hac = neweyWestCovariance(x, residuals, inverse, lag);
  return {
    baselineLevel: coefficient(0),
    baselineSlope: coefficient(1),
    levelChange: coefficient(2),
    slopeChange: coefficient(3),
    level,
    before: interruption,
    after: n - interruption,
    residualSd: Math.sqrt(sigma2),
    df,
    durbinWatson,
    lag1Autocorrelation,
    autocorrelation: lag1Autocorrelation > bound ? 'positive' : lag1Autocorrelation < -bound ? 'negative' : 'none',
    fewPoints: interruption < RECOMMENDED_POINTS_PER_SIDE || n - interruption < RECOMMENDED_POINTS_PER_SIDE,
    robust: { lag, levelChange: coefficient(2, hac[2]![2]!), slopeChange: coefficient(3, hac[3]![3]!) },
  };
}
