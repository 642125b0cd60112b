import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poissonRegression } from './poisson-regression.js';

describe('Poisson regression by IRLS', () => {
  it("reproduces R's glm example (Dobson 1990, An Introduction to Generalized Linear Models, p. 93)", () => {
    // counts ~ outcome + treatment, outcome = gl(3, 1, 9), treatment = gl(3, 3). R prints: (Intercept) 3.045
    // (SE 0.1709), outcome2 −0.4543 (0.2022), outcome3 −0.2930 (0.1927), treatment2/3 0 (0.2000);
    // residual deviance 5.1291 on 4 degrees of freedom.
    const counts = [18, 17, 15, 20, 10, 20, 25, 13, 12];
    const design = counts.map((_, i) => {
      const outcome = i % 3;
      const treatment = Math.floor(i / 3);
      return [1, outcome === 1 ? 1 : 0, outcome === 2 ? 1 : 0, treatment === 1 ? 1 : 0, treatment === 2 ? 1 : 0];
    });
    const fit = poissonRegression(design, counts);
    const se = fit.covariance.map((row, i) => Math.sqrt(row[i]!));
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(3.045, 3);
    expect(fit.coefficients[1]).toBeCloseTo(-0.4543, 4);
    expect(fit.coefficients[2]).toBeCloseTo(-0.293, 4);
    expect(fit.coefficients[3]).toBeCloseTo(0, 10);
    expect(fit.coefficients[4]).toBeCloseTo(0, 10);
    expect(se[0]).toBeCloseTo(0.1709, 4);
    expect(se[1]).toBeCloseTo(0.2022, 4);
    expect(se[2]).toBeCloseTo(0.1927, 4);
    expect(se[3]).toBeCloseTo(0.2, 4);
    expect(fit.deviance).toBeCloseTo(5.1291, 4);
    expect(fit.df).toBe(4);
  });

  it('an intercept-only model fits the mean, with SE 1/√Σy (hand calculation)', () => {
    const fit = poissonRegression([[1], [1], [1], [1]], [0, 3, 5, 4]);
    expect(Math.exp(fit.coefficients[0]!)).toBeCloseTo(3, 10);
    expect(Math.sqrt(fit.covariance[0]![0]!)).toBeCloseTo(1 / Math.sqrt(12), 10);
    // Pearson χ² = (9 + 0 + 4 + 1)/3
    expect(fit.pearsonChi2).toBeCloseTo(14 / 3, 10);
  });

  it('solves the score equations Xᵀ(y − μ) = 0 for any full-rank two-group design', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 }), fc.double({ min: 0.5, max: 3, noNaN: true })),
          {
            minLength: 4,
            maxLength: 40,
          },
        ),
        (rows) => {
          const groupTotals = [0, 0];
          for (const [g, y] of rows) groupTotals[g ? 1 : 0]! += y;
          fc.pre(groupTotals[0]! > 0 && groupTotals[1]! > 0);
          const x = rows.map(([g]) => [1, g ? 1 : 0]);
          const y = rows.map(([, v]) => v);
          const fit = poissonRegression(x, y, { offset: rows.map(([, , e]) => Math.log(e)) });
          expect(fit.converged).toBe(true);
          for (let j = 0; j < 2; j++) {
            const score = x.reduce((s, row, i) => s + row[j]! * (y[i]! - fit.fitted[i]!), 0);
            expect(Math.abs(score)).toBeLessThan(1e-6 * (1 + groupTotals[0]! + groupTotals[1]!));
          }
        },
      ),
    );
  });

  it('refuses a design that is not of full rank', () => {
    expect(() =>
      poissonRegression(
        [
          [1, 1],
          [1, 1],
        ],
        [2, 3],
      ),
    ).toThrow(RangeError);
  });
});
