import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSource } from '../../../../tests/support/random-counts.js';
import { type DisplacementCounts, weightedDisplacement } from './displacement.js';

const design = (t: [number, number], b: [number, number], c: [number, number]): DisplacementCounts => ({
  treatment: { before: t[0], after: t[1] },
  buffer: { before: b[0], after: b[1] },
  control: { before: c[0], after: c[1] },
});

describe('weighted displacement quotient (Bowers & Johnson 2003)', () => {
  it('diffusion: treatment 100 → 60, buffer 50 → 45, control 200 → 200 (hand calculation)', () => {
    // SM = 60/200 − 100/200 = −0.2; BM = 45/200 − 50/200 = −0.025; WDQ = −0.025/−0.2 = 0.125 > 0;
    // TNE = (100·200/200 − 60) + (50·200/200 − 45) = 40 + 5 = 45.
    const r = weightedDisplacement(design([100, 60], [50, 45], [200, 200]));
    expect(r.successMeasure).toBeCloseTo(-0.2, 12);
    expect(r.bufferMeasure).toBeCloseTo(-0.025, 12);
    expect(r.wdq).toBeCloseTo(0.125, 12);
    expect(r.reading).toBe('diffusion');
    expect(r.totalNetEffect).toBeCloseTo(45, 12);
  });

  it('displacement smaller than the direct effect: buffer 50 → 70 (hand calculation)', () => {
    // BM = 70/200 − 50/200 = 0.1; WDQ = 0.1/−0.2 = −0.5; TNE = 40 + (50 − 70) = 20.
    const r = weightedDisplacement(design([100, 60], [50, 70], [200, 200]));
    expect(r.wdq).toBeCloseTo(-0.5, 12);
    expect(r.reading).toBe('displacement-net-gain');
    expect(r.totalNetEffect).toBeCloseTo(20, 12);
  });

  it('displacement larger than the direct effect, with a rising control: buffer 50 → 120, control 200 → 250 (hand calculation)', () => {
    // SM = 60/250 − 100/200 = 0.24 − 0.5 = −0.26; BM = 120/250 − 50/200 = 0.48 − 0.25 = 0.23;
    // WDQ = 0.23/−0.26 = −0.884615… → net gain still; buffer 50 → 150: BM = 0.6 − 0.25 = 0.35, WDQ = −1.346154.
    // TNE with 150: (100·1.25 − 60) + (50·1.25 − 150) = 65 − 87.5 = −22.5.
    expect(weightedDisplacement(design([100, 60], [50, 120], [200, 250])).wdq).toBeCloseTo(-0.884615, 6);
    const r = weightedDisplacement(design([100, 60], [50, 150], [200, 250]));
    expect(r.wdq).toBeCloseTo(-1.346154, 6);
    expect(r.reading).toBe('displacement-exceeds');
    expect(r.totalNetEffect).toBeCloseTo(-22.5, 12);
  });

  it('gives no WDQ when the treatment area did not fall relative to the control', () => {
    const r = weightedDisplacement(design([100, 110], [50, 70], [200, 200]));
    expect(r.wdq).toBeNull();
    expect(r.reading).toBe('no-success');
    expect(weightedDisplacement(design([100, 60], [50, 50], [200, 200])).reading).toBe('none');
  });

  it('carries the buffer change against the control as a relative effect size', () => {
    const r = weightedDisplacement(design([100, 60], [50, 70], [200, 200]));
    expect(r.bufferChange.res).toBeCloseTo((50 * 200) / (70 * 200), 12);
  });

  it('refuses a control area without events in a period, and bad counts', () => {
    expect(() => weightedDisplacement(design([10, 5], [5, 5], [0, 10]))).toThrow(RangeError);
    expect(() => weightedDisplacement(design([10, -5], [5, 5], [10, 10]))).toThrow(RangeError);
  });

  it('is unchanged when every count is multiplied by the same factor, and its sign is the opposite of BM', () => {
    const count = fc.integer({ min: 0, max: 300 });
    const positive = fc.integer({ min: 1, max: 300 });
    fc.assert(
      fc.property(
        count,
        count,
        count,
        count,
        positive,
        positive,
        fc.integer({ min: 2, max: 5 }),
        (tb, ta, bb, ba, cb, ca, k) => {
          const r = weightedDisplacement(design([tb, ta], [bb, ba], [cb, ca]));
          const scaled = weightedDisplacement(design([k * tb, k * ta], [k * bb, k * ba], [k * cb, k * ca]));
          expect(scaled.successMeasure).toBeCloseTo(r.successMeasure, 10);
          expect(scaled.bufferMeasure).toBeCloseTo(r.bufferMeasure, 10);
          expect(scaled.totalNetEffect).toBeCloseTo(k * r.totalNetEffect, 8);
          if (r.wdq !== null && r.bufferMeasure !== 0) expect(Math.sign(r.wdq)).toBe(-Math.sign(r.bufferMeasure));
        },
      ),
    );
  });
});

describe('WDQ signs in simulation (200 seeded runs each)', () => {
  // Treatment 200 → 120 (−40 %), control steady at 400; the buffer either gains (displacement) or loses (diffusion).
  function simulate(seed: number, bufferAfter: number) {
    const s = countSource(seed);
    return weightedDisplacement(
      design(
        [s.poisson(200), s.poisson(120)],
        [s.poisson(150), s.poisson(bufferAfter)],
        [s.poisson(400), s.poisson(400)],
      ),
    );
  }

  it('reads displacement (WDQ < 0) in at least 95 % of runs when the buffer rises by 40 %', () => {
    let displaced = 0;
    for (let seed = 0; seed < 200; seed++) {
      const r = simulate(seed, 210);
      if (r.wdq !== null && r.wdq < 0) displaced++;
    }
    expect(displaced / 200).toBeGreaterThanOrEqual(0.95);
  });

  it('reads diffusion of benefits (WDQ > 0) in at least 95 % of runs when the buffer falls by 30 %', () => {
    let diffused = 0;
    for (let seed = 0; seed < 200; seed++) if (simulate(20_000 + seed, 105).reading === 'diffusion') diffused++;
    expect(diffused / 200).toBeGreaterThanOrEqual(0.95);
  });
});
