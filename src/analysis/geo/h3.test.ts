import fc from 'fast-check';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { cellArea, getResolution, isValidCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3CellRing, h3Cells } from './h3.js';

describe('h3Cells', () => {
  // H3 children do not tile their parent exactly, so cellToParent(r10) may differ from r9 near edges:
  // each resolution is computed from the point itself, and analyses read the column of their resolution.
  it('gives one valid cell per stored resolution whose outline contains the point', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 17.7, max: 18.2, noNaN: true }),
        fc.double({ min: 59.2, max: 59.45, noNaN: true }),
        (lon, lat) => {
          const c = h3Cells(lon, lat);
          expect([c.r7, c.r8, c.r9, c.r10].every(isValidCell)).toBe(true);
          expect([c.r7, c.r8, c.r9, c.r10].map(getResolution)).toEqual([7, 8, 9, 10]);
          for (const cell of [c.r7, c.r8, c.r9, c.r10]) {
            expect(booleanPointInPolygon([lon, lat], { type: 'Polygon', coordinates: [h3CellRing(cell)] })).toBe(true);
          }
        },
      ),
    );
  });

  it('uses cells within the published size ranges (res 7: 2.2–10.3 km², res 9: 0.045–0.213 km²)', () => {
    const c = h3Cells(18.0543, 59.3275);
    expect(cellArea(c.r7, 'km2')).toBeGreaterThan(2.2);
    expect(cellArea(c.r7, 'km2')).toBeLessThan(10.3);
    expect(cellArea(c.r9, 'km2')).toBeGreaterThan(0.045);
    expect(cellArea(c.r9, 'km2')).toBeLessThan(0.213);
  });

  it('draws a cell outline as a closed lon/lat ring around the point', () => {
    const cell = h3Cells(18.0686, 59.3293).r9;
    const ring = h3CellRing(cell);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const lons = ring.map((p) => p[0]);
    expect(Math.min(...lons)).toBeLessThan(18.0686);
    expect(Math.max(...lons)).toBeGreaterThan(18.0686);
  });
});
