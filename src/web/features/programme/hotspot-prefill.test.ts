import { cellToBoundary, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  cellCategory,
  hotspotProblemLink,
  neighbourhoodOfCell,
  parsePrefill,
  placeCategory,
  topPlaceProblemLink,
} from './hotspot-prefill.js';

const DISTRICT = '11111111-1111-4111-8111-111111111111';
const HOGDALEN = '22222222-2222-4222-8222-222222222222';
const LIBRARY = '33333333-3333-4333-8333-333333333333';
const CELL = latLngToCell(59.2636, 18.0431, 9);
const src = { districtAreaId: DISTRICT, week: '2026-W47' };
const query = (link: string) => new URL(link, 'http://x').searchParams;

describe('hotspot prefill', () => {
  it('carries the cell, its neighbourhood and category to the form, which turns it into hotspot evidence', () => {
    const link = hotspotProblemLink(src, CELL, 'klotter', HOGDALEN);
    expect(link.startsWith(`/districts/${DISTRICT}/problems/new?`)).toBe(true);
    expect(parsePrefill(query(link), DISTRICT)).toEqual({
      area_id: HOGDALEN,
      place_ids: [],
      categories: ['klotter'],
      evidence: [{ kind: 'hotspot', ref: CELL, filter: { week: '2026-W47', area_id: DISTRICT } }],
    });
  });

  it('falls back to the district when the cell lies in no known neighbourhood', () => {
    expect(parsePrefill(query(hotspotProblemLink(src, CELL, null, null)), DISTRICT)).toMatchObject({
      area_id: DISTRICT,
      categories: [],
    });
  });

  it('turns a top place into the place and an incident filter on it', () => {
    const link = topPlaceProblemLink(src, { place_id: LIBRARY, key: `place:${LIBRARY}` }, 'ordningsstorning', null);
    expect(parsePrefill(query(link), DISTRICT)).toEqual({
      area_id: null,
      place_ids: [LIBRARY],
      categories: ['ordningsstorning'],
      evidence: [{ kind: 'incident_filter', filter: { place_id: LIBRARY, category: ['ordningsstorning'] } }],
    });
  });

  it('treats a top street cell like a hotspot cell', () => {
    const link = topPlaceProblemLink(src, { place_id: null, key: `cell:${CELL}` }, 'klotter', HOGDALEN);
    expect(parsePrefill(query(link), DISTRICT).evidence).toEqual([
      { kind: 'hotspot', ref: CELL, filter: { week: '2026-W47', area_id: DISTRICT } },
    ]);
  });

  it('drops evidence the API would refuse (a malformed cell or week)', () => {
    const params = new URLSearchParams({ cell: 'not-a-cell', week: '2026-W47' });
    expect(parsePrefill(params, DISTRICT).evidence).toEqual([]);
    expect(parsePrefill(new URLSearchParams({ cell: CELL, week: 'vecka 47' }), DISTRICT).evidence).toEqual([]);
  });
});

describe('what a hotspot is about', () => {
  const near = { lat: 59.2636, lon: 18.0431 };
  const far = { lat: 59.33, lon: 18.07 };
  it('takes the most frequent category inside the cell, ignoring points outside it', () => {
    const points = [
      { ...near, category: 'klotter' },
      { ...near, category: 'klotter' },
      { ...near, category: 'brand' },
      { ...far, category: 'brand' },
      { ...far, category: 'brand' },
    ];
    expect(cellCategory(points, CELL)).toBe('klotter');
    expect(cellCategory([{ ...far, category: 'brand' }], CELL)).toBeNull();
  });

  it('takes the most frequent category at a place', () => {
    const points = [
      { place_id: LIBRARY, category: 'a' },
      { place_id: LIBRARY, category: 'b' },
      { place_id: LIBRARY, category: 'b' },
      { place_id: null, category: 'a' },
    ];
    expect(placeCategory(points, LIBRARY)).toBe('b');
    expect(placeCategory(points, HOGDALEN)).toBeNull();
  });

  it("finds the neighbourhood that holds the cell's centre", () => {
    const ring = cellToBoundary(CELL).map(([lat, lon]) => [lon, lat]);
    const square = (lon: number, lat: number) => [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ];
    const features = [
      { geometry: { type: 'Polygon' as const, coordinates: [square(18.2, 59.4)] }, properties: { id: 'elsewhere' } },
      { geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] }, properties: { id: HOGDALEN } },
    ];
    expect(neighbourhoodOfCell(CELL, features)).toBe(HOGDALEN);
    expect(neighbourhoodOfCell(CELL, features.slice(0, 1))).toBeNull();
  });
});
