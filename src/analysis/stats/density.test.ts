import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  densityAt,
  densityCellCentre,
  densityFromIncidents,
  kernelDensity,
  localFrame,
  quarticKernel,
} from './density.js';

const STHLM = { lon: 18.0686, lat: 59.3293 };

describe('quartic kernel density', () => {
  it('one point: the density at the point itself is 3/(π h²) (statistics.md), per km²', () => {
    for (const h of [150, 250, 400]) {
      const g = kernelDensity([STHLM], { bandwidthM: h });
      const expected = 3 / (Math.PI * (h / 1000) ** 2);
      expect(g.max).toBeCloseTo(expected, 9);
      expect(g.cutoff).toBeCloseTo(expected, 9);
      expect(densityAt([STHLM], STHLM, h)).toBeCloseTo(expected, 9);
      expect(g.cellM).toBe(h / 5);
      // The point is a cell centre, and that cell holds the peak.
      const peakIndex = g.values.indexOf(g.max);
      const [lon, lat] = densityCellCentre(g, peakIndex % g.cols, Math.floor(peakIndex / g.cols));
      expect(lon).toBeCloseTo(STHLM.lon, 9);
      expect(lat).toBeCloseTo(STHLM.lat, 9);
    }
  });

  it('falls off as (1 − (d/h)²)²: a quarter at d = h/√2, nothing at h (by hand)', () => {
    expect(quarticKernel(250 / Math.SQRT2, 250) / quarticKernel(0, 250)).toBeCloseTo(0.25, 12);
    expect(quarticKernel(250, 250)).toBe(0);
  });

  it('measures metres as WGS84 does: at 60° N a degree is 111 412 m of latitude and 55 800 m of longitude', () => {
    // Wikipedia, "Latitude" (length of a degree, table): 60°: 111 412.24 m (lat), 55 799.98 m (lon).
    const [x, y] = localFrame(18, 60).toXY(18.01, 60.01);
    expect(x * 100).toBeCloseTo(55_799.98, 1);
    expect(y * 100).toBeCloseTo(111_412.24, 0);
  });

  it('integrates to about one per point over the grid', () => {
    const pts = fc.array(
      fc.record({
        lon: fc.double({ min: 17.95, max: 18.15, noNaN: true }),
        lat: fc.double({ min: 59.28, max: 59.38, noNaN: true }),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(pts, fc.integer({ min: 100, max: 400 }), (points, h) => {
        const g = kernelDensity(points, { bandwidthM: h });
        const cellKm2 = (g.cellM / 1000) ** 2;
        const integral = g.values.reduce((a, b) => a + b, 0) * cellKm2;
        expect(integral / points.length).toBeCloseTo(1, 1);
        expect(Math.abs(integral / points.length - 1)).toBeLessThan(0.02);
      }),
      { numRuns: 40 },
    );
  });

  it('agrees with exact evaluation at cell centres, to the projection error (frames centred elsewhere)', () => {
    const points = [STHLM, { lon: 18.071, lat: 59.3301 }, { lon: 18.06, lat: 59.328 }];
    const g = kernelDensity(points, { bandwidthM: 300 });
    for (const [col, row] of [
      [3, 4],
      [10, 10],
      [12, 7],
    ] as const) {
      const [lon, lat] = densityCellCentre(g, col, row);
      const [cx, cy] = [g.x0 + col * g.cellM, g.y0 + row * g.cellM];
      const inFrame = points.reduce((sum, p) => {
        const [x, y] = g.frame.toXY(p.lon, p.lat);
        return sum + quarticKernel(Math.hypot(x - cx, y - cy), 300) * 1e6;
      }, 0);
      expect(g.values[row * g.cols + col]).toBeCloseTo(inFrame, 9);
      // A frame centred on the cell instead moves distances by ~1e-4, steepened near the kernel's edge.
      expect(g.values[row * g.cols + col]! / densityAt(points, { lon, lat }, 300)).toBeCloseTo(1, 2);
    }
  });

  it('uses only point-precise incidents and refuses a grid blown up by a stray point', () => {
    const r = densityFromIncidents([
      { ...STHLM, precision: 'exact' as const },
      { lon: 18.0643, lat: 59.3326, precision: 'municipality' as const },
    ]);
    expect(r.points).toBe(1);
    expect(r.excluded).toBe(1);
    expect(() => kernelDensity([STHLM, { lon: 13.0, lat: 55.6 }])).toThrow(RangeError);
    expect(kernelDensity([]).values.every((v) => v === 0)).toBe(true);
  });
});
