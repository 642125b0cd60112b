/**
 * Regression to the mean: a place is often chosen for a measure because its incidents just peaked, and a
 * peak tends to fall back by itself, so a before period that ends at a peak makes any measure look good.
 * The check compares the last quarter of the before period with the rest of it by the exact conditional
 * test of change.ts; a significant rise means the before period ends at a peak and the result should say so.
 */
import { type CountComparison, compareCounts } from '../change.js';

/** The result of `baselineEndsAtPeak`. */
export interface PeakCheck {
  atPeak: boolean;
  /** Weeks in the compared tail and head of the before period. */
  tailWeeks: number;
  headWeeks: number;
  /** The tail's count against the head's, with exposures in weeks; null when the period is too short to tell. */
  comparison: CountComparison | null;
}

/**
 * Whether the before period (weekly counts, oldest first) ends at a peak: its last quarter (at least two
 * weeks) significantly above the weeks before it. Needs 8 weeks to say anything; shorter periods give false.
 * @example baselineEndsAtPeak([5, 4, 6, 5, 5, 4, 13, 15]) // { atPeak: true, tailWeeks: 2, headWeeks: 6, … }
 */
export function baselineEndsAtPeak(weekly: readonly number[], options: { alpha?: number } = {}): PeakCheck {
  const tailWeeks = Math.max(2, Math.floor(weekly.length / 4));
  const headWeeks = weekly.length - tailWeeks;
  if (weekly.length < 8) return { atPeak: false, tailWeeks, headWeeks, comparison: null };
  const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
  const comparison = compareCounts(sum(weekly.slice(headWeeks)), sum(weekly.slice(0, headWeeks)), {
    exposure: tailWeeks,
    referenceExposure: headWeeks,
    alpha: options.alpha ?? 0.05,
  });
  return { atPeak: comparison.direction === 'up', tailWeeks, headWeeks, comparison };
}
