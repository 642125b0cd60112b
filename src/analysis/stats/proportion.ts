/**
 * Confidence intervals for a proportion. Survey results are shares of respondents; the Wilson score
 * interval stays inside [0, 1] and keeps its coverage near 0 and 1 and for small samples, where the
 * textbook (Wald) interval fails (Newcombe 1998, Statistics in Medicine 17:857–872).
 */

/** z of a two-sided 95 % interval: the 0.975 quantile of the standard normal. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval of a proportion `p` observed among `n` (n > 0, 0 ≤ p ≤ 1). `p` may come
 * from a rounded published percentage, so p·n need not be a whole number.
 * @example wilsonInterval(81 / 263, 263) // { low: 0.2553…, high: 0.3662… }
 */
export function wilsonInterval(p: number, n: number, z: number = Z_95): { low: number; high: number } {
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`n must be a positive number, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within [0, 1], got ${p}`);
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Rounding can put the ends a hair outside [0, 1] at p = 0 or 1.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
