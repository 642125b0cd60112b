import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonShareInterval } from './proportions.js';

describe('Wilson score interval of a published share', () => {
  // Known answers: Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison
  // of seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (score interval without
  // continuity correction), given there to four decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → %f to %f', (x, n, low, high) => {
    const ci = wilsonShareInterval(x / n, n);
    expect(ci.lower).toBeCloseTo(low, 4);
    expect(ci.upper).toBeCloseTo(high, 4);
  });

  it('narrows as the sample grows: the city survey 2017, 11 % of 17,669', () => {
    const ci = wilsonShareInterval(0.11, 17_669);
    expect(ci.upper - ci.lower).toBeLessThan(0.01);
    expect(wilsonShareInterval(0.11, 500).upper - wilsonShareInterval(0.11, 500).lower).toBeGreaterThan(
      ci.upper - ci.lower,
    );
  });

  it('always holds p, stays within [0, 1] and is symmetric in p ↔ 1 − p', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (p, n) => {
        const ci = wilsonShareInterval(p, n);
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.lower).toBeLessThanOrEqual(p + 1e-12);
        expect(ci.upper).toBeGreaterThanOrEqual(p - 1e-12);
        const mirrored = wilsonShareInterval(1 - p, n);
        expect(mirrored.lower).toBeCloseTo(1 - ci.upper, 9);
        expect(mirrored.upper).toBeCloseTo(1 - ci.lower, 9);
      }),
    );
  });

  it('refuses an empty sample and a share outside [0, 1]', () => {
    expect(() => wilsonShareInterval(0.5, 0)).toThrow(RangeError);
    expect(() => wilsonShareInterval(1.2, 10)).toThrow(RangeError);
    expect(() => wilsonShareInterval(-0.1, 10)).toThrow(RangeError);
  });
});
