import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSource } from '../../../../tests/support/random-counts.js';
import { spatialPointPatternTest } from './spatial-point-pattern.js';

describe("Andresen's spatial point pattern test", () => {
  it('with every test event in every resample (100 %), a unit is similar exactly when its shares are equal (by hand)', () => {
    // Shares base 2/8, 2/8, 4/8 and test 1/4, 1/4, 2/4: all equal → S = 1.
    expect(spatialPointPatternTest([2, 2, 4], [1, 1, 2], { samplePercent: 100 }).s).toBe(1);
    // Base ½, ½ against test ¼, ¾: the first unit's share fell, the second's rose → S = 0.
    const r = spatialPointPatternTest([2, 2], [1, 3], { samplePercent: 100 });
    expect(r.s).toBe(0);
    expect(r.units.map((u) => u.change)).toEqual(['lower', 'higher']);
    expect(r.units[0]).toMatchObject({ lower: 0.25, upper: 0.25, baseShare: 0.5, testShare: 0.25 });
  });

  it('decides units that cannot vary without chance: no test events → share 0 every time; all of them → 1', () => {
    // Unit 0 has 5 of 10 base events but none after: its resampled share is always 0 → 'lower'.
    // Unit 2 has no events in either period: similar, and left out of the robust S.
    const r = spatialPointPatternTest([5, 5, 0], [0, 40, 0], { seed: 3 });
    expect(r.units[0]).toMatchObject({ lower: 0, upper: 0, change: 'lower' });
    expect(r.units[1]).toMatchObject({ lower: 1, upper: 1, change: 'higher' });
    expect(r.units[2]!.change).toBe('similar');
    expect(r.s).toBeCloseTo(1 / 3, 12);
    expect(r.robustS).toBe(0);
    // 85 % of 40 = 34 events per resample
    expect(r.sampleSize).toBe(34);
  });

  it('gives the same answer for the same seed, and reports the seed', () => {
    const base = [12, 7, 3, 0, 9, 15, 4];
    const test = [10, 2, 6, 1, 8, 20, 3];
    const a = spatialPointPatternTest(base, test, { seed: 2026 });
    const b = spatialPointPatternTest(base, test, { seed: 2026 });
    expect(b).toEqual(a);
    expect(a.seed).toBe(2026);
  });

  it('finds identical patterns similar and a moved hotspot not (seeded multinomial patterns, 40 units)', () => {
    const s = countSource(77);
    const weights = Array.from({ length: 40 }, (_, i) => (i < 4 ? 8 : 1));
    const draw = (w: number[], n: number) => {
      const counts = new Array<number>(w.length).fill(0);
      const total = w.reduce((a, b) => a + b, 0);
      for (let k = 0; k < n; k++) {
        let u = s.uniform() * total;
        let i = 0;
        while (u >= w[i]!) u -= w[i++]!;
        counts[i]!++;
      }
      return counts;
    };
    // The test resamples only the test events, so identical counts are similar everywhere…
    const pattern = draw(weights, 400);
    expect(spatialPointPatternTest(pattern, pattern, { seed: 1 }).s).toBe(1);
    // …while two draws of the same pattern already differ in many units: the base's own chance variation is
    // not in the interval (Wheeler, Steenbeek & Andresen 2018), which is why S is read against 0.8, not 1.
    const redrawn = spatialPointPatternTest(pattern, draw(weights, 400), { seed: 1 });
    expect(redrawn.s).toBeLessThan(1);
    // The busy units move from 0–3 to 36–39.
    const moved = spatialPointPatternTest(draw(weights, 400), draw([...weights].reverse(), 400), { seed: 1 });
    expect(moved.s).toBeLessThan(0.8);
    for (const i of [0, 1, 2, 3]) expect(moved.units[i]!.change).toBe('lower');
    for (const i of [36, 37, 38, 39]) expect(moved.units[i]!.change).toBe('higher');
  });

  it('keeps S and robust S in [0, 1] with robust S ≤ S, and every interval inside [0, 1]', () => {
    const counts = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(counts, counts, fc.integer({ min: 0, max: 1000 }), (base, test, seed) => {
        const n = Math.min(base.length, test.length);
        const b = base.slice(0, n);
        const t = test.slice(0, n);
        fc.pre(b.some((c) => c > 0) && t.some((c) => c > 0));
        const r = spatialPointPatternTest(b, t, { seed, samples: 50 });
        expect(r.s).toBeGreaterThanOrEqual(0);
        expect(r.s).toBeLessThanOrEqual(1);
        expect(r.robustS!).toBeLessThanOrEqual(r.s + 1e-12);
        for (const u of r.units) {
          expect(0 <= u.lower && u.lower <= u.upper && u.upper <= 1).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses mismatched units, periods without events and bad options', () => {
    expect(() => spatialPointPatternTest([1, 2], [1])).toThrow(RangeError);
    expect(() => spatialPointPatternTest([0, 0], [1, 1])).toThrow(RangeError);
    expect(() => spatialPointPatternTest([1, 1], [1, 1], { samplePercent: 0 })).toThrow(RangeError);
    expect(() => spatialPointPatternTest([1, 1], [1, 1], { seed: 1.5 })).toThrow(RangeError);
  });
});
