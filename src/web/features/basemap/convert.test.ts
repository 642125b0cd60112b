import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { convertBasemap } from './convert.js';

const fc = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });
const line = (coordinates: number[][], properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  geometry: { type: 'LineString' as const, coordinates },
  properties,
});
const point = (coordinates: number[], properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates },
  properties,
});

describe('convertBasemap', () => {
  // A wiggly lake shore: many vertices 1 m apart that the overview does not need.
  const shore = Array.from({ length: 50 }, (_, i) => [18 + i * 0.00002, 59.3 + (i % 2) * 0.00001]);
  const src = {
    water: fc([
      {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [[...shore, [18.001, 59.31], [18, 59.31], shore[0] as number[]]] },
        properties: { kind: 'water' },
      },
    ]),
    rail: fc([
      line(
        [
          [18, 59.3],
          [18.01, 59.31],
        ],
        { kind: 'subway', name: 'Tunnelbanan, röda linjen' },
      ),
    ]),
    roads: fc([
      line(
        [
          [18.06, 59.31],
          [18.061, 59.312],
          [18.062, 59.314],
        ],
        { kind: 'secondary', name: 'Götgatan', tunnel: true },
      ),
      line(
        [
          [18.07, 59.31],
          [18.0701, 59.3101],
        ],
        { kind: 'secondary', name: 'Götgatan' },
      ),
      line(
        [
          [18.05, 59.32],
          [18.051, 59.321],
        ],
        { kind: 'residential' },
      ),
    ]),
    places: fc([point([18.0, 59.3], { kind: 'district', name: 'Högdalen' })]),
    stations: fc([
      point([18.05, 59.3], { name: 'Slussen', mode: 'subway' }),
      point([18.05, 59.3], { name: 'Slussen', mode: 'ferry' }),
      point([17.5, 59.1], { name: 'Järna', mode: 'rail' }),
    ]),
  };
  const out = convertBasemap(src, [17.7, 59.2, 18.2, 59.5]);

  it('keeps far fewer vertices in the overview water than in the detail', () => {
    const count = (c: FeatureCollection) => JSON.stringify(c).split('],[').length;
    expect(count(out.overview.water)).toBeLessThan(count(out.detail.water) / 4);
    expect(out.detail.water.features[0]?.geometry.coordinates[0]).toHaveLength(53);
  });

  it('keeps rail stations inside the box (no ferry piers) and the stadsdel labels', () => {
    expect(out.overview.stations.features.map((f) => f.properties)).toEqual([{ name: 'Slussen', mode: 'subway' }]);
    expect(out.overview.places.features.map((f) => f.properties.name)).toEqual(['Högdalen']);
    expect(out.overview.rail.features[0]?.properties).toEqual({ kind: 'subway', name: 'Tunnelbanan, röda linjen' });
  });

  it('gives the streets box, the roads with their names, and each street name once at its longest stretch', () => {
    expect(out.overview.streetsBbox).toEqual([18.05, 59.31, 18.0701, 59.321]);
    expect(out.detail.roads.features.map((f) => f.properties)).toEqual([
      { kind: 'secondary', name: 'Götgatan', tunnel: true },
      { kind: 'secondary', name: 'Götgatan' },
      { kind: 'residential' },
    ]);
    expect(out.streetNames).toEqual([['Götgatan', 18.061, 59.312]]);
  });
});
