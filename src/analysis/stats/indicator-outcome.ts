import type { IndicatorOutcome } from '../../domain/annual.js';
import type { IndicatorDirection } from '../../domain/problems.js';

/**
 * Whether the value at follow-up is better, the same or worse than the baseline, given which way is better.
 * @example indicatorOutcome(8, 10, 'lower') // 'worse' (a rise of 25 % when fewer is the aim)
 */
export function indicatorOutcome(baseline: number, value: number, direction: IndicatorDirection): IndicatorOutcome {
  if (value === baseline) return 'unchanged';
  return value < baseline === (direction === 'lower') ? 'better' : 'worse';
}

/**
 * The change from the baseline in whole percent, rounded once here so every page and document shows the same
 * figure; null when the baseline is 0 (no share of nothing).
 * @example changePercent(8, 10) // 25
 */
export function changePercent(baseline: number, value: number): number | null {
  return baseline === 0 ? null : Math.round(((value - baseline) / baseline) * 100);
}
