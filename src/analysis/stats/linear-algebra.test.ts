import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, choleskyInverse, choleskySolve, normalEquations } from './linear-algebra.js';

describe('Cholesky', () => {
  it('factors [[4, 2], [2, 2]] as [[2, 0], [1, 1]] and inverts it to [[½, −½], [−½, 1]] (by hand: det 4)', () => {
    const l = cholesky([
      [4, 2],
      [2, 2],
    ])!;
    expect(l).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(choleskySolve(l, [6, 4])).toEqual([1, 1]);
    expect(choleskyInverse(l)).toEqual([
      [0.5, -0.5],
      [-0.5, 1],
    ]);
  });

  it('says null for a singular matrix (collinear design columns)', () => {
    const { xtwx } = normalEquations(
      [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
      [1, 2, 3],
    );
    expect(cholesky(xtwx)).toBeNull();
  });

  it('solves XᵀX β = Xᵀy so that the residuals are orthogonal to every column', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })),
          {
            minLength: 4,
            maxLength: 30,
          },
        ),
        (points) => {
          const x = points.map(([t]) => [1, t]);
          const y = points.map(([, v]) => v);
          const { xtwx, xtwz } = normalEquations(x, y);
          const l = cholesky(xtwx);
          fc.pre(l !== null);
          const beta = choleskySolve(l!, xtwz);
          const residuals = y.map((v, i) => v - beta[0]! - beta[1]! * x[i]![1]!);
          const scale = 1 + y.reduce((s, v) => s + Math.abs(v), 0) * 10;
          expect(Math.abs(residuals.reduce((s, e) => s + e, 0)) / scale).toBeLessThan(1e-9);
          expect(Math.abs(residuals.reduce((s, e, i) => s + e * x[i]![1]!, 0)) / scale).toBeLessThan(1e-9);
        },
      ),
    );
  });
});
