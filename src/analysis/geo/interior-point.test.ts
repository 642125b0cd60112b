import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { interiorPoint, offsetMetres } from './interior-point.js';

describe('interiorPoint', () => {
  it('takes the bounding-box centre of a compact shape', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ] as [number, number][],
      ],
    };
    expect(interiorPoint(square)).toEqual({ point: [1, 1], method: 'bbox-centre' });
  });

  it('finds a point inside a C shape whose bounding-box centre is outside', () => {
    // A "C" open to the east: the centre (2, 2) lies in the gap.
    const c = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 1],
          [1, 1],
          [1, 3],
          [4, 3],
          [4, 4],
          [0, 4],
          [0, 0],
        ] as [number, number][],
      ],
    };
    const { point, method } = interiorPoint(c);
    expect(method).toBe('scanline');
    expect(booleanPointInPolygon(point, c)).toBe(true);
  });
});

describe('offsetMetres', () => {
  it('moves about 100 m north and east at Stockholm latitude', () => {
    const [lon, lat] = offsetMetres(18.0, 59.3, 100, 100);
    expect((lat - 59.3) * 111_320).toBeCloseTo(100, 6);
    // A degree of longitude is cos(59.3°) ≈ 0.51 of a degree of latitude.
    expect((lon - 18.0) * 111_320 * Math.cos((59.3 * Math.PI) / 180)).toBeCloseTo(100, 6);
  });
});
