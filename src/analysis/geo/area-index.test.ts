import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAreaIndex, geometryBbox, type IndexedArea, isInForce } from './area-index.js';

const shared = new URL('../../../../shared/data/stockholm/', import.meta.url);
const districts13 = JSON.parse(readFileSync(new URL('stadsdelsomraden_13_derived.geojson', shared), 'utf8')) as {
  features: Array<{ properties: { stadsdelsomrade: string }; geometry: IndexedArea['geometry'] }>;
};
const neighbourhoods = JSON.parse(readFileSync(new URL('stadsdelar_117_simplified.geojson', shared), 'utf8')) as {
  features: Array<{ properties: { name: string }; geometry: IndexedArea['geometry'] }>;
};

function toIndexed(
  code: string,
  geometry: IndexedArea['geometry'],
  validFrom = '2020-07-01',
  validTo: string | null = null,
): IndexedArea {
  return { id: code, code, parentId: null, validFrom, validTo, geometry, bbox: geometryBbox(geometry) };
}

describe('buildAreaIndex on Stockholm’s real boundaries', () => {
  const districtIndex = buildAreaIndex(
    districts13.features.map((f) => toIndexed(f.properties.stadsdelsomrade, f.geometry)),
  );
  const neighbourhoodIndex = buildAreaIndex(
    neighbourhoods.features.map((f) => toIndexed(f.properties.name, f.geometry)),
  );

  it.each([
    ['Högdalen centrum', 18.043, 59.2635, 'Enskede-Årsta-Vantör', 'HÖGDALEN'],
    ['Rinkeby', 17.9267, 59.3881, 'Rinkeby-Kista', 'RINKEBY'],
    ['Medborgarplatsen', 18.0735, 59.3143, 'Södermalm', 'SÖDERMALM'],
    ['Odenplan', 18.0455, 59.343, 'Norrmalm', 'VASASTADEN'],
    ['Farsta centrum', 18.0925, 59.2435, 'Farsta', 'FARSTA'],
  ])('puts %s in %s / %s', (_label, lon, lat, district, neighbourhood) => {
    expect(districtIndex.containing(lon, lat, '2022-01-01').map((a) => a.code)).toEqual([district]);
    expect(neighbourhoodIndex.containing(lon, lat, '2022-01-01').map((a) => a.code)).toEqual([neighbourhood]);
  });

  it('finds nothing in Solna, outside the city', () => {
    expect(districtIndex.containing(18.0, 59.36, '2022-01-01').map((a) => a.code)).toEqual([]);
  });
});

describe('validity in time', () => {
  const sq = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ],
  };
  const index = buildAreaIndex([toIndexed('old', sq, '2020-07-01', '2023-06-30'), toIndexed('new', sq, '2023-07-01')]);

  it('switches layout at the boundary day, both days inclusive', () => {
    expect(index.containing(0.5, 0.5, '2023-06-30').map((a) => a.code)).toEqual(['old']);
    expect(index.containing(0.5, 0.5, '2023-07-01').map((a) => a.code)).toEqual(['new']);
    expect(index.containing(0.5, 0.5, '2020-06-30')).toEqual([]);
  });

  it('finds exactly one area for any point inside on any day in force', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.date({ min: new Date('2020-07-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (lon, lat, d) => {
          const day = d.toISOString().slice(0, 10);
          const found = index.containing(lon, lat, day);
          expect(found).toHaveLength(1);
          expect(isInForce(found[0]!, day)).toBe(true);
        },
      ),
    );
  });
});
