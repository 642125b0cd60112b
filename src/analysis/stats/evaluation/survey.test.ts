import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanChange, pairedMeanChange, pairedProportionChange, proportionChange } from './survey.js';

// Student's sleep data (Cushny & Peebles 1905; R's `sleep`): extra hours of sleep under two drugs, same ten patients.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('change in a share', () => {
  it('independent samples: 48/80 before, 56/70 after → +0.20 (0.0524 to 0.3339), Newcombe (1998b) table II', () => {
    const r = proportionChange({ yes: 48, n: 80 }, { yes: 56, n: 70 });
    expect(r.estimate).toBeCloseTo(0.2, 12);
    expect(r.lower).toBeCloseTo(0.0524, 4);
    expect(r.upper).toBeCloseTo(0.3339, 4);
    expect(r).toMatchObject({ before: 0.6, after: 0.8, significant: true, smallSample: false });
  });

  it('paired: the Cavo et al. table of Fagerland, Lydersen & Laake (2017, ch. 8) read as before = first occasion', () => {
    // 59 yes both times, 6 yes only before, 16 yes only after, 80 neither: after − before = +0.0621 (0.0046 to 0.1186).
    const r = pairedProportionChange({ both: 59, beforeOnly: 6, afterOnly: 16, neither: 80 });
    expect(r.estimate).toBeCloseTo(0.0621, 4);
    expect(r.lower).toBeCloseTo(0.0046, 4);
    expect(r.upper).toBeCloseTo(0.1186, 4);
    expect(r.before).toBeCloseTo(65 / 161, 12);
    expect(r.after).toBeCloseTo(75 / 161, 12);
    expect(r.significant).toBe(true);
  });

  it('flags fewer than 30 respondents', () => {
    expect(proportionChange({ yes: 10, n: 29 }, { yes: 20, n: 40 }).smallSample).toBe(true);
    expect(proportionChange({ yes: 10, n: 30 }, { yes: 20, n: 30 }).smallSample).toBe(false);
    expect(pairedProportionChange({ both: 5, beforeOnly: 3, afterOnly: 10, neither: 6 }).smallSample).toBe(true);
  });
});

describe('change in a mean', () => {
  it("Welch: R's t.test(extra ~ group, data = sleep) → −1.58, t = −1.8608, df = 17.776, p = 0.07939, CI −3.3655 to 0.2055", () => {
    const r = meanChange(drug2, drug1);
    expect(r.estimate).toBeCloseTo(-1.58, 12);
    expect(r.estimate / r.se).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.p).toBeCloseTo(0.07939, 5);
    expect(r.lower).toBeCloseTo(-3.3654832, 6);
    expect(r.upper).toBeCloseTo(0.2054832, 6);
    expect(r).toMatchObject({ significant: false, smallSample: true });
  });

  it("paired: R's t.test(drug1, drug2, paired = TRUE) → −1.58, t = −4.0621, df = 9, p = 0.002833, CI −2.4599 to −0.7001", () => {
    const r = pairedMeanChange(drug2, drug1);
    expect(r.estimate).toBeCloseTo(-1.58, 12);
    expect(r.estimate / r.se).toBeCloseTo(-4.0621, 4);
    expect(r.df).toBe(9);
    expect(r.p).toBeCloseTo(0.002833, 6);
    expect(r.lower).toBeCloseTo(-2.4598858, 6);
    expect(r.upper).toBeCloseTo(-0.7001142, 6);
    expect(r.significant).toBe(true);
  });

  it('handles answers without spread: the same answer from everyone gives a zero-width interval', () => {
    const r = meanChange([3, 3, 3], [4, 4, 4]);
    expect(r).toMatchObject({ estimate: 1, lower: 1, upper: 1, p: 0, significant: true });
    expect(pairedMeanChange([3, 3], [3, 3])).toMatchObject({ estimate: 0, p: 1, significant: false });
  });

  it('refuses fewer than two answers and unpaired lengths', () => {
    expect(() => meanChange([3], [4, 5])).toThrow(RangeError);
    expect(() => pairedMeanChange([3, 4], [4])).toThrow(RangeError);
  });

  it('shifting every after answer by k shifts the change by k and keeps the interval width', () => {
    const answers = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(answers, answers, fc.integer({ min: -2, max: 2 }), (before, after, k) => {
        fc.pre(new Set(before).size > 1 || new Set(after).size > 1);
        const r = meanChange(before, after);
        const shifted = meanChange(
          before,
          after.map((v) => v + k),
        );
        expect(shifted.estimate).toBeCloseTo(r.estimate + k, 10);
        expect(shifted.upper - shifted.lower).toBeCloseTo(r.upper - r.lower, 10);
        expect(r.lower).toBeLessThanOrEqual(r.estimate);
        expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
      }),
    );
  });
});
