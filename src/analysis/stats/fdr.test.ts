import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustBenjaminiHochberg, adjustBenjaminiYekutieli, benjaminiHochberg } from './fdr.js';

// The 15 p-values of Benjamini & Hochberg (1995), J R Stat Soc B 57:289–300, section 4 (myocardial infarction study).
const BH1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
];

describe('Benjamini–Hochberg', () => {
  it('rejects the four smallest of the 1995 example at q = 0.05 (the paper: BH 4, Bonferroni 3)', () => {
    expect(benjaminiHochberg(BH1995, 0.05)).toEqual(BH1995.map((_, i) => i < 4));
  });

  it('adjusts like p.adjust(p, "BH"): min over j ≥ i of 15·p_(j)/j, worked by hand', () => {
    const expected = [
      (15 * 0.0001) / 1,
      (15 * 0.0004) / 2,
      (15 * 0.0019) / 3,
      (15 * 0.0095) / 4,
      (15 * 0.0201) / 5,
      (15 * 0.0298) / 7,
      (15 * 0.0298) / 7, // rank 6 (0.0695) takes the smaller value of rank 7 (0.063857)
      (15 * 0.0344) / 8,
      (15 * 0.0459) / 9,
      (15 * 0.324) / 10,
      (15 * 0.4262) / 11,
      (15 * 0.5719) / 12,
      (15 * 0.6528) / 13,
      (15 * 0.759) / 14,
      1,
    ];
    const adjusted = adjustBenjaminiHochberg(BH1995);
    for (const [i, e] of expected.entries()) expect(adjusted[i]).toBeCloseTo(e, 12);
    expect(adjusted.slice(0, 6).map((x) => Number(x.toFixed(6)))).toEqual([
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857,
    ]);
  });

  it('keeps input order and handles the empty list', () => {
    expect(adjustBenjaminiHochberg([0.01, 0.04, 0.03])).toEqual([0.03, 0.04, 0.04]);
    expect(benjaminiHochberg([], 0.05)).toEqual([]);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
  });

  it('agrees with its adjusted p-values, never rejects more than unadjusted tests, and at least as much as Bonferroni', () => {
    const pv = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 50 });
    fc.assert(
      fc.property(pv, fc.constantFrom(0.01, 0.05, 0.1), (ps, alpha) => {
        const sig = benjaminiHochberg(ps, alpha);
        const adj = adjustBenjaminiHochberg(ps);
        // The step-up rule as written in the paper, done independently here.
        const sorted = [...ps].sort((x, y) => x - y);
        const k = Math.max(0, ...sorted.map((p, i) => (p <= ((i + 1) * alpha) / ps.length ? i + 1 : 0)));
        const threshold = (k * alpha) / ps.length;
        ps.forEach((p, i) => {
          expect(sig[i]).toBe(adj[i]! <= alpha);
          if (Math.abs(p - threshold) > 1e-12) expect(sig[i]).toBe(k > 0 && p <= threshold);
          expect(adj[i]).toBeGreaterThanOrEqual(p * (1 - 1e-12));
          if (sig[i]) expect(p).toBeLessThanOrEqual(alpha);
          if (p <= alpha / ps.length) expect(sig[i]).toBe(true);
        });
      }),
    );
  });
});

describe('Benjamini–Yekutieli', () => {
  it('is BH times c(n) = Σ 1/i, capped at 1 (R: p.adjust(c(0.01, 0.04, 0.03), "BY") = 0.055 0.0733 0.0733)', () => {
    const by = adjustBenjaminiYekutieli([0.01, 0.04, 0.03]);
    expect(by[0]).toBeCloseTo(0.055, 12);
    expect(by[1]).toBeCloseTo(0.04 * (11 / 6), 12);
    expect(by[2]).toBeCloseTo(0.04 * (11 / 6), 12);
    expect(adjustBenjaminiYekutieli([0.9, 0.8])).toEqual([1, 1]);
  });

  it('is never below BH and equals it for a single test', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (p) => {
        const bh = adjustBenjaminiHochberg(p);
        for (const [i, q] of adjustBenjaminiYekutieli(p).entries()) expect(q).toBeGreaterThanOrEqual(bh[i]! - 1e-15);
      }),
    );
    expect(adjustBenjaminiYekutieli([0.02])).toEqual([0.02]);
  });
});
