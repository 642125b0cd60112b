import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POINT_PRECISIONS, PrecisionSchema } from '../../domain/incidents.js';
import { isPointPrecision, pointRecords } from './precision.js';

describe('point precision', () => {
  it('lets exact and place positions into point analyses, and nothing coarser', () => {
    expect(PrecisionSchema.options.filter(isPointPrecision)).toEqual(['exact', 'place']);
    expect(POINT_PRECISIONS).toEqual(['exact', 'place']);
    expect(isPointPrecision('area')).toBe(false);
    expect(isPointPrecision('municipality')).toBe(false);
  });

  it('splits any list into points and a count of the rest', () => {
    const rec = fc.record({ id: fc.nat(), precision: fc.constantFrom(...PrecisionSchema.options) });
    fc.assert(
      fc.property(fc.array(rec), (records) => {
        const { points, excluded } = pointRecords(records);
        expect(points.length + excluded).toBe(records.length);
        expect(points).toEqual(records.filter((r) => r.precision === 'exact' || r.precision === 'place'));
      }),
    );
  });
});
