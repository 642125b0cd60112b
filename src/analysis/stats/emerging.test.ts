import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baselineFit,
  baselineHotspots,
  baselineP,
  emergingClass,
  negativeBinomialSurvival,
  neighbourhoods,
} from './emerging.js';
import { lnGamma } from './special.js';

/** P(Y ≥ y) by summing the pmf Γ(k + r)/(k! Γ(r)) p^r (1 − p)^k, p = r/(r + μ), for k < y. */
function bySum(y: number, mean: number, size: number): number {
  const p = size / (size + mean);
  let below = 0;
  for (let k = 0; k < y; k++)
    below += Math.exp(lnGamma(k + size) - lnGamma(k + 1) - lnGamma(size) + size * Math.log(p) + k * Math.log1p(-p));
  return 1 - below;
}

describe('negative binomial upper tail, known answers (by hand)', () => {
  it('geometric (size 1): mean 1 → P(Y ≥ 1) = ½; mean 2 → P(Y ≥ 2) = (2/3)² = 4/9', () => {
    expect(negativeBinomialSurvival(1, 1, 1)).toBeCloseTo(0.5, 12);
    expect(negativeBinomialSurvival(2, 2, 1)).toBeCloseTo(4 / 9, 12);
  });
  it('size 2, mean 2 (p = ½): P(0) = ¼, P(1) = 2·¼·½ = ¼, so P(Y ≥ 2) = ½', () => {
    expect(negativeBinomialSurvival(2, 2, 2)).toBeCloseTo(0.5, 12);
  });
  it('Poisson limit: P(Y ≥ 1) = 1 − e⁻²; y ≤ 0 is certain, mean 0 never reaches 1', () => {
    expect(negativeBinomialSurvival(1, 2, Infinity)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(negativeBinomialSurvival(0, 3, 2)).toBe(1);
    expect(negativeBinomialSurvival(1, 0, 2)).toBe(0);
    expect(() => negativeBinomialSurvival(1, 1, 0)).toThrow(RangeError);
  });
  it('agrees with the pmf summed term by term', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0.01, max: 30, noNaN: true }),
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        (y, mean, size) => {
          expect(negativeBinomialSurvival(y, mean, size)).toBeCloseTo(bySum(y, mean, size), 9);
        },
      ),
    );
  });
});

describe('baseline fit and p, known answers (by hand)', () => {
  it('history [0, 2, 0, 2]: x̄ 1, s² 4/3 → φ 4/3; mean 4.5/4; size 1.125/(1/3 + 1/4) = 27/14', () => {
    const f = baselineFit([0, 2, 0, 2]);
    expect(f).toMatchObject({ weeks: 4, sum: 4 });
    expect(f.mean).toBeCloseTo(1.125, 12);
    expect(f.dispersion).toBeCloseTo(4 / 3, 12);
    expect(f.size).toBeCloseTo(27 / 14, 12);
  });
  it('52 empty weeks, then 1: size ½, p = r/(r + μ) = 52/53, P(Y ≥ 1) = 1 − (52/53)^½ ≈ 0.009479', () => {
    expect(baselineFit(new Array(52).fill(0))).toMatchObject({ weeks: 52, sum: 0, dispersion: 1, size: 0.5 });
    expect(baselineP(1, new Array(52).fill(0))).toBeCloseTo(1 - Math.sqrt(52 / 53), 12);
  });
  it('under-dispersed history keeps φ = 1; a history shorter than two weeks is refused', () => {
    expect(baselineFit([3, 3, 3]).dispersion).toBe(1);
    expect(() => baselineFit([1])).toThrow(RangeError);
    expect(() => baselineFit([1, -1])).toThrow(RangeError);
  });
});

describe('baseline p, properties', () => {
  const history = fc.array(fc.nat({ max: 30 }), { minLength: 2, maxLength: 60 });
  it('lies in [0, 1] and falls as this week rises', () => {
    fc.assert(
      fc.property(fc.nat({ max: 80 }), history, (y, h) => {
        const p = baselineP(y, h);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(baselineP(y + 1, h)).toBeLessThanOrEqual(p + 1e-12);
      }),
    );
  });
  it('a busier steady history makes the same week less unusual (one more incident in every past week)', () => {
    // Only for steady histories: adding 1 to an uneven one also lowers its dispersion s²/x̄, which may tighten the tail.
    fc.assert(
      fc.property(fc.nat({ max: 80 }), fc.nat({ max: 30 }), fc.integer({ min: 2, max: 60 }), (y, level, weeks) => {
        const h = new Array<number>(weeks).fill(level);
        expect(
          baselineP(
            y,
            h.map((x) => x + 1),
          ),
        ).toBeGreaterThanOrEqual(baselineP(y, h) - 1e-12);
      }),
    );
  });
});

describe('baseline hotspots over cells', () => {
  it('flags the one cell that jumps above its own level, not a cell that is always busy', () => {
    // Cell 0 is always at 20, cell 1 usually at 1 and now at 6, cell 2 quiet.
    const history = Array.from({ length: 52 }, (_, t) => [18 + (t % 5), 1, t % 13 === 0 ? 1 : 0]);
    const r = baselineHotspots([21, 6, 0], history, () => [], 0.1);
    expect(r.map((c) => c.unusual)).toEqual([false, true, false]);
    expect(r[1]!.pAdjusted).toBeGreaterThanOrEqual(r[1]!.p);
  });
  it('sums each neighbourhood (the cell and its neighbours, once each)', () => {
    const r = baselineHotspots(
      [1, 2, 3],
      [
        [0, 0, 0],
        [1, 1, 1],
      ],
      (i) => (i === 1 ? [0, 2, 2, 1] : []),
      0.05,
    );
    expect(r.map((c) => c.localSum)).toEqual([1, 6, 3]);
    expect(neighbourhoods(3, (i) => (i === 1 ? [0, 2, 2] : []))).toEqual([[0], [1, 0, 2], [2]]);
    expect(() =>
      baselineHotspots(
        [1, 2],
        [
          [0, 0, 0],
          [1, 1, 1],
        ],
        () => [],
        0.05,
      ),
    ).toThrow(RangeError);
  });
});

describe('emerging classes (simplified rules)', () => {
  it('new, intensifying, persistent, sporadic, none', () => {
    const c = (unusual: boolean, hotNow: boolean, hotWeeksBefore: number) =>
      emergingClass({ unusual, hotNow, hotWeeksBefore, weeksBefore: 52 });
    expect(c(true, true, 0)).toBe('new');
    expect(c(true, false, 0)).toBe('new');
    expect(c(true, true, 3)).toBe('intensifying');
    expect(c(false, true, 13)).toBe('persistent');
    expect(c(false, true, 12)).toBe('sporadic');
    expect(c(false, false, 52)).toBe('none');
  });
});
