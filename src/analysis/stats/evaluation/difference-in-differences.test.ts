import { describe, expect, it } from 'vitest';
import { countSource } from '../../../../tests/support/random-counts.js';
import {
  type DidEstimate,
  differenceInDifferences,
  type PreTrend,
  preTrendCheck,
  type WeeklyAreaCount,
} from './difference-in-differences.js';
import { relativeEffect } from './relative-effect.js';

/** Rows for areas × weeks from per-area weekly counts; the first `before` weeks are the before period. */
function rows(areas: Record<string, number[]>, treated: string[], before: number): WeeklyAreaCount[] {
  return Object.entries(areas).flatMap(([area, counts]) =>
    counts.map((count, i) => ({
      area,
      week: `2026-W${String(i + 1).padStart(2, '0')}`,
      count,
      treated: treated.includes(area),
      after: i >= before,
    })),
  );
}

function estimate(result: ReturnType<typeof differenceInDifferences>): DidEstimate {
  if (!result.ok) throw new Error(`expected an estimate, got ${result.code}`);
  return result;
}

// Treatment 20 before, 12 after; comparison 40 before, 42 after (four weeks each).
const twoAreas = rows({ library: [5, 7, 6, 2, 3, 4, 2, 3], other: [10, 8, 12, 10, 9, 11, 10, 12] }, ['library'], 4);

describe('difference-in-differences', () => {
  it('with one treatment and one comparison area equals the ratio of the four totals (hand calculation)', () => {
    // (12/20)/(42/40) = 0.6/1.05 = 0.571429; SE = √(1/20 + 1/12 + 1/40 + 1/42) = √0.182143 = 0.426782;
    // 95 % CI 0.571429·exp(∓1.959964·0.426782) = 0.2476 … 1.3190. Week effects cancel (see the module comment).
    for (const timeEffects of ['week', 'period'] as const) {
      const r = estimate(differenceInDifferences(twoAreas, { timeEffects, variance: 'poisson' }));
      expect(r.rateRatio).toBeCloseTo(0.571429, 6);
      expect(r.logSe).toBeCloseTo(0.426782, 6);
      expect(r.lower).toBeCloseTo(0.2476, 4);
      expect(r.upper).toBeCloseTo(1.319, 4);
      expect(r.percentChange).toBeCloseTo(-42.857, 3);
      expect(r.totals).toEqual({ treatmentBefore: 20, treatmentAfter: 12, comparisonBefore: 40, comparisonAfter: 42 });
      expect(r.significant).toBe(false);
    }
    // …and so it agrees with the relative effect size of the same totals: rate ratio = 1/RES.
    const res = relativeEffect({ treatmentBefore: 20, treatmentAfter: 12, comparisonBefore: 40, comparisonAfter: 42 });
    const did = estimate(differenceInDifferences(twoAreas, { variance: 'poisson' }));
    expect(did.rateRatio).toBeCloseTo(1 / res.res, 10);
    expect(did.logSe).toBeCloseTo(res.logSe, 10);
  });

  it('scales the variance by the Pearson dispersion when it exceeds 1, with t quantiles on the residual df', () => {
    const poisson = estimate(differenceInDifferences(twoAreas, { variance: 'poisson' }));
    const quasi = estimate(differenceInDifferences(twoAreas));
    expect(quasi.rateRatio).toBeCloseTo(poisson.rateRatio, 10);
    expect(quasi.dispersion).toBeCloseTo(poisson.dispersion, 10);
    // 2 areas × 8 weeks = 16 rows; 1 + 1 + 7 + 1 = 10 columns → 6 df
    expect(quasi.df).toBe(6);
    if (quasi.dispersion > 1) {
      expect(quasi.scaled).toBe(true);
      expect(quasi.logSe).toBeCloseTo(poisson.logSe * Math.sqrt(quasi.dispersion), 10);
    } else {
      expect(quasi.scaled).toBe(false);
    }
  });

  it('compares rates when exposures are given: twice the visitors after with the same counts is half the rate', () => {
    const withVisitors = twoAreas.map((r) => ({ ...r, exposure: r.treated && r.after ? 2000 : 1000 }));
    const r = estimate(differenceInDifferences(withVisitors, { variance: 'poisson' }));
    expect(r.rateRatio).toBeCloseTo(0.571429 / 2, 6);
  });

  it('leaves out weeks where nothing happened anywhere, without changing the estimate', () => {
    const quiet = rows(
      { library: [5, 7, 0, 6, 2, 3, 4, 2, 3], other: [10, 8, 0, 12, 10, 9, 11, 10, 12] },
      ['library'],
      5,
    );
    const r = estimate(differenceInDifferences(quiet, { variance: 'poisson' }));
    expect(r.droppedWeeks).toEqual(['2026-W03']);
    expect(r.rateRatio).toBeCloseTo(0.571429, 6);
  });

  it('says why when the data cannot support the model', () => {
    expect(differenceInDifferences(twoAreas.filter((r) => r.treated))).toEqual({
      ok: false,
      code: 'NO_COMPARISON_AREA',
    });
    expect(differenceInDifferences(twoAreas.filter((r) => !r.treated))).toEqual({ ok: false, code: 'NO_TREATED_AREA' });
    expect(differenceInDifferences(twoAreas.filter((r) => r.after))).toEqual({ ok: false, code: 'NO_BEFORE_WEEKS' });
    expect(differenceInDifferences(twoAreas.filter((r) => !r.after))).toEqual({ ok: false, code: 'NO_AFTER_WEEKS' });
    const silentAfter = twoAreas.map((r) => (r.treated && r.after ? { ...r, count: 0 } : r));
    expect(differenceInDifferences(silentAfter)).toEqual({ ok: false, code: 'EMPTY_CELL' });
  });

  it('refuses inconsistent rows', () => {
    expect(() => differenceInDifferences([...twoAreas, { ...twoAreas[0]!, week: '2026-W99', treated: false }])).toThrow(
      RangeError,
    );
    expect(() => differenceInDifferences([...twoAreas, { ...twoAreas[0]!, after: true }])).toThrow(RangeError);
    expect(() => differenceInDifferences([{ ...twoAreas[0]!, count: -1 }])).toThrow(RangeError);
  });
});

describe('difference-in-differences in simulation (200 seeded runs each)', () => {
  // One library and two comparison libraries, 26 weeks before and after, a season all three share, and
  // overdispersed weekly counts (negative binomial, size 5).
  function simulate(seed: number, reduction: number): DidEstimate {
    const source = countSource(seed);
    const season = (week: number) => 1 + 0.4 * Math.sin((2 * Math.PI * week) / 52);
    const series = (mean: number, isTreated: boolean) =>
      Array.from({ length: 52 }, (_, week) =>
        source.negativeBinomial(mean * season(week) * (isTreated && week >= 26 ? 1 - reduction : 1), 5),
      );
    return estimate(
      differenceInDifferences(
        rows({ hogdalen: series(4, true), a: series(6, false), b: series(5, false) }, ['hogdalen'], 26),
      ),
    );
  }

  it('with a true 30 % reduction the 95 % interval covers 0.7 in at least 90 % of runs', () => {
    let covered = 0;
    for (let seed = 0; seed < 200; seed++) {
      const r = simulate(seed, 0.3);
      if (r.lower <= 0.7 && 0.7 <= r.upper) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.9);
  });

  it('with no effect it calls a significant change in at most 10 % of runs', () => {
    let significant = 0;
    for (let seed = 0; seed < 200; seed++) if (simulate(10_000 + seed, 0).significant) significant++;
    expect(significant / 200).toBeLessThanOrEqual(0.1);
  });
});

describe('pre-trend check', () => {
  function trend(result: ReturnType<typeof preTrendCheck>): PreTrend {
    if (!result.ok) throw new Error(`expected a trend, got ${result.code}`);
    return result;
  }

  it('finds no difference when the treatment area is always twice the comparison (γ = 0 fits exactly)', () => {
    const comparison = [10, 14, 8, 12, 16, 9, 11, 13];
    const r = trend(preTrendCheck(rows({ library: comparison.map((c) => 2 * c), other: comparison }, ['library'], 8)));
    expect(r.weeklyRatio).toBeCloseTo(1, 8);
    expect(r.differs).toBe(false);
  });

  it('finds a treatment area that grew 10 % a week against a flat comparison (deterministic series)', () => {
    const weeks = 12;
    const library = Array.from({ length: weeks }, (_, t) => Math.round(40 * 1.1 ** t));
    const r = trend(preTrendCheck(rows({ library, other: new Array<number>(weeks).fill(40) }, ['library'], weeks)));
    expect(r.weeklyRatio).toBeCloseTo(1.1, 2);
    expect(r.differs).toBe(true);
  });

  it('uses only the before weeks, and says when there are too few', () => {
    expect(preTrendCheck(twoAreas)).toMatchObject({ ok: true });
    expect(preTrendCheck(rows({ library: [3, 4, 5, 1], other: [5, 6, 7, 8] }, ['library'], 3))).toEqual({
      ok: false,
      code: 'TOO_FEW_WEEKS',
    });
    expect(preTrendCheck(rows({ library: [0, 0, 0, 0, 5], other: [5, 6, 7, 8, 9] }, ['library'], 4))).toEqual({
      ok: false,
      code: 'EMPTY_CELL',
    });
  });

  it('calls parallel seeded trends different in at most 10 % of 100 runs', () => {
    let differs = 0;
    for (let seed = 0; seed < 100; seed++) {
      const source = countSource(50_000 + seed);
      const series = (mean: number) =>
        Array.from({ length: 26 }, (_, week) => source.negativeBinomial(mean * (1 + week / 52), 5));
      const result = trend(preTrendCheck(rows({ library: series(4), a: series(6), b: series(5) }, ['library'], 26)));
      if (result.differs) differs++;
    }
    expect(differs).toBeLessThanOrEqual(10);
  });
});
