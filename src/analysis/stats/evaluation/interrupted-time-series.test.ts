import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSource } from '../../../../tests/support/random-counts.js';
import { interruptedTimeSeries, neweyWestCovariance } from './interrupted-time-series.js';

/** (XᵀX)⁻¹ by Gauss–Jordan elimination, independent of the Cholesky code under test. */
function ordinaryInverse(x: number[][]): number[][] {
  const k = x[0]!.length;
  const a = Array.from({ length: k }, (_, i) => [
    ...Array.from({ length: k }, (_, j) => x.reduce((s, row) => s + row[i]! * row[j]!, 0)),
    ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let c = 0; c < k; c++) {
    const pivot = a.findIndex((row, r) => r >= c && Math.abs(row[c]!) > 1e-12);
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const p = a[c]![c]!;
    a[c] = a[c]!.map((v) => v / p);
    for (let r = 0; r < k; r++) if (r !== c) a[r] = a[r]!.map((v, j) => v - a[r]![c]! * a[c]![j]!);
  }
  return a.map((row) => row.slice(k));
}

describe('interrupted time series (segmented regression)', () => {
  it('[2, 4, 5, 8 | 3, 4, 6, 6] interrupted at t = 4 (hand calculation)', () => {
    // The four-parameter model is two separate lines. Before: t̄ = 1.5, ȳ = 4.75, Sxx = 5, Sxy = 9.5 →
    // slope 1.9, level at 0 = 1.9, residuals 0.1, 0.2, −0.7, 0.4. After: t̄ = 5.5, ȳ = 4.75, Sxy = 5.5 →
    // slope 1.1, line at t0 = 4.75 − 1.1·1.5 = 3.1, residuals −0.1, −0.2, 0.7, −0.4. RSS = 1.4 on 4 df, σ² = 0.35.
    // Level change = 3.1 − (1.9 + 1.9·4) = −6.4, Var = σ²(¼ + 2.5²/5) + σ²(¼ + 1.5²/5) = 0.525 + 0.245 = 0.77.
    // Slope change = 1.1 − 1.9 = −0.8, Var = 2σ²/5 = 0.14. SE of the level at 0: √(σ²(¼ + 1.5²/5)) = √0.245.
    // t(0.975; 4) = 2.776445 → slope change CI −0.8 ± 1.038851.
    // Durbin–Watson: differences 0.1, −0.9, 1.1, −0.5, −0.1, 0.9, −1.1 → 4.31/1.4 = 3.078571; r₁ = −0.84/1.4 = −0.6.
    const r = interruptedTimeSeries([2, 4, 5, 8, 3, 4, 6, 6], 4);
    expect(r.baselineLevel.estimate).toBeCloseTo(1.9, 10);
    expect(r.baselineLevel.se).toBeCloseTo(Math.sqrt(0.245), 10);
    expect(r.baselineSlope.estimate).toBeCloseTo(1.9, 10);
    expect(r.baselineSlope.se).toBeCloseTo(Math.sqrt(0.07), 10);
    expect(r.levelChange.estimate).toBeCloseTo(-6.4, 10);
    expect(r.levelChange.se).toBeCloseTo(Math.sqrt(0.77), 10);
    expect(r.slopeChange.estimate).toBeCloseTo(-0.8, 10);
    expect(r.slopeChange.se).toBeCloseTo(Math.sqrt(0.14), 10);
    expect(r.slopeChange.lower).toBeCloseTo(-1.838851, 5);
    expect(r.slopeChange.upper).toBeCloseTo(0.238851, 5);
    expect(r.residualSd).toBeCloseTo(Math.sqrt(0.35), 10);
    expect(r.df).toBe(4);
    expect(r.durbinWatson).toBeCloseTo(3.078571, 6);
    expect(r.lag1Autocorrelation).toBeCloseTo(-0.6, 10);
    expect(r).toMatchObject({ before: 4, after: 4, fewPoints: true });
  });

  it("Newey–West at lag 0 is White's HC0; at the default lag it matches the same formula computed in NumPy", () => {
    // Lag 0, by hand on the two separate lines (residuals e as above; d = t − t̄ = −1.5, −0.5, 0.5, 1.5; Sxx = 5):
    // slope change Var = Σd²e²/Sxx² before + after = 0.515/25 + 0.515/25 = 0.0412 → SE 0.202978. The level change
    // is (after line at t0) − (before line at t0) with weights ¼ + (t0 − t̄)·d/5 on y: before −0.5, 0, 0.5, 1.0,
    // after 0.7, 0.4, 0.1, −0.2 → Var = Σw²e² = 0.285 + 0.0226 = 0.3076 → SE 0.554617.
    const y = [2, 4, 5, 8, 3, 4, 6, 6];
    const x = y.map((_, t) => [1, t, t >= 4 ? 1 : 0, t >= 4 ? t - 4 : 0]);
    const fitted = [1.9, 3.8, 5.7, 7.6, 3.1, 4.2, 5.3, 6.4];
    const residuals = y.map((v, t) => v - fitted[t]!);
    const r = interruptedTimeSeries(y, 4);
    const hc0 = neweyWestCovariance(x, residuals, ordinaryInverse(x), 0);
    expect(Math.sqrt(hc0[3]![3]!)).toBeCloseTo(0.202978, 6);
    expect(Math.sqrt(hc0[2]![2]!)).toBeCloseTo(0.554617, 6);
    // Default lag ⌊4·(8/100)^(2/9)⌋ = 2; NumPy on the same sandwich gives 0.418171 and 0.136870.
    expect(r.robust.lag).toBe(2);
    expect(r.robust.levelChange.se).toBeCloseTo(0.418171, 6);
    expect(r.robust.slopeChange.se).toBeCloseTo(0.13687, 5);
    expect(r.robust.levelChange.estimate).toBeCloseTo(-6.4, 10);
  });

  it('recovers level and slope changes exactly from a noiseless series', () => {
    const coefficient = fc.double({ min: -50, max: 50, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 2, max: 30 }),
        fc.tuple(coefficient, coefficient, coefficient, coefficient),
        (before, after, [b0, b1, b2, b3]) => {
          fc.pre(before + after >= 5);
          const series = Array.from({ length: before + after }, (_, t) =>
            t < before ? b0 + b1 * t : b0 + b1 * t + b2 + b3 * (t - before),
          );
          const r = interruptedTimeSeries(series, before);
          expect(r.levelChange.estimate).toBeCloseTo(b2, 6);
          expect(r.slopeChange.estimate).toBeCloseTo(b3, 6);
          expect(r.baselineSlope.estimate).toBeCloseTo(b1, 6);
        },
      ),
    );
  });

  it('flags positive autocorrelation in AR(1) noise (φ = 0.7) and rarely in white noise, 52 weeks, 100 seeded series each', () => {
    // Only the positive flag matters for trust in the standard errors (negative autocorrelation makes them
    // conservative); regression residuals lean slightly negative, so the two-sided rate is a little above 5 %.
    let flaggedAr = 0;
    let flaggedWhite = 0;
    for (let seed = 0; seed < 100; seed++) {
      const s = countSource(30_000 + seed);
      let e = 0;
      const ar = Array.from({ length: 52 }, () => (e = 0.7 * e + s.normal()));
      const white = Array.from({ length: 52 }, () => s.normal());
      if (interruptedTimeSeries(ar, 26).autocorrelation === 'positive') flaggedAr++;
      if (interruptedTimeSeries(white, 26).autocorrelation === 'positive') flaggedWhite++;
    }
    expect(flaggedAr).toBeGreaterThanOrEqual(90);
    expect(flaggedWhite).toBeLessThanOrEqual(10);
  });

  it('keeps the level change interval closer to 95 % under AR(1) errors with Newey–West than with OLS (200 seeded series)', () => {
    let ols = 0;
    let robust = 0;
    for (let seed = 0; seed < 200; seed++) {
      const s = countSource(60_000 + seed);
      let e = 0;
      const series = Array.from({ length: 104 }, (_, t) => 20 - (t >= 52 ? 6 : 0) + (e = 0.6 * e + 2 * s.normal()));
      const r = interruptedTimeSeries(series, 52);
      if (r.levelChange.lower <= -6 && -6 <= r.levelChange.upper) ols++;
      if (r.robust.levelChange.lower <= -6 && -6 <= r.robust.levelChange.upper) robust++;
    }
    expect(robust).toBeGreaterThan(ols);
  });

  it('covers the true level change in about 95 % of white-noise series (≥ 90 % of 200)', () => {
    let covered = 0;
    for (let seed = 0; seed < 200; seed++) {
      const s = countSource(40_000 + seed);
      const series = Array.from({ length: 40 }, (_, t) => 20 + 0.1 * t - (t >= 20 ? 6 : 0) + 2 * s.normal());
      const { levelChange } = interruptedTimeSeries(series, 20);
      if (levelChange.lower <= -6 && -6 <= levelChange.upper) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.9);
  });

  it('refuses too short a series on either side', () => {
    expect(() => interruptedTimeSeries([1, 2, 3, 4, 5], 1)).toThrow(RangeError);
    expect(() => interruptedTimeSeries([1, 2, 3, 4, 5], 4)).toThrow(RangeError);
    expect(() => interruptedTimeSeries([1, 2, 3, 4], 2)).toThrow(RangeError);
    expect(
      interruptedTimeSeries(
        Array.from({ length: 24 }, (_, t) => t % 3),
        12,
      ).fewPoints,
    ).toBe(false);
  });
});
