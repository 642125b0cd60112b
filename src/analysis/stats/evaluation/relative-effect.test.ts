import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSource } from '../../../../tests/support/random-counts.js';
import { type BeforeAfterCounts, dispersionFromWeeks, relativeEffect } from './relative-effect.js';

const cells = (a: number, b: number, c: number, d: number): BeforeAfterCounts => ({
  treatmentBefore: a,
  treatmentAfter: b,
  comparisonBefore: c,
  comparisonAfter: d,
});

describe('relative effect size', () => {
  it('a = 100, b = 60, c = 80, d = 90 (hand calculation)', () => {
    // RES = (100·90)/(60·80) = 9000/4800 = 1.875; Var(ln RES) = 1/100 + 1/60 + 1/80 + 1/90 = 0.0502778,
    // SE = 0.224227; 95 % CI = 1.875·exp(∓1.959964·0.224227) = 1.875·exp(∓0.439476) = 1.2082 … 2.9098;
    // percent change (1/1.875 − 1)·100 = −46.67 %, its interval (1/2.9098 − 1)·100 = −65.63 % to
    // (1/1.2082 − 1)·100 = −17.23 %; z = ln 1.875/0.224227 = 2.8034, p = 2·(1 − Φ(2.8034)) = 0.00506.
    const r = relativeEffect(cells(100, 60, 80, 90));
    expect(r.res).toBeCloseTo(1.875, 12);
    expect(r.logSe).toBeCloseTo(0.224227, 6);
    expect(r.lower).toBeCloseTo(1.2082, 4);
    expect(r.upper).toBeCloseTo(2.9098, 4);
    expect(r.percentChange).toBeCloseTo(-46.667, 3);
    expect(r.percentLower).toBeCloseTo(-65.633, 3);
    expect(r.percentUpper).toBeCloseTo(-17.232, 3);
    expect(r.p).toBeCloseTo(0.00506, 5);
    expect(r).toMatchObject({ significant: true, halfAdded: false, level: 0.95 });
  });

  it('inflation φ widens the log interval by √φ: φ = 4 doubles SE (hand calculation: 2·0.224227)', () => {
    const r = relativeEffect(cells(100, 60, 80, 90), { inflation: 4 });
    expect(r.logSe).toBeCloseTo(0.448454, 6);
    expect(r.res).toBeCloseTo(1.875, 12);
    expect(r.lower).toBeCloseTo(1.875 * Math.exp(-1.959964 * 0.448454), 4);
  });

  it('adds ½ to every cell when one is zero: 10, 0, 10, 10 → (10.5·10.5)/(0.5·10.5) = 21 (hand calculation)', () => {
    const r = relativeEffect(cells(10, 0, 10, 10));
    expect(r.halfAdded).toBe(true);
    expect(r.res).toBeCloseTo(21, 12);
    expect(r.logSe).toBeCloseTo(Math.sqrt(3 / 10.5 + 2), 12);
    expect(Number.isFinite(r.upper)).toBe(true);
  });

  it("turns counts into rates with exposures: doubling the treatment area's visitors after halves its rate", () => {
    const plain = relativeEffect(cells(50, 50, 40, 40));
    const rates = relativeEffect(cells(50, 50, 40, 40), {
      exposures: cells(1000, 2000, 1, 1),
    });
    expect(plain.res).toBeCloseTo(1, 12);
    expect(rates.res).toBeCloseTo(2, 12);
    expect(rates.percentChange).toBeCloseTo(-50, 12);
    expect(rates.logSe).toBeCloseTo(plain.logSe, 12);
  });

  it('refuses negative or fractional counts, bad levels and inflation below 1', () => {
    expect(() => relativeEffect(cells(-1, 2, 3, 4))).toThrow(RangeError);
    expect(() => relativeEffect(cells(1.5, 2, 3, 4))).toThrow(RangeError);
    expect(() => relativeEffect(cells(1, 2, 3, 4), { level: 1 })).toThrow(RangeError);
    expect(() => relativeEffect(cells(1, 2, 3, 4), { inflation: 0.5 })).toThrow(RangeError);
    expect(() => relativeEffect(cells(1, 2, 3, 4), { exposures: cells(1, 0, 1, 1) })).toThrow(RangeError);
  });

  it('is the reciprocal when treatment and comparison swap, and the interval always contains RES', () => {
    const count = fc.integer({ min: 0, max: 500 });
    fc.assert(
      fc.property(count, count, count, count, (a, b, c, d) => {
        const r = relativeEffect(cells(a, b, c, d));
        const swapped = relativeEffect(cells(c, d, a, b));
        expect(r.res * swapped.res).toBeCloseTo(1, 9);
        expect(r.lower * swapped.upper).toBeCloseTo(1, 9);
        expect(r.lower).toBeLessThanOrEqual(r.res);
        expect(r.upper).toBeGreaterThanOrEqual(r.res);
        expect(r.percentLower).toBeLessThanOrEqual(r.percentChange + 1e-9);
        expect(r.percentUpper).toBeGreaterThanOrEqual(r.percentChange - 1e-9);
        expect(r.significant).toBe(r.lower > 1 || r.upper < 1);
      }),
    );
  });
});

describe('relative effect size in simulation (200 seeded runs each)', () => {
  const runs = 200;
  // Treatment 60 incidents before, comparison 90; both areas share a 10 % rise in the after period.
  function simulate(seed: number, reduction: number) {
    const source = countSource(seed);
    return relativeEffect(
      cells(source.poisson(60), source.poisson(60 * 1.1 * (1 - reduction)), source.poisson(90), source.poisson(99)),
    );
  }

  it('with a true 30 % reduction the 95 % interval covers RES = 1/0.7 in at least 90 % of runs', () => {
    const truth = 1 / 0.7;
    let covered = 0;
    for (let seed = 0; seed < runs; seed++) {
      const r = simulate(seed, 0.3);
      if (r.lower <= truth && truth <= r.upper) covered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('with no effect it calls a significant change in at most 10 % of runs', () => {
    let significant = 0;
    for (let seed = 0; seed < runs; seed++) if (simulate(1000 + seed, 0).significant) significant++;
    expect(significant / runs).toBeLessThanOrEqual(0.1);
  });

  it('with overdispersed weekly counts, inflating by the weekly dispersion restores the coverage the Poisson variance loses', () => {
    // 26 weeks before and after; weekly counts negative binomial with size 2 (variance = mean + mean²/2).
    const truth = 1 / 0.7;
    const weeks = (source: ReturnType<typeof countSource>, mean: number) =>
      Array.from({ length: 26 }, () => source.negativeBinomial(mean, 2));
    let plainCovered = 0;
    let inflatedCovered = 0;
    for (let seed = 0; seed < runs; seed++) {
      const source = countSource(5000 + seed);
      const groups = [weeks(source, 4), weeks(source, 4 * 0.7), weeks(source, 5), weeks(source, 5)];
      const sum = (g: number[]) => g.reduce((s, y) => s + y, 0);
      const counts = cells(sum(groups[0]!), sum(groups[1]!), sum(groups[2]!), sum(groups[3]!));
      const plain = relativeEffect(counts);
      const inflated = relativeEffect(counts, { inflation: dispersionFromWeeks(groups) });
      if (plain.lower <= truth && truth <= plain.upper) plainCovered++;
      if (inflated.lower <= truth && truth <= inflated.upper) inflatedCovered++;
    }
    expect(plainCovered / runs).toBeLessThan(0.88);
    expect(inflatedCovered / runs).toBeGreaterThanOrEqual(0.9);
  });
});

describe('dispersion from weekly counts', () => {
  it('[2, 6, 1, 7] and [4, 4, 5, 3], both of mean 4: χ² = 26/4 + 2/4 = 7 on 8 − 2 weeks → 7/6 (hand calculation)', () => {
    expect(
      dispersionFromWeeks([
        [2, 6, 1, 7],
        [4, 4, 5, 3],
      ]),
    ).toBeCloseTo(7 / 6, 12);
  });

  it('is 1 for groups with less variation than Poisson, all-zero groups, or too few weeks', () => {
    expect(dispersionFromWeeks([[3, 3, 3, 3]])).toBe(1);
    expect(dispersionFromWeeks([[0, 0, 0], [5]])).toBe(1);
    expect(dispersionFromWeeks([])).toBe(1);
  });
});
