/**
 * Poisson regression with a log link, fitted by iteratively reweighted least squares (IRLS; McCullagh &
 * Nelder 1989 §2.5), the same algorithm as R's glm(family = poisson): each step solves the weighted normal
 * equations XᵀWX β = XᵀWz with W = μ and working response z = η + (y − μ)/μ. Written here because the
 * difference-in-differences model needs nothing more, and a package for it would bring a linear algebra
 * library along.
 */
import { cholesky, choleskyInverse, choleskySolve, normalEquations } from './linear-algebra.js';

/** Options of `poissonRegression`. */
export interface PoissonRegressionOptions {
  /** Added to the linear predictor: ln(exposure) turns counts into rates. */
  offset?: readonly number[];
  /** Iterations before giving up (default 50). */
  maxIterations?: number;
  /** Relative change in deviance that counts as converged (default 1e-10). */
  tolerance?: number;
}

/** A fitted Poisson regression. */
export interface PoissonFit {
  coefficients: number[];
  /** (XᵀWX)⁻¹ at the fit: the covariance of the coefficients when the counts are truly Poisson. */
  covariance: number[][];
  fitted: number[];
  /** Residual deviance 2·Σ[y·ln(y/μ) − (y − μ)]. */
  deviance: number;
  /** Pearson χ² = Σ (y − μ)²/μ; divided by `df` it estimates the quasi-Poisson dispersion. */
  pearsonChi2: number;
  /** Residual degrees of freedom: rows − columns. */
  df: number;
  iterations: number;
  converged: boolean;
}

function deviance(y: readonly number[], mu: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const mi = mu[i]!;
    d += (yi > 0 ? yi * Math.log(yi / mi) : 0) - (yi - mi);
  }
  return 2 * d;
}

/**
 * Fits ln μ = Xβ + offset to counts y. Throws a RangeError when the design is not of full rank (collinear
 * columns): the caller builds the design and must leave out what it cannot estimate.
 * @example
 * // R's glm example (Dobson 1990, p. 93): counts ~ outcome + treatment
 * poissonRegression(design, [18, 17, 15, 20, 10, 20, 25, 13, 12]).coefficients // [3.045, −0.4543, −0.2930, 0, 0]
 */
export function poissonRegression(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: PoissonRegressionOptions = {},
): PoissonFit {
  const { offset, maxIterations = 50, tolerance = 1e-10 } = options;
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (x.length !== n || n === 0) throw new RangeError('the design needs one row per count, and at least one row');
  if (offset && offset.length !== n) throw new RangeError('the offset needs one value per count');
  for (const v of y) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`counts must be ≥ 0, got ${v}`);
  const off = (i: number) => (offset ? offset[i]! : 0);
  // R's start: μ = y + 0.1, so that zero counts have a finite log.
  let mu = y.map((v) => v + 0.1);
  let eta = mu.map((m) => Math.log(m));
  let dev = deviance(y, mu);
  let coefficients = new Array<number>(p).fill(0);
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const z = eta.map((e, i) => e - off(i) + (y[i]! - mu[i]!) / mu[i]!);
    const { xtwx, xtwz } = normalEquations(x, z, mu);
    const l = cholesky(xtwx);
    if (!l) throw new RangeError('the design is not of full rank: some columns are combinations of others');
    coefficients = choleskySolve(l, xtwz);
    eta = x.map((row, i) => {
      let e = off(i);
      for (let j = 0; j < p; j++) if (row[j] !== 0) e += row[j]! * coefficients[j]!;
      return e;
    });
    mu = eta.map((e) => Math.exp(e));
    const next = deviance(y, mu);
    const change = Math.abs(next - dev) / (Math.abs(next) + 0.1);
    dev = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  const final = cholesky(normalEquations(x, y, mu).xtwx);
  if (!final) throw new RangeError('the information matrix is singular at the fit');
  let pearsonChi2 = 0;
  for (let i = 0; i < n; i++) pearsonChi2 += (y[i]! - mu[i]!) ** 2 / mu[i]!;
  return {
    coefficients,
    covariance: choleskyInverse(final),
    fitted: mu,
    deviance: dev,
    pearsonChi2,
    df: n - p,
    iterations,
    converged,
  };
}
