import { describe, expect, it } from 'vitest';
import { countSource } from '../../../../tests/support/random-counts.js';
import { proportionDifferenceTest } from './proportion-difference-test.js';

describe('proportion-difference test per unit (Wheeler, Steenbeek & Andresen 2018)', () => {
  it('30 of 100 before against 10 of 100 after (hand calculation)', () => {
    // Pooled share 40/200 = 0.2; z = (0.1 − 0.3)/√(0.2·0.8·(1/100 + 1/100)) = −0.2/0.0565685 = −3.535534;
    // χ² = z² = 12.5; p = 2·(1 − Φ(3.5355)) = 0.000407. Two units share the same table, mirrored, so
    // both raw p-values are equal and BY multiplies by c(2) = 1.5: 0.000611.
    const r = proportionDifferenceTest([30, 70], [10, 90]);
    expect(r.units[0]!.chiSquare).toBeCloseTo(12.5, 10);
    expect(r.units[0]!.p).toBeCloseTo(0.000407, 6);
    expect(r.units[0]!.adjustedP).toBeCloseTo(1.5 * r.units[0]!.p, 12);
    expect(r.units[0]!.change).toBe('lower');
    expect(r.units[1]!.change).toBe('higher');
    // Newcombe's interval for 10/100 − 30/100 excludes 0.
    expect(r.units[0]!.difference).toBeCloseTo(-0.2, 12);
    expect(r.units[0]!.upper).toBeLessThan(0);
    expect(r.similar).toBe(0);
  });

  it('calls units of two draws of the same pattern similar, unlike the resampling test (200 + 200 events, 40 units)', () => {
    const s = countSource(77);
    const weights = Array.from({ length: 40 }, (_, i) => (i < 4 ? 8 : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const draw = () => {
      const counts = new Array<number>(40).fill(0);
      for (let k = 0; k < 200; k++) {
        let u = s.uniform() * total;
        let i = 0;
        while (u >= weights[i]!) u -= weights[i++]!;
        counts[i]!++;
      }
      return counts;
    };
    expect(proportionDifferenceTest(draw(), draw()).similar).toBeGreaterThanOrEqual(0.95);
  });

  it('treats a unit with no events in either period as similar, and refuses empty periods', () => {
    const r = proportionDifferenceTest([5, 0, 5], [5, 0, 5]);
    expect(r.units[1]).toMatchObject({ chiSquare: 0, p: 1, change: 'similar' });
    expect(() => proportionDifferenceTest([0, 0], [1, 1])).toThrow(RangeError);
    expect(() => proportionDifferenceTest([1], [1, 1])).toThrow(RangeError);
  });
});
