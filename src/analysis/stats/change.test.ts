import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialTails, compareCounts, exactConditionalTest, poissonExactCi, rateRatio } from './change.js';

const count = fc.integer({ min: 0, max: 400 });

describe('exact conditional test', () => {
  it('a = 10, b = 2, equal exposure: 2·P(X ≥ 10 | n = 12, ½) = 2·(66 + 12 + 1)/4096 (by hand; R binom.test(10, 12) 0.03857)', () => {
    const r = exactConditionalTest(10, 2);
    expect(r.pExact).toBeCloseTo((2 * 79) / 4096, 12);
    expect(r.pExact).toBeCloseTo(0.0386, 4);
    // mid-p: 2·(P(X > 10) + ½P(X = 10)) = 2·(13 + 33)/4096
    expect(r.pMid).toBeCloseTo((2 * 46) / 4096, 12);
  });

  it('gives p = 1 when a = b and when both are zero', () => {
    expect(exactConditionalTest(7, 7).pExact).toBe(1);
    expect(exactConditionalTest(0, 0)).toEqual({ pExact: 1, pMid: 1 });
  });

  it('handles unequal exposure: a = 3, b = 1, p₀ = ¼ → 2·P(X ≥ 3 | 4, ¼) = 2·13/256, mid-p 2·7/256 (by hand)', () => {
    const r = exactConditionalTest(3, 1, 0.25);
    expect(r.pExact).toBeCloseTo(26 / 256, 12);
    expect(r.pMid).toBeCloseTo(14 / 256, 12);
    expect(compareCounts(3, 1, { referenceExposure: 3 }).p0).toBe(0.25);
  });

  it('agrees with binomial sums term by term', () => {
    expect(binomialTails(10, 12, 0.5).atLeast).toBeCloseTo(79 / 4096, 14);
    expect(binomialTails(10, 12, 0.5).atMost).toBeCloseTo(4083 / 4096, 14);
    expect(binomialTails(0, 5, 0.5)).toMatchObject({ atLeast: 1 });
    expect(binomialTails(0, 5, 0.5).atMost).toBeCloseTo(1 / 32, 14);
  });

  it('is symmetric in a and b under equal exposure, and pMid ≤ pExact ≤ 1', () => {
    fc.assert(
      fc.property(count, count, (a, b) => {
        const ab = exactConditionalTest(a, b);
        const ba = exactConditionalTest(b, a);
        expect(ab.pExact).toBeCloseTo(ba.pExact, 10);
        expect(ab.pMid).toBeLessThanOrEqual(ab.pExact + 1e-12);
        expect(ab.pExact).toBeLessThanOrEqual(1);
        expect(ab.pMid).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never rejects more often than alpha when nothing changed (exact size, summed over all outcomes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (n, p0) => {
        let size = 0;
        for (let a = 0; a <= n; a++)
          if (exactConditionalTest(a, n - a, p0).pExact <= 0.05) size += binomialTails(a, n, p0).pmf;
        expect(size).toBeLessThanOrEqual(0.05 + 1e-12);
      }),
    );
  });
});

describe('compareCounts', () => {
  it('calls 10 against 2 up, 2 against 10 down, 7 against 7 nothing', () => {
    expect(compareCounts(10, 2).direction).toBe('up');
    expect(compareCounts(2, 10).direction).toBe('down');
    expect(compareCounts(7, 7).direction).toBe('none');
    // 6 against 2: p = 2·(28 + 8 + 1)/256 = 0.289, no call either way
    expect(compareCounts(6, 2)).toMatchObject({ direction: 'none', expected: 4 });
  });

  it('lets mid-p decide when asked: 9 against 2 has exact p 0.065 but mid-p 0.039 (2·(1+11+27.5)/2048)', () => {
    expect(compareCounts(9, 2).pExact).toBeCloseTo((2 * 67) / 2048, 12);
    expect(compareCounts(9, 2).direction).toBe('none');
    expect(compareCounts(9, 2, { decideBy: 'mid-p' }).pMid).toBeCloseTo((2 * 39.5) / 2048, 12);
    expect(compareCounts(9, 2, { decideBy: 'mid-p' }).direction).toBe('up');
  });

  it('refuses negative or fractional counts and non-positive exposures', () => {
    expect(() => compareCounts(-1, 2)).toThrow(RangeError);
    expect(() => compareCounts(1.5, 2)).toThrow(RangeError);
    expect(() => compareCounts(1, 2, { referenceExposure: 0 })).toThrow(RangeError);
  });
});

describe('rate ratio', () => {
  it('a = 10, b = 2: RR 5, CI exp(ln 5 ± 1.959964·√(1/10 + 1/2)) = [1.0955, 22.820] (by hand)', () => {
    const r = rateRatio(10, 2);
    expect(r.estimate).toBe(5);
    expect(r.lower).toBeCloseTo(1.09555, 4);
    expect(r.upper).toBeCloseTo(22.8196, 3);
    expect(r.halfAdded).toBe(false);
  });

  it('adds ½ to both counts when one is zero: a = 4, b = 0 → 4.5/0.5 = 9, CI exp(ln 9 ± 1.96·√(1/4.5 + 2)) = [0.4846, 167.16]', () => {
    const r = rateRatio(4, 0);
    expect(r.estimate).toBe(9);
    expect(r.lower).toBeCloseTo(0.484558, 5);
    expect(r.upper).toBeCloseTo(167.1625, 3);
    expect(r.halfAdded).toBe(true);
  });

  it('divides by exposure: 14 in one week against 24 in four → 14/6', () => {
    expect(rateRatio(14, 24, { referenceExposure: 4 }).estimate).toBeCloseTo(14 / 6, 12);
  });

  it('is reciprocal when a and b swap, and always brackets its estimate', () => {
    fc.assert(
      fc.property(count, count, (a, b) => {
        const ab = rateRatio(a, b);
        const ba = rateRatio(b, a);
        expect(ab.estimate * ba.estimate).toBeCloseTo(1, 10);
        expect(ab.lower * ba.upper).toBeCloseTo(1, 8);
        expect(ab.lower).toBeLessThan(ab.estimate);
        expect(ab.estimate).toBeLessThan(ab.upper);
      }),
    );
  });
});

describe('exact Poisson interval', () => {
  // Garwood (1936) intervals as tabulated e.g. in Ulm (1990), Am J Epidemiol 131:373–375.
  it.each([
    [0, 0, 3.689],
    [1, 0.0253, 5.572],
    [5, 1.623, 11.668],
    [10, 4.795, 18.39],
  ])('a = %i → [%f, %f]', (a, lower, upper) => {
    const ci = poissonExactCi(a);
    expect(ci.lower).toBeCloseTo(lower, 3);
    expect(ci.upper).toBeCloseTo(upper, 3);
  });

  it('divides by exposure and widens with the level', () => {
    expect(poissonExactCi(10, { exposure: 4 }).upper).toBeCloseTo(18.39 / 4, 3);
    expect(poissonExactCi(10, { level: 0.99 }).upper).toBeGreaterThan(poissonExactCi(10).upper);
  });

  it('contains the count, and rises with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (a) => {
        const ci = poissonExactCi(a);
        const next = poissonExactCi(a + 1);
        expect(ci.lower).toBeLessThanOrEqual(a);
        expect(ci.upper).toBeGreaterThan(a);
        expect(next.lower).toBeGreaterThan(ci.lower);
        expect(next.upper).toBeGreaterThan(ci.upper);
      }),
    );
  });
});
