import { describe, expect, it } from 'vitest';
import { buildAreaIndex, geometryBbox, type IndexedArea } from '../../analysis/geo/area-index.js';
import { type AdmissionCategory, type AdmissionLookups, admitIncident, type IncidentClaim } from './admission.js';

const square = (w: number, s: number, e: number, n: number): IndexedArea['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const area = (
  id: string,
  geometry: IndexedArea['geometry'],
  validFrom: string,
  validTo: string | null,
): IndexedArea => ({
  id,
  code: id,
  parentId: `${id}-district`,
  validFrom,
  validTo,
  geometry,
  bbox: geometryBbox(geometry),
});

// Central Stockholm; its west half changed layout on 2023-07-01 (as Järva and Norra innerstaden did).
const areas = buildAreaIndex([
  area('east', square(18.05, 59.3, 18.1, 59.36), '2020-07-01', null),
  area('west-old', square(18.0, 59.3, 18.05, 59.36), '2020-07-01', '2023-06-30'),
  area('west-new', square(18.0, 59.3, 18.05, 59.36), '2023-07-01', null),
]);
const categories: Record<string, AdmissionCategory> = {
  klotter: { id: 'c-klotter', code: 'klotter', active: true },
  gammal: { id: 'c-gammal', code: 'gammal', active: false },
};
const NOW = Date.parse('2026-11-20T12:00:00Z');
const lookups: AdmissionLookups = {
  areas,
  timeZone: 'Europe/Stockholm',
  category: (name) => categories[name] ?? null,
  now: NOW,
};
const claim = (extra: Partial<IncidentClaim> = {}): IncidentClaim => ({
  occurredAt: new Date('2026-11-20T10:00:00Z'),
  category: 'klotter',
  point: { lon: 18.07, lat: 59.33 },
  precision: 'exact',
  description: null,
  ...extra,
});

describe('admitIncident', () => {
  it('places a point in its neighbourhood and district and gives it its H3 cells', () => {
    const admission = admitIncident(claim(), lookups);
    expect(admission).toEqual({
      ok: true,
      incident: {
        occurredAt: new Date('2026-11-20T10:00:00Z'),
        categoryId: 'c-klotter',
        lon: 18.07,
        lat: 59.33,
        precision: 'exact',
        h3: { r7: '870886618ffffff', r8: '8808866189fffff', r9: '89088661887ffff', r10: '8a088661886ffff' },
        areaId: 'east',
        districtId: 'east-district',
        description: null,
        redactionCount: 0,
        swapped: false,
      },
    });
  });

  it('uses the layout in force on the local (Stockholm) day: 00:30 on 1 July is the new one', () => {
    const at = (iso: string) =>
      admitIncident(claim({ occurredAt: new Date(iso), point: { lon: 18.02, lat: 59.33 } }), lookups);
    expect(at('2023-06-30T21:30:00Z')).toMatchObject({ ok: true, incident: { areaId: 'west-old' } });
    expect(at('2023-06-30T22:30:00Z')).toMatchObject({ ok: true, incident: { areaId: 'west-new' } });
  });

  it('keeps only what a coarse precision honestly knows', () => {
    expect(admitIncident(claim({ precision: 'place' }), lookups)).toMatchObject({
      ok: true,
      incident: { areaId: 'east', h3: { r9: '89088661887ffff' } },
    });
    expect(admitIncident(claim({ precision: 'area' }), lookups)).toMatchObject({
      ok: true,
      incident: { areaId: 'east', districtId: 'east-district', h3: null },
    });
    expect(admitIncident(claim({ precision: 'municipality' }), lookups)).toMatchObject({
      ok: true,
      incident: { areaId: null, districtId: null, h3: null },
    });
  });

  it('redacts the free text and counts what it replaced', () => {
    const admission = admitIncident(claim({ description: 'Ring 070-123 45 67 eller mejla a@b.se' }), lookups);
    expect(admission).toMatchObject({
      ok: true,
      incident: { description: 'Ring [telefon] eller mejla [e-post]', redactionCount: 2 },
    });
  });

  it('refuses a time in the future beyond five minutes of clock skew', () => {
    expect(admitIncident(claim({ occurredAt: new Date(NOW + 5 * 60_000) }), lookups).ok).toBe(true);
    expect(admitIncident(claim({ occurredAt: new Date(NOW + 5 * 60_000 + 1) }), lookups)).toEqual({
      ok: false,
      issues: [{ field: 'occurred_at', code: 'in_future' }],
    });
  });

  it('refuses an unknown or retired category, and then does not place the point', () => {
    expect(admitIncident(claim({ category: 'okänd', point: { lon: 0, lat: 0 } }), lookups)).toEqual({
      ok: false,
      issues: [{ field: 'category', code: 'unknown_category' }],
    });
    expect(admitIncident(claim({ category: 'gammal' }), lookups)).toEqual({
      ok: false,
      issues: [{ field: 'category', code: 'inactive_category', category: 'gammal' }],
    });
  });

  it('refuses a point outside the areas, or no valid position at all', () => {
    expect(admitIncident(claim({ point: { lon: 17.9, lat: 59.33 } }), lookups)).toEqual({
      ok: false,
      issues: [{ field: 'location', code: 'outside_organisation' }],
    });
    expect(admitIncident(claim({ point: { lon: 200, lat: 59.33 } }), lookups)).toEqual({
      ok: false,
      issues: [{ field: 'location', code: 'invalid_coordinates' }],
    });
  });

  it('takes swapped coordinates only when the writer allows it', () => {
    const swappedClaim = claim({ point: { lon: 59.33, lat: 18.07 }, swapped: { lon: 18.07, lat: 59.33 } });
    expect(admitIncident(swappedClaim, lookups)).toEqual({
      ok: false,
      issues: [{ field: 'location', code: 'swapped_coordinates' }],
    });
    expect(admitIncident(swappedClaim, lookups, { swapCoordinates: true })).toMatchObject({
      ok: true,
      incident: { lon: 18.07, lat: 59.33, areaId: 'east', swapped: true },
    });
  });

  it('leaves unread fields to the writer: no placement, only the checks that can be made', () => {
    expect(admitIncident(claim({ occurredAt: null, category: 'okänd' }), lookups)).toEqual({
      ok: false,
      issues: [{ field: 'category', code: 'unknown_category' }],
    });
    expect(admitIncident(claim({ precision: null }), lookups)).toEqual({ ok: false, issues: [] });
  });

  it('refuses text longer than the writer allows once redacted', () => {
    const description = 'a@b.se '.repeat(10); // 70 characters, 90 once each address reads '[e-post]'
    expect(admitIncident(claim({ description }), lookups, { maxDescriptionLength: 80 })).toEqual({
      ok: false,
      issues: [{ field: 'description', code: 'text_too_long' }],
    });
    expect(admitIncident(claim({ description }), lookups).ok).toBe(true);
  });
});
