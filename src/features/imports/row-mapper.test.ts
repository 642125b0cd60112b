import { describe, expect, it } from 'vitest';
import { buildAreaIndex } from '../../analysis/geo/area-index.js';
import { type MapContext, mapTabularRow } from './row-mapper.js';

const context: MapContext = {
  lookups: {
    areas: buildAreaIndex([]),
    timeZone: 'Europe/Stockholm',
    category: (code) => ({ id: `c-${code}`, code, active: true }),
    now: Date.parse('2026-11-20T12:00:00Z'),
  },
  columns: { occurred_at: 0, category: 1, x: 2, y: 3 },
  headers: ['tid', 'kategori', 'x', 'y'],
  findPlace: () => null,
  findArea: () => null,
  dateOrder: 'dmy',
  crs: undefined,
  swapCoordinates: false,
};

describe('mapTabularRow', () => {
  it('reports x/y that no coordinate system explains as a row issue', () => {
    expect(
      mapTabularRow({ kind: 'tabular', row: 2, cells: ['2026-01-01 10:00', 'klotter', '1', '1'] }, context),
    ).toEqual({
      kind: 'error',
      row: 2,
      issues: [
        { row: 2, column: 'x', code: 'invalid_coordinates', message: 'the coordinates are not a valid position' },
      ],
    });
  });
});
