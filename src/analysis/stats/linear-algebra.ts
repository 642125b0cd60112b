/**
 * The little linear algebra the regressions need: normal equations XᵀWX β = XᵀWz and the inverse of XᵀWX
 * for standard errors. Matrices are small (a few dozen columns at most: areas plus weeks), so a Cholesky
 * factorisation in plain arrays is both enough and exact to double precision.
 */

/** A dense matrix, row by row. */
export type Matrix = number[][];

/**
 * Cholesky factor L (lower triangular, L·Lᵀ = A) of a symmetric positive definite matrix; null when A is
 * not positive definite (a design with collinear columns, or a column that is all zero).
 * @example cholesky([[4, 2], [2, 2]]) // [[2, 0], [1, 1]]
 */
export function cholesky(a: Matrix): Matrix | null {
  const n = a.length;
  const l: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  // Relative pivot tolerance: a pivot this small against its diagonal means the column is a combination of others.
  const tolerance = 1e-12;
  for (let j = 0; j < n; j++) {
    let d = a[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j]![k]! ** 2;
    if (!(d > tolerance * Math.abs(a[j]![j]!)) || !(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j]![j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = s / ljj;
    }
  }
  return l;
}

/**
 * Solves A·x = b given A's Cholesky factor L (forward then back substitution).
 * @example choleskySolve(cholesky([[4, 2], [2, 2]])!, [6, 4]) // [1, 1]
 */
export function choleskySolve(l: Matrix, b: readonly number[]): number[] {
  const n = l.length;
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/**
 * A⁻¹ from A's Cholesky factor, column by column.
 * @example choleskyInverse(cholesky([[4, 2], [2, 2]])!) // [[0.5, -0.5], [-0.5, 1]]
 */
export function choleskyInverse(l: Matrix): Matrix {
  const n = l.length;
  const inverse: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const column = choleskySolve(l, e);
    for (let i = 0; i < n; i++) inverse[i]![j] = column[i]!;
  }
  return inverse;
}

/**
 * XᵀWX and XᵀWz for design rows X, weights W (default 1) and response z: the weighted normal equations.
 * @example normalEquations([[1, 0], [1, 1]], [1, 3]) // { xtwx: [[2, 1], [1, 1]], xtwz: [4, 3] }
 */
export function normalEquations(
  x: readonly (readonly number[])[],
  z: readonly number[],
  w?: readonly number[],
): { xtwx: Matrix; xtwz: number[] } {
  const p = x[0]?.length ?? 0;
  const xtwx: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xtwz = new Array<number>(p).fill(0);
  // Design rows of dummies are mostly zero (one area, one week): accumulate over the non-zero entries only.
  const nonZero: number[] = [];
  for (let r = 0; r < x.length; r++) {
    const row = x[r]!;
    const weight = w ? w[r]! : 1;
    nonZero.length = 0;
    for (let i = 0; i < p; i++) if (row[i] !== 0) nonZero.push(i);
    for (const i of nonZero) {
      const wi = weight * row[i]!;
      xtwz[i] = xtwz[i]! + wi * z[r]!;
      for (const j of nonZero) {
        if (j > i) break;
        xtwx[i]![j] = xtwx[i]![j]! + wi * row[j]!;
      }
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) xtwx[j]![i] = xtwx[i]![j]!;
  return { xtwx, xtwz };
}
