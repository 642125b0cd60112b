import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentration, gini, lorenzCurve, repeatPlacesFromIncidents } from './repeats.js';

describe('Gini and Lorenz', () => {
  it('is 0 when all places are equal and (n − 1)/n when one place has everything', () => {
    expect(gini([3, 3, 3, 3])).toBe(0);
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
    for (const n of [2, 5, 100]) expect(gini([...Array(n - 1).fill(0), 7])).toBeCloseTo((n - 1) / n, 12);
  });

  it('hand example [1, 2, 3, 4]: 2·30/(4·10) − 5/4 = 0.25; mean absolute difference 20/16 ÷ (2·2.5) = 0.25', () => {
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
    expect(lorenzCurve([4, 1, 3, 2])).toEqual([
      [0, 0],
      [0.25, 0.1],
      [0.5, 0.3],
      [0.75, 0.6],
      [1, 1],
    ]);
  });

  const counts = fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 60 });

  it('equals 1 − 2 × the area under the Lorenz curve, and the mean-difference formula', () => {
    fc.assert(
      fc.property(counts, (xs) => {
        const curve = lorenzCurve(xs);
        let area = 0;
        for (let i = 1; i < curve.length; i++)
          area += ((curve[i]![0] - curve[i - 1]![0]) * (curve[i]![1] + curve[i - 1]![1])) / 2;
        const total = xs.reduce((a, b) => a + b, 0);
        expect(gini(xs)).toBeCloseTo(total === 0 ? 0 : 1 - 2 * area, 10);
        if (total > 0) {
          let diff = 0;
          for (const a of xs) for (const b of xs) diff += Math.abs(a - b);
          expect(gini(xs)).toBeCloseTo(diff / (2 * xs.length * total), 10);
        }
      }),
    );
  });

  it('lies in [0, (n − 1)/n], ignores order, and is unchanged by scaling', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 9 }), (xs, k) => {
        const g = gini(xs);
        expect(g).toBeGreaterThanOrEqual(-1e-12);
        expect(g).toBeLessThanOrEqual((xs.length - 1) / xs.length + 1e-12);
        expect(gini([...xs].reverse())).toBeCloseTo(g, 12);
        expect(gini(xs.map((x) => x * k))).toBeCloseTo(g, 12);
      }),
    );
  });
});

describe('concentration', () => {
  it('hand example A 1, B 2, C 3, D 4: top 5 % is ⌈0.2⌉ = 1 place holding 4/10; repeat places B, C, D hold 9/10', () => {
    const c = concentration(
      new Map([
        ['A', 1],
        ['B', 2],
        ['C', 3],
        ['D', 4],
      ]),
      { top: 2 },
    );
    expect(c).toMatchObject({
      places: 4,
      incidents: 10,
      topPlaces: 1,
      shareAtTop: 0.4,
      repeatPlaces: 3,
      shareAtRepeatPlaces: 0.9,
    });
    expect(c.top).toEqual([
      { place: 'D', count: 4 },
      { place: 'C', count: 3 },
    ]);
    expect(c.gini).toBeCloseTo(0.25, 12);
  });

  it('takes the top 5 % of 100 places as 5, and breaks ties by key', () => {
    const counts = new Map(
      Array.from({ length: 100 }, (_, i) => [`p${String(i).padStart(3, '0')}`, i < 5 ? 19 : 1] as const),
    );
    const c = concentration(counts);
    expect(c.topPlaces).toBe(5);
    expect(c.shareAtTop).toBeCloseTo(95 / 190, 12);
    expect(c.top.slice(0, 2).map((t) => t.place)).toEqual(['p000', 'p001']);
    expect(concentration(new Map())).toMatchObject({ places: 0, incidents: 0, shareAtTop: 0, gini: 0 });
  });

  it('places only point-precise incidents with a key', () => {
    const c = repeatPlacesFromIncidents(
      [
        { precision: 'exact' as const, place: 'A' },
        { precision: 'place' as const, place: 'A' },
        { precision: 'exact' as const, place: null },
        { precision: 'municipality' as const, place: 'A' },
        { precision: 'area' as const, place: 'B' },
      ],
      (i) => i.place,
    );
    expect(c).toMatchObject({ places: 1, incidents: 2, repeatPlaces: 1, excluded: 3 });
  });
});
