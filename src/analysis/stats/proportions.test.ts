import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombeDifference, newcombePairedDifference, wilsonInterval } from './proportions.js';

describe('Wilson score interval', () => {
  it('matches Newcombe (1998a, Stat Med 17:857, table II, method 3) to four decimals', () => {
    const cases: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lower, upper] of cases) {
      const ci = wilsonInterval(x, n);
      expect(ci.lower).toBeCloseTo(lower, 4);
      expect(ci.upper).toBeCloseTo(upper, 4);
    }
  });

  it('stays inside [0, 1], contains the estimate, and mirrors under x → n − x', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const x = Math.round(share * n);
        const ci = wilsonInterval(x, n);
        const mirror = wilsonInterval(n - x, n);
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.lower).toBeLessThanOrEqual(ci.estimate + 1e-12);
        expect(ci.upper).toBeGreaterThanOrEqual(ci.estimate - 1e-12);
        expect(ci.lower).toBeCloseTo(1 - mirror.upper, 12);
      }),
    );
  });

  it('refuses n = 0 and x outside 0…n', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
  });
});

describe('Newcombe difference of independent proportions', () => {
  it('matches Newcombe (1998b, Stat Med 17:873, table II, method 10)', () => {
    const cases: Array<[number, number, number, number, number, number]> = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
    ];
    for (const [x1, n1, x2, n2, lower, upper] of cases) {
      const ci = newcombeDifference(x1, n1, x2, n2);
      expect(ci.lower).toBeCloseTo(lower, 4);
      expect(ci.upper).toBeCloseTo(upper, 4);
    }
  });

  it('is antisymmetric when the groups swap and stays inside [−1, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, s1, s2) => {
          const x1 = Math.round(s1 * n1);
          const x2 = Math.round(s2 * n2);
          const ab = newcombeDifference(x1, n1, x2, n2);
          const ba = newcombeDifference(x2, n2, x1, n1);
          expect(ab.lower).toBeCloseTo(-ba.upper, 12);
          expect(ab.lower).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(ab.upper).toBeLessThanOrEqual(1 + 1e-12);
          expect(ab.lower).toBeLessThanOrEqual(ab.estimate + 1e-12);
          expect(ab.upper).toBeGreaterThanOrEqual(ab.estimate - 1e-12);
        },
      ),
    );
  });
});

describe('Newcombe difference of paired proportions', () => {
  it('matches Fagerland, Lydersen & Laake (2017, Statistical Analysis of Contingency Tables, ch. 8): Cavo et al. 2012, 59/6/16/80 → −0.0621 (−0.1186 to −0.0046)', () => {
    const ci = newcombePairedDifference({ both: 59, firstOnly: 6, secondOnly: 16, neither: 80 });
    expect(ci.estimate).toBeCloseTo(-0.0621, 4);
    expect(ci.lower).toBeCloseTo(-0.1186, 4);
    expect(ci.upper).toBeCloseTo(-0.0046, 4);
  });

  it('is narrower than the unpaired interval when the answers agree strongly (positive correlation)', () => {
    const paired = newcombePairedDifference({ both: 40, firstOnly: 2, secondOnly: 8, neither: 50 });
    const unpaired = newcombeDifference(42, 100, 48, 100);
    expect(paired.estimate).toBeCloseTo(unpaired.estimate, 12);
    expect(paired.upper - paired.lower).toBeLessThan(unpaired.upper - unpaired.lower);
  });

  it('contains the estimate, stays inside [−1, 1] and flips sign when the occasions swap', () => {
    const cell = fc.integer({ min: 0, max: 60 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (both, firstOnly, secondOnly, neither) => {
        fc.pre(both + firstOnly + secondOnly + neither > 0);
        const ci = newcombePairedDifference({ both, firstOnly, secondOnly, neither });
        const swapped = newcombePairedDifference({ both, firstOnly: secondOnly, secondOnly: firstOnly, neither });
        expect(ci.lower).toBeLessThanOrEqual(ci.estimate + 1e-12);
        expect(ci.upper).toBeGreaterThanOrEqual(ci.estimate - 1e-12);
        expect(ci.lower).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(ci.upper).toBeLessThanOrEqual(1 + 1e-12);
        expect(swapped.upper).toBeCloseTo(-ci.lower, 12);
      }),
    );
  });
});
