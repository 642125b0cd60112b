/**
 * The proportion-difference alternative to Andresen's test (Wheeler, Steenbeek & Andresen 2018, Transactions
 * in GIS 22:760): per unit, is its share of the after-period events different from its share before? A 2×2
 * χ² test (the pooled two-proportion z-test squared) per unit, p-values adjusted over all units by
 * Benjamini–Yekutieli (valid however the units depend on each other), and Newcombe's interval for the
 * difference in shares, so that a statistically clear but tiny change can be seen to be tiny.
 */
import { adjustBenjaminiYekutieli } from '../fdr.js';
import { newcombeDifference } from '../proportions.js';
import { normalSurvival } from '../special.js';

/** One unit's outcome. */
export interface ShareDifference {
  baseShare: number;
  testShare: number;
  /** testShare − baseShare with Newcombe's hybrid score interval. */
  difference: number;
  lower: number;
  upper: number;
  /** χ² on 1 df of the unit's 2×2 table (in the unit or not × before or after). */
  chiSquare: number;
  p: number;
  /** Benjamini–Yekutieli adjusted p over all units. */
  adjustedP: number;
  change: 'higher' | 'lower' | 'similar';
}

/**
 * Runs the per-unit test; base and test are counts per unit in the same order.
 * @example proportionDifferenceTest([30, 70], [10, 90]) // unit 0: share 0.3 → 0.1, χ² 12.5, 'lower'
 */
export function proportionDifferenceTest(
  base: readonly number[],
  test: readonly number[],
  options: { alpha?: number; level?: number } = {},
): { units: ShareDifference[]; similar: number } {
  const { alpha = 0.05, level = 0.95 } = options;
  if (base.length !== test.length || base.length === 0)
    throw new RangeError('base and test need one count per unit, for the same units');
  for (const c of [...base, ...test])
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`counts must be non-negative integers, got ${c}`);
  const nb = base.reduce((s, c) => s + c, 0);
  const nt = test.reduce((s, c) => s + c, 0);
  if (nb === 0 || nt === 0) throw new RangeError('both periods need events: shares are not defined');
  const raw = base.map((b, i) => {
    const t = test[i]!;
    const pooled = (b + t) / (nb + nt);
    const variance = pooled * (1 - pooled) * (1 / nb + 1 / nt);
    const z = variance === 0 ? 0 : (t / nt - b / nb) / Math.sqrt(variance);
    return { b, t, chiSquare: z * z, p: Math.min(1, 2 * normalSurvival(Math.abs(z))) };
  });
  const adjusted = adjustBenjaminiYekutieli(raw.map((r) => r.p));
  const units = raw.map(({ b, t, chiSquare, p }, i): ShareDifference => {
    const ci = newcombeDifference(t, nt, b, nb, level);
    const adjustedP = adjusted[i]!;
    const change = adjustedP >= alpha ? 'similar' : ci.estimate > 0 ? 'higher' : 'lower';
    return {
      baseShare: b / nb,
      testShare: t / nt,
      difference: ci.estimate,
      lower: ci.lower,
      upper: ci.upper,
      chiSquare,
      p,
      adjustedP,
      change,
    };
  });
  return { units, similar: units.filter((u) => u.change === 'similar').length / units.length };
}
