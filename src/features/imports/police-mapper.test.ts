import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sharedDataFile } from '../../../tests/factories/imports.factory.js';
import { buildAreaIndex, geometryBbox } from '../../analysis/geo/area-index.js';
import { categoryResolver } from './lookups.js';
import { POLICE_LOCATIONS } from './police-locations.js';
import { mapPoliceRecord, type PoliceContext } from './police-mapper.js';

const city = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [17.8, 59.2],
      [18.2, 59.2],
      [18.2, 59.45],
      [17.8, 59.45],
      [17.8, 59.2],
    ],
  ],
};
const categories = categoryResolver(
  [{ id: 'c-vald', code: 'vald', label_sv: 'Våld', label_en: 'Violence', active: true }],
  new Map(),
  true,
);
const context = (municipality: PoliceContext['municipality']): PoliceContext => ({
  lookups: {
    areas: buildAreaIndex([
      {
        id: 'city',
        code: 'city',
        parentId: null,
        validFrom: '2020-01-01',
        validTo: null,
        geometry: city,
        bbox: geometryBbox(city),
      },
    ]),
    timeZone: 'Europe/Stockholm',
    category: (name) => categories.resolve(name)?.category ?? null,
    now: Date.parse('2026-11-20T12:00:00Z'),
  },
  categories,
  municipality,
  swapCoordinates: false,
});
// Since 2026-01-20 the API files city events under the county, with the county's centre point.
const countyLabelled = {
  id: 650271,
  datetime: '2026-08-22 4:10:00 +02:00',
  name: '22 augusti 03.47, Misshandel, Stockholm',
  summary: 'Misshandel i centrala staden.',
  url: '/aktuellt/handelser/2026/augusti/22/',
  type: 'Misshandel',
  location: { name: 'Stockholms län', gps: '59.325117,18.071094' },
};

describe('mapPoliceRecord', () => {
  it('gives a county-labelled city event the municipality’s point', () => {
    const mapped = mapPoliceRecord(
      { kind: 'police', row: 1, event: countyLabelled },
      context({ name: 'Stockholm', lon: 18.068581, lat: 59.329324 }),
    );
    expect(mapped).toMatchObject({
      kind: 'ok',
      warnings: ['municipality_from_title'],
      candidate: { lon: 18.068581, lat: 59.329324, precision: 'municipality', categoryId: 'c-vald' },
    });
  });

  it('reports, row by row, a municipality whose point is not known instead of dropping its events', () => {
    const mapped = mapPoliceRecord({ kind: 'police', row: 7, event: countyLabelled }, context({ name: 'Stockholm' }));
    expect(mapped).toMatchObject({
      kind: 'error',
      row: 7,
      issues: [{ row: 7, column: 'location.name', code: 'unknown_location' }],
    });
  });
});

describe('POLICE_LOCATIONS', () => {
  it('is the shared data file’s list of location names and points', () => {
    const rows: Array<{ location_name: string; lat: string; lon: string }> = parse(
      readFileSync(sharedDataFile('polisen/location_names_gps.csv'), 'utf8'),
      { columns: true },
    );
    const shipped = new Map(POLICE_LOCATIONS.map(([name, lon, lat]) => [name, [lon, lat]]));
    expect(shipped.size).toBe(rows.length);
    for (const r of rows) expect(shipped.get(r.location_name), r.location_name).toEqual([Number(r.lon), Number(r.lat)]);
  });
});
