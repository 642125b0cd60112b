import { latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { hotspotPlace, type NamingContext } from './hotspot-names.js';
import { streetNamesByCell } from '../places/streets.js';

// Södermalm around Medborgarplatsen (lon 18.0735, lat 59.3145): a square stadsdel for the test.
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [18.05, 59.3],
      [18.1, 59.3],
      [18.1, 59.33],
      [18.05, 59.33],
      [18.05, 59.3],
    ],
  ],
};
let streetNames: ReadonlyMap<string, string> = new Map();
beforeAll(async () => {
  streetNames = await streetNamesByCell({ warn: () => undefined });
});
const ctx = (places: NamingContext['places']): NamingContext => ({
  neighbourhoods: [{ name: 'Södermalm', geometry: square }],
  places,
  streetOf: (cell) => streetNames.get(cell),
});
const medborgarplatsen = latLngToCell(59.3145, 18.0735, 9);

describe('hotspot names', () => {
  it('names a cell by stadsdel and the nearest registered place, never by its id', () => {
    const p = hotspotPlace(medborgarplatsen, 3, ctx([{ name: 'Medborgarplatsen', lon: 18.0736, lat: 59.3146 }]));
    expect(p).toMatchObject({ neighbourhood: 'Södermalm', near: 'Medborgarplatsen', near_kind: 'place' });
    expect(p.text_sv).toBe('Södermalm, vid Medborgarplatsen');
    expect(p.text_en).toBe('Södermalm, at Medborgarplatsen');
    expect(p.text_sv).not.toContain(medborgarplatsen);
  });

  it('explains a hot cell without incidents of its own as the area around it', () => {
    const p = hotspotPlace(medborgarplatsen, 0, ctx([{ name: 'Medborgarplatsen', lon: 18.0736, lat: 59.3146 }]));
    expect(p.own_incidents).toBe(false);
    expect(p.text_sv).toBe('Södermalm, området runt omkring Medborgarplatsen');
  });

  it('takes the street through the cell when no registered place is near, and the nearer of two places', () => {
    const street = hotspotPlace(medborgarplatsen, 1, ctx([{ name: 'Långt bort', lon: 18.09, lat: 59.325 }]));
    expect(street.near_kind).toBe('street');
    expect(street.near).toBe(streetNames.get(medborgarplatsen));
    expect(street.near).toBeTruthy();
    const nearer = hotspotPlace(
      medborgarplatsen,
      1,
      ctx([
        { name: 'Bortre', lon: 18.077, lat: 59.3155 },
        { name: 'Närmre', lon: 18.0735, lat: 59.3146 },
      ]),
    );
    expect(nearer.near).toBe('Närmre');
  });

  it('says only the stadsdel (or the area around) outside the streets of the central city', () => {
    const outside = latLngToCell(59.305, 18.095, 9);
    const far: NamingContext = { ...ctx([]), streetOf: () => undefined };
    expect(hotspotPlace(outside, 2, far).text_sv).toBe('Södermalm');
    expect(hotspotPlace(outside, 0, far).text_sv).toBe('Södermalm, området runt omkring');
  });
});
