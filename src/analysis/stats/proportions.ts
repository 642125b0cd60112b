/**
 * Intervals for survey shares ("andel som känner sig trygg"): Wilson's score interval for one proportion and
 * Newcombe's square-and-add intervals for a difference, unpaired (two samples of respondents) and paired
 * (the same staff asked before and after). Both keep their coverage near 95 % at the small n of one
 * library's staff, where the textbook Wald interval p ± 1.96·√(p(1−p)/n) fails (Newcombe 1998a, b).
 */
import { normalQuantile } from './special.js';

/** An estimate with its confidence interval. */
export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
  level: number;
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
}

function checkShare(x: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw new RangeError(`x must be an integer in 0…n, got ${x}`);
}

function zFor(level: number): number {
  checkLevel(level);
  return normalQuantile(1 - (1 - level) / 2);
}

/**
 * Wilson score interval for x successes in n: (x + z²/2 ± z·√(x(n−x)/n + z²/4)) / (n + z²).
 * @example wilsonInterval(81, 263) // { estimate: 0.3080, lower: 0.2553, upper: 0.3662, level: 0.95 }
 */
export function wilsonInterval(x: number, n: number, level = 0.95): Interval {
  checkShare(x, n);
  return wilsonShareInterval(x / n, n, level);
}

/**
 * The same interval for a share p among n respondents, where p comes from a rounded published percentage and
 * p·n need not be a whole number (the survey figures of `features/surveys`).
 * @example wilsonShareInterval(0.11, 17_669) // { estimate: 0.11, lower: 0.1055, upper: 0.1147, level: 0.95 }
 */
export function wilsonShareInterval(p: number, n: number, level = 0.95): Interval {
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`n must be a positive number, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within [0, 1], got ${p}`);
  const z = zFor(level);
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 or 1 one bound is exactly 0 or 1; the arithmetic above only nearly gets there.
  return {
    estimate: p,
    lower: p === 0 ? 0 : Math.max(0, centre - half),
    upper: p === 1 ? 1 : Math.min(1, centre + half),
    level,
  };
}

/**
 * Difference of two independent proportions x1/n1 − x2/n2 with Newcombe's hybrid score interval (1998b,
 * method 10): each share's Wilson interval, combined by "square and add".
 * @example newcombeDifference(56, 70, 48, 80) // { estimate: 0.2, lower: 0.0524, upper: 0.3339 }
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, level = 0.95): Interval {
  const a = wilsonInterval(x1, n1, level);
  const b = wilsonInterval(x2, n2, level);
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    lower: d - Math.hypot(a.estimate - a.lower, b.upper - b.estimate),
    upper: d + Math.hypot(a.upper - a.estimate, b.estimate - b.lower),
    level,
  };
}

/**
 * A paired 2×2 table of the same respondents asked twice: `both` yes both times, `firstOnly` yes only the
 * first time, `secondOnly` yes only the second time, `neither`.
 */
export interface PairedTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

/**
 * Difference of paired proportions p₁ − p₂ (first occasion minus second) with Newcombe's square-and-add
 * interval for paired data (Newcombe 1998, Stat Med 17:2635, method 10): the marginal shares' Wilson
 * intervals combined with a correction φ for the correlation between occasions.
 * @example newcombePairedDifference({ both: 59, firstOnly: 6, secondOnly: 16, neither: 80 })
 * // { estimate: −0.0621, lower: −0.1186, upper: −0.0046 }
 */
export function newcombePairedDifference(table: PairedTable, level = 0.95): Interval {
  const { both, firstOnly, secondOnly, neither } = table;
  for (const v of [both, firstOnly, secondOnly, neither])
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`paired counts must be non-negative integers, got ${v}`);
  const n = both + firstOnly + secondOnly + neither;
  const first = wilsonInterval(both + firstOnly, n, level);
  const second = wilsonInterval(both + secondOnly, n, level);
  const d = first.estimate - second.estimate;
  // φ estimates the correlation of the two answers, with Newcombe's continuity adjustment of the cross product.
  const marginProduct = (both + firstOnly) * (secondOnly + neither) * (both + secondOnly) * (firstOnly + neither);
  const cross = both * neither - firstOnly * secondOnly;
  const adjusted = cross > n / 2 ? cross - n / 2 : Math.min(cross, 0);
  const phi = marginProduct === 0 ? 0 : adjusted / Math.sqrt(marginProduct);
  const dl1 = first.estimate - first.lower;
  const du1 = first.upper - first.estimate;
  const dl2 = second.estimate - second.lower;
  const du2 = second.upper - second.estimate;
  return {
    estimate: d,
    lower: d - Math.sqrt(Math.max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2)),
    upper: d + Math.sqrt(Math.max(0, dl2 * dl2 - 2 * phi * dl2 * du1 + du1 * du1)),
    level,
  };
}
