import fc from 'fast-check';
import { cellToParent, gridDisk, latLngToCell } from 'h3-js';
import { xoroshiro128plus } from 'pure-rand';
import { describe, expect, it } from 'vitest';
import { type GiPMethod, gistar, gistarH3, gistarIncidentsH3, giClass, giClassFdr, type H3Incident } from './gistar.js';

/** 5×5 grid, rook neighbours (the cell itself is added by gistar). */
function rook(size: number) {
  return (i: number) => {
    const r = Math.floor(i / size);
    const c = i % size;
    return [
      [r - 1, c],
      [r + 1, c],
      [r, c - 1],
      [r, c + 1],
    ]
      .filter(([a, b]) => a! >= 0 && a! < size && b! >= 0 && b! < size)
      .map(([a, b]) => a! * size + b!);
  };
}

describe('Gi* known answers', () => {
  it('5×5 grid, centre 9, its four neighbours 5, all else 1 → z(centre) 4.590552, z(corner) −0.847587 (statistics.md)', () => {
    // By hand: n = 25, Σx = 49, X̄ = 1.96, Σx² = 201, S = √(201/25 − 1.96²) = 2.049000;
    // centre: (29 − 1.96·5) / (S·√((25·5 − 25)/24)) = 19.2 / 4.182498 = 4.590552.
    const values = Array.from({ length: 25 }, (_, i) => (i === 12 ? 9 : [7, 11, 13, 17].includes(i) ? 5 : 1));
    const g = gistar(values, rook(5));
    expect(g[12]!.z).toBeCloseTo(4.590552, 6);
    expect(g[0]!.z).toBeCloseTo(-0.847587, 6);
    expect(g[12]!).toMatchObject({ localSum: 29, weight: 5, class: 'hot99', fdrClass: 'hot99' });
    expect(g[0]!).toMatchObject({ localSum: 3, weight: 3, class: 'none' });
    // p = 2·(1 − Φ(4.590552)) = 4.4207e-6
    expect(g[12]!.p).toBeCloseTo(4.4207e-6, 9);
  });

  it('1-D strip [0, 0, 9, 0, 0]: z(middle) = 3.6 / (3.6·√1.5) = √(2/3) (by hand)', () => {
    const g = gistar([0, 0, 9, 0, 0], (i) => [i - 1, i + 1].filter((j) => j >= 0 && j < 5));
    expect(g[2]!.z).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('finds nothing when every count is equal, or with one cell', () => {
    expect(gistar([3, 3, 3, 3], (i) => [(i + 1) % 4]).map((r) => [r.z, r.p, r.class])).toEqual(
      Array(4).fill([0, 1, 'none']),
    );
    expect(gistar([5], () => [])[0]).toMatchObject({ z: 0, p: 1 });
  });

  it('classes at 1.645 / 1.960 / 2.576, and after FDR by adjusted p ≤ 0.10 / 0.05 / 0.01', () => {
    expect([1.6, 1.7, 2.0, 2.6, -1.7, -2.0, -2.6].map(giClass)).toEqual([
      'none',
      'hot90',
      'hot95',
      'hot99',
      'cold90',
      'cold95',
      'cold99',
    ]);
    expect([giClassFdr(3, 0.2), giClassFdr(3, 0.08), giClassFdr(3, 0.03), giClassFdr(-3, 0.005)]).toEqual([
      'none',
      'hot90',
      'hot95',
      'cold99',
    ]);
  });

  it('exact-binomial p: 10 incidents on 5 cells, k = 0, a cell with 6 → 2·P(Bin(10, ⅕) ≥ 6) = 2·0.0063694 (by hand)', () => {
    const g = gistar([6, 1, 1, 1, 1], () => [], { pMethod: 'exact-binomial' });
    expect(g[0]!.p).toBeCloseTo(2 * 0.0063694, 6);
  });
});

describe('Gi* properties', () => {
  const counts = fc.array(fc.nat({ max: 50 }), { minLength: 9, maxLength: 36 });

  it('is unchanged by rescaling or shifting all counts, and by listing a neighbour twice or the cell itself', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 20 }), fc.nat({ max: 10 }), (xs, factor, shift) => {
        const nb = (i: number) => [i - 1, i + 1].filter((j) => j >= 0 && j < xs.length);
        const base = gistar(xs, nb).map((r) => r.z);
        const scaled = gistar(
          xs.map((x) => x * factor + shift),
          nb,
        ).map((r) => r.z);
        const redundant = gistar(xs, (i) => [i, ...nb(i), ...nb(i)]).map((r) => r.z);
        base.forEach((z, i) => {
          expect(scaled[i]).toBeCloseTo(z, 9);
          expect(redundant[i]).toBe(z);
        });
      }),
    );
  });

  it('keeps p in [0, 1] and never has an adjusted p below the raw one', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom<GiPMethod>('normal', 'exact-binomial'), (xs, pMethod) => {
        for (const r of gistar(xs, (i) => [i - 1, i + 1].filter((j) => j >= 0 && j < xs.length), { pMethod })) {
          expect(r.p).toBeGreaterThanOrEqual(0);
          expect(r.p).toBeLessThanOrEqual(1);
          expect(r.pAdjusted).toBeGreaterThanOrEqual(r.p * (1 - 1e-12));
        }
      }),
    );
  });
});

describe('Gi* on H3 cells', () => {
  const centre = latLngToCell(59.3293, 18.0686, 9); // Stockholm, res 9
  const study = gridDisk(centre, 11); // 397 cells
  const fdrHot = (c: { z: number; pAdjusted: number }) => c.z > 0 && c.pAdjusted <= 0.05;

  function uniformWeek(seed: number, incidents: number): Map<string, number> {
    const rng = xoroshiro128plus(seed);
    const counts = new Map<string, number>();
    for (let i = 0; i < incidents; i++) {
      const cell = study[(rng.unsafeNext() >>> 0) % study.length]!;
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
    return counts;
  }

  /** Share of 100 seeded uniform weeks with any FDR-significant (α = 0.05) hot cell. */
  function falseAlarmShare(perCell: number, pMethod: GiPMethod): number {
    let alarms = 0;
    for (let seed = 0; seed < 100; seed++) {
      if (gistarH3(uniformWeek(seed, Math.round(perCell * study.length)), study, 1, { pMethod }).cells.some(fdrHot))
        alarms++;
    }
    return alarms / 100;
  }

  it('tests every study cell, zeros included, and reports n, k and what fell outside', () => {
    const outsider = gridDisk(centre, 13).find((c) => !study.includes(c))!;
    const r = gistarH3(
      new Map([
        [centre, 5],
        [outsider, 2],
      ]),
      study,
      1,
    );
    expect(study).toHaveLength(397);
    expect(r).toMatchObject({ n: 397, k: 1, total: 5, outside: 2, pMethod: 'normal' });
    expect(r.cells.find((c) => c.cell === centre)).toMatchObject({ count: 5, weight: 7 });
    expect(() => gistarH3(new Map(), [centre, cellToParent(centre, 8)], 1)).toThrow(RangeError);
  });

  it('flags a cluster of 40 incidents in one cell among uniform noise as hot after FDR, with either p-value', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat({ max: study.length - 1 }),
        fc.constantFrom<GiPMethod>('normal', 'exact-binomial'),
        (seed, at, pMethod) => {
          const counts = uniformWeek(seed, study.length); // about one incident per cell
          const cell = study[at]!;
          counts.set(cell, (counts.get(cell) ?? 0) + 40);
          const hit = gistarH3(counts, study, 1, { pMethod }).cells.find((c) => c.cell === cell)!;
          expect(hit.class).toBe('hot99');
          expect(hit.fdrClass).toBe('hot99');
        },
      ),
      { numRuns: 30 },
    );
  });

  it('raises an FDR-significant hot cell in at most 10 % of 100 uniform weeks: exact-binomial at any density', () => {
    for (const perCell of [0.25, 1, 3]) expect(falseAlarmShare(perCell, 'exact-binomial')).toBeLessThanOrEqual(0.1);
  });

  it('… and the normal p only when cells are well filled (20 per cell), not when sparse (measured: 5 % at 20, 32 % at 0.25)', () => {
    expect(falseAlarmShare(20, 'normal')).toBeLessThanOrEqual(0.1);
    // Documents why 'exact-binomial' exists: the normal tail is too thin for sparse counts.
    expect(falseAlarmShare(0.25, 'normal')).toBeGreaterThan(0.2);
  });

  it('counts only point-precise incidents', () => {
    const h3 = { r7: '', r8: '', r9: centre, r10: '' };
    const incidents: H3Incident[] = [
      ...Array.from({ length: 30 }, () => ({ precision: 'exact' as const, h3 })),
      { precision: 'place', h3 },
      ...Array.from({ length: 50 }, () => ({ precision: 'municipality' as const, h3 })),
      { precision: 'area', h3: null },
    ];
    const r = gistarIncidentsH3(incidents, study, { k: 1, resolution: 9 });
    expect(r.total).toBe(31);
    expect(r.excluded).toBe(51);
    expect(r.cells.find((c) => c.cell === centre)!.count).toBe(31);
  });
});
