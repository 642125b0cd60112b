/**
 * Survey items before and after a measure: the staff working-environment survey and the visitor safety
 * survey. Shares ("känner sig trygg", top two boxes of a Likert item) change with Newcombe's intervals from
 * proportions.ts; means of a Likert item change with Welch's interval (different respondents) or the paired
 * t interval (the same staff). Every result says which direction is "after minus before" and flags samples
 * under 30 respondents, where one or two answers move a share by several points and the normal
 * approximations behind the mean intervals are rough.
 */
import { type Interval, newcombeDifference, newcombePairedDifference, type PairedTable } from '../proportions.js';
import { studentTQuantile, studentTTwoSided } from '../special.js';

/** Below this many respondents a result carries the small-sample caveat. */
export const SMALL_SAMPLE = 30;

/** x of n respondents answered yes (or in the top boxes). */
export interface Share {
  yes: number;
  n: number;
}

/** A change after − before with its interval and the small-sample flag. */
export interface SurveyChange extends Interval {
  /** The interval excludes 0. */
  significant: boolean;
  /** Fewer than 30 respondents in a group (or pairs). */
  smallSample: boolean;
}

/** A change in a share. */
export interface ShareChange extends SurveyChange {
  before: number;
  after: number;
}

/** A change in a mean. */
export interface MeanChange extends SurveyChange {
  before: number;
  after: number;
  se: number;
  df: number;
  p: number;
}

const excludesZero = (ci: Interval) => ci.lower > 0 || ci.upper < 0;

/**
 * Change in a share between two independent samples (visitors asked before and other visitors after):
 * after − before with Newcombe's hybrid score interval.
 * @example proportionChange({ yes: 48, n: 80 }, { yes: 56, n: 70 }) // +0.20 (0.052 to 0.334)
 */
export function proportionChange(before: Share, after: Share, level = 0.95): ShareChange {
  const ci = newcombeDifference(after.yes, after.n, before.yes, before.n, level);
  return {
    ...ci,
    before: before.yes / before.n,
    after: after.yes / after.n,
    significant: excludesZero(ci),
    smallSample: before.n < SMALL_SAMPLE || after.n < SMALL_SAMPLE,
  };
}

/** The same respondents asked twice: yes both times, yes only before, yes only after, neither. */
export interface PairedAnswers {
  both: number;
  beforeOnly: number;
  afterOnly: number;
  neither: number;
}

/**
 * Change in a share among the same respondents (staff answering both surveys): after − before with
 * Newcombe's paired square-and-add interval, which uses how strongly each person's two answers agree.
 * @example pairedProportionChange({ both: 59, beforeOnly: 16, afterOnly: 6, neither: 80 }) // −0.062 (−0.119 to −0.005)
 */
export function pairedProportionChange(answers: PairedAnswers, level = 0.95): ShareChange {
  const { both, beforeOnly, afterOnly, neither } = answers;
  // newcombePairedDifference gives first − second; with the after answers first it is after − before.
  const table: PairedTable = { both, firstOnly: afterOnly, secondOnly: beforeOnly, neither };
  const ci = newcombePairedDifference(table, level);
  const n = both + beforeOnly + afterOnly + neither;
  return {
    ...ci,
    before: (both + beforeOnly) / n,
    after: (both + afterOnly) / n,
    significant: excludesZero(ci),
    smallSample: n < SMALL_SAMPLE,
  };
}

function meanAndVariance(values: readonly number[], name: string): { mean: number; variance: number; n: number } {
  const n = values.length;
  if (n < 2) throw new RangeError(`${name} needs at least 2 answers, got ${n}`);
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`${name} has a non-numeric answer: ${v}`);
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, variance, n };
}

function tInterval(
  estimate: number,
  se: number,
  df: number,
  level: number,
): { lower: number; upper: number; p: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie strictly between 0 and 1, got ${level}`);
  // Every answer the same in both groups: no spread to estimate, the difference is what it is.
  if (se === 0) return { lower: estimate, upper: estimate, p: estimate === 0 ? 1 : 0 };
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  return { lower: estimate - q * se, upper: estimate + q * se, p: studentTTwoSided(estimate / se, df) };
}

/**
 * Change in a mean between two independent samples, after − before, with Welch's interval (no assumption of
 * equal variances; Welch–Satterthwaite degrees of freedom).
 * @example meanChange([3, 4, 2, 5], [4, 5, 5, 4]) // after − before = +1
 */
export function meanChange(before: readonly number[], after: readonly number[], level = 0.95): MeanChange {
  const b = meanAndVariance(before, 'before');
  const a = meanAndVariance(after, 'after');
  const vb = b.variance / b.n;
  const va = a.variance / a.n;
  const se = Math.sqrt(va + vb);
  const df = se === 0 ? a.n + b.n - 2 : (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const estimate = a.mean - b.mean;
  const { lower, upper, p } = tInterval(estimate, se, df, level);
  return {
    estimate,
    lower,
    upper,
    level,
    before: b.mean,
    after: a.mean,
    se,
    df,
    p,
    significant: lower > 0 || upper < 0,
    smallSample: a.n < SMALL_SAMPLE || b.n < SMALL_SAMPLE,
  };
}

/**
 * Change in a mean among the same respondents (answers in the same order before and after): the paired
 * t interval on the differences after − before.
 * @example pairedMeanChange([3, 4, 2], [4, 4, 4]) // +1 on average
 */
export function pairedMeanChange(before: readonly number[], after: readonly number[], level = 0.95): MeanChange {
  if (before.length !== after.length) throw new RangeError('paired answers need one after answer per before answer');
  const d = meanAndVariance(
    after.map((v, i) => v - before[i]!),
    'differences',
  );
  const se = Math.sqrt(d.variance / d.n);
  const df = d.n - 1;
  const { lower, upper, p } = tInterval(d.mean, se, df, level);
  const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  return {
    estimate: d.mean,
    lower,
    upper,
    level,
    before: mean(before),
    after: mean(after),
    se,
    df,
    p,
    significant: lower > 0 || upper < 0,
    smallSample: d.n < SMALL_SAMPLE,
  };
}
