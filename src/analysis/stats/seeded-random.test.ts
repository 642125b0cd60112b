import { describe, expect, it } from 'vitest';
import { seededUniform } from './seeded-random.js';

describe('seeded uniform generator', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededUniform(7);
    const b = seededUniform(7);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(seededUniform(8)()).not.toBe(first[0]);
  });

  it('gives neighbouring seeds unrelated first draws (mean of 1,000 first draws near ½, none stuck near 1)', () => {
    const firsts = Array.from({ length: 1000 }, (_, seed) => seededUniform(seed)());
    const mean = firsts.reduce((s, u) => s + u, 0) / firsts.length;
    // The mean of 1,000 uniforms has SD 0.0091; 0.47–0.53 is more than 3 SD either side.
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
    expect(firsts.filter((u) => u > 0.99).length).toBeLessThan(30);
  });

  it('stays in [0, 1) and fills the deciles evenly over 100,000 draws (χ² on 9 df below 27.88, p = 0.001)', () => {
    const next = seededUniform(42);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const u = next();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]!++;
    }
    const chi2 = bins.reduce((s, o) => s + (o - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(27.88);
  });
});
