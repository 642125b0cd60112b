import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './proportion.js';

describe('Wilson score interval', () => {
  // Known answers: Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison
  // of seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (score interval without
  // continuity correction), given there to four decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → %f to %f', (x, n, low, high) => {
    const ci = wilsonInterval(x / n, n);
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it('narrows as the sample grows: the city survey 2017, 11 % of 17,669', () => {
    const ci = wilsonInterval(0.11, 17_669);
    expect(ci.high - ci.low).toBeLessThan(0.01);
    expect(wilsonInterval(0.11, 500).high - wilsonInterval(0.11, 500).low).toBeGreaterThan(ci.high - ci.low);
  });

  it('always holds p, stays within [0, 1] and is symmetric in p ↔ 1 − p', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (p, n) => {
        const ci = wilsonInterval(p, n);
        expect(ci.low).toBeGreaterThanOrEqual(0);
        expect(ci.high).toBeLessThanOrEqual(1);
        expect(ci.low).toBeLessThanOrEqual(p + 1e-12);
        expect(ci.high).toBeGreaterThanOrEqual(p - 1e-12);
        const mirrored = wilsonInterval(1 - p, n);
        expect(mirrored.low).toBeCloseTo(1 - ci.high, 9);
        expect(mirrored.high).toBeCloseTo(1 - ci.low, 9);
      }),
    );
  });

  it('refuses an empty sample and a share outside [0, 1]', () => {
    expect(() => wilsonInterval(0.5, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1.2, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-0.1, 10)).toThrow(RangeError);
  });
});
