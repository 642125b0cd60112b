import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  gammaQuantile,
  lnGamma,
  normalCdf,
  normalQuantile,
  normalSurvival,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
  studentTTwoSided,
} from './special.js';

describe('normal distribution', () => {
  it('matches the standard normal table (NIST/SEMATECH e-Handbook 1.3.6.7.1) and its critical values', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 5);
    expect(normalCdf(1.645)).toBeCloseTo(0.95002, 5);
    expect(normalCdf(-2.576)).toBeCloseTo(0.005, 5);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
  });

  it('keeps relative precision far in the tail (1 − Φ(8) = 6.220961e-16, as SciPy norm.sf(8))', () => {
    expect(normalSurvival(8) / 6.220960574271742e-16).toBeCloseTo(1, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });

  it('inverts: Φ⁻¹(Φ(z)) = z', () => {
    // Above 0, Φ(z) = 1 − tiny has lost the tiny's digits to rounding; invert the lower tail there instead.
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
        const back = z <= 0 ? normalQuantile(normalCdf(z)) : -normalQuantile(normalSurvival(z));
        expect(back).toBeCloseTo(z, 9);
      }),
    );
  });
});

describe('gamma and chi-square', () => {
  it('matches the chi-square critical values (NIST/SEMATECH e-Handbook 1.3.6.7.4)', () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841, 3);
    expect(chiSquareQuantile(0.975, 2)).toBeCloseTo(7.378, 3);
    expect(chiSquareQuantile(0.025, 20)).toBeCloseTo(9.591, 3);
    expect(chiSquareQuantile(0.975, 22)).toBeCloseTo(36.781, 3);
    expect(chiSquareQuantile(0.01, 100)).toBeCloseTo(70.065, 3);
  });

  it('has the closed forms of shape 1 (exponential): P(1, x) = 1 − e^−x', () => {
    expect(regularizedGammaP(1, 1)).toBeCloseTo(1 - Math.exp(-1), 14);
    expect(regularizedGammaQ(1, 30)).toBeCloseTo(Math.exp(-30), 25);
    expect(gammaQuantile(0.975, 1)).toBeCloseTo(-Math.log(0.025), 12);
  });

  it('gives ln Γ(n) = ln (n − 1)!', () => {
    let fact = 1;
    for (let n = 1; n <= 20; n++) {
      expect(lnGamma(n)).toBeCloseTo(Math.log(fact), 11);
      fact *= n;
    }
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
  });

  it('inverts the gamma CDF for any shape and probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (a, p) => {
          const x = gammaQuantile(p, a);
          const back = p <= 0.5 ? regularizedGammaP(a, x) : 1 - regularizedGammaQ(a, x);
          expect(back).toBeCloseTo(p, 9);
        },
      ),
    );
  });
});

describe('incomplete beta', () => {
  it('equals binomial tails summed term by term', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.nat(),
        (n, p, kSeed) => {
          const k = 1 + (kSeed % n);
          let tail = 0;
          let binom = 1; // C(n, j) built up incrementally
          for (let j = 0; j <= n; j++) {
            if (j >= k) tail += binom * p ** j * (1 - p) ** (n - j);
            binom = (binom * (n - j)) / (j + 1);
          }
          expect(regularizedBeta(p, k, n - k + 1)).toBeCloseTo(tail, 10);
        },
      ),
    );
  });
});

describe("Student's t distribution", () => {
  it('matches the t table (NIST/SEMATECH e-Handbook 1.3.6.7.2, upper critical values)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032, 3);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228, 3);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('gives the Cauchy CDF exactly at df = 1: P(T ≤ t) = ½ + atan(t)/π', () => {
    for (const t of [-5, -1, 0.3, 2, 40]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
  });

  it('inverts its CDF and approaches the normal for large df', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 200 }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
      }),
    );
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(normalQuantile(0.975), 5);
    expect(studentTTwoSided(2.228139, 10)).toBeCloseTo(0.05, 6);
  });
});
