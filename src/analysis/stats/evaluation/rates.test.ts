import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byarInterval, compareRates, rateWithInterval } from './rates.js';

describe('rates with denominators', () => {
  it("Byar's interval for 10 events (hand calculation)", () => {
    // z = 1.959964. Lower: 10·(1 − 1/90 − z/(3·√10))³ = 10·(1 − 0.011111 − 0.206597)³ = 10·0.782292³ = 4.7874.
    // Upper: 11·(1 − 1/99 + z/(3·√11))³ = 11·(1 − 0.010101 + 0.196984)³ = 11·1.186883³ = 18.3915.
    const ci = byarInterval(10);
    expect(ci.lower).toBeCloseTo(4.7874, 4);
    expect(ci.upper).toBeCloseTo(18.3915, 4);
    expect(byarInterval(0).lower).toBe(0);
  });

  it('12 incidents among 48,000 visitors: 2.5 per 10,000, exact 95 % CI 1.292–4.367 (Garwood: χ²(0.025; 24)/2 = 6.2006, χ²(0.975; 26)/2 = 20.9616, each ÷ 4.8)', () => {
    const r = rateWithInterval(12, 48_000);
    expect(r.rate).toBeCloseTo(2.5, 12);
    expect(r.lower).toBeCloseTo(1.2918, 4);
    expect(r.upper).toBeCloseTo(4.367, 3);
    expect(r).toMatchObject({ per: 10_000, method: 'exact', level: 0.95 });
  });

  it('per opening hour: 30 incidents over 600 hours is 5 per 100 hours', () => {
    const r = rateWithInterval(30, 600, { per: 100, method: 'byar' });
    expect(r.rate).toBeCloseTo(5, 12);
    expect(r.method).toBe('byar');
  });

  it('Byar stays within 3 % of the exact interval from 10 events on, and both contain the rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 2000 }), fc.integer({ min: 1000, max: 1_000_000 }), (count, visitors) => {
        const exact = rateWithInterval(count, visitors);
        const byar = rateWithInterval(count, visitors, { method: 'byar' });
        expect(Math.abs(byar.lower / exact.lower - 1)).toBeLessThan(0.03);
        expect(Math.abs(byar.upper / exact.upper - 1)).toBeLessThan(0.03);
        for (const r of [exact, byar]) {
          expect(r.lower).toBeLessThanOrEqual(r.rate);
          expect(r.upper).toBeGreaterThanOrEqual(r.rate);
        }
      }),
    );
  });

  it('compares a large library with a small one by rate, not by count', () => {
    // 30 among 100,000 visitors (3 per 10,000) against 12 among 20,000 (6 per 10,000): ratio 0.5, though 30 > 12.
    const r = compareRates(30, 100_000, 12, 20_000);
    expect(r.first.rate).toBeCloseTo(3, 12);
    expect(r.second.rate).toBeCloseTo(6, 12);
    expect(r.comparison.rateRatio.estimate).toBeCloseTo(0.5, 12);
    // p₀ = 100,000/120,000 = 5/6: 30 of 42 where 35 were expected
    expect(r.comparison.p0).toBeCloseTo(5 / 6, 12);
    expect(r.comparison.expected).toBeCloseTo(35, 10);
    // Exact two-sided p = 2·P(X ≤ 30 | 42, 5/6) = 2·0.037629 = 0.0753 (SciPy binom.cdf): half the rate, yet
    // with 12 events in the small library not beyond chance.
    expect(r.comparison.pExact).toBeCloseTo(0.07526, 5);
    expect(r.comparison.direction).toBe('none');
  });

  it('refuses a zero or negative denominator and a fractional count', () => {
    expect(() => rateWithInterval(3, 0)).toThrow(RangeError);
    expect(() => rateWithInterval(3, -10)).toThrow(RangeError);
    expect(() => rateWithInterval(2.5, 100)).toThrow(RangeError);
  });
});
