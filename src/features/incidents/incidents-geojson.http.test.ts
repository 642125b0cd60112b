import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { geojsonProblems } from '../../../tests/support/geojson-check.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

describeEachEngine('incidents as GeoJSON', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let headers: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    ({ headers } = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'coordinator', {
      'x-trygg-organisation': 'testkommun',
    }));
    // Two coarse incidents share the stand-in point they were reported with, as police notices share the city centre.
    for (const [precision, lon, lat] of [
      ['exact', 18.01, 59.26],
      ['area', 18.02, 59.27],
      ['municipality', 18.02, 59.27],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers,
        payload: { occurred_at: '2026-11-20T21:15:00+01:00', category: 'nedskrapning', lon, lat, precision },
      });
      expect(res.statusCode).toBe(201);
      ids[precision] = res.json().id;
    }
  });
  afterAll(async () => app.close());

  const features = async (query = '') => {
    const res = await app.inject({ url: `/api/incidents?category=nedskrapning&format=geojson${query}`, headers });
    expect(res.statusCode).toBe(200);
    expect(geojsonProblems(res.json())).toEqual([]);
    const byId = new Map(res.json().features.map((f: { id: string }) => [f.id, f]));
    return (precision: string) =>
      byId.get(ids[precision]!) as {
        geometry: { type: string; coordinates: unknown } | null;
        properties: Record<string, unknown>;
      };
  };

  it('gives area- and municipality-precision incidents no point, only their precision, so nothing stacks on one point', async () => {
    const f = await features();
    expect(f('exact')).toMatchObject({
      geometry: { type: 'Point', coordinates: [18.01, 59.26] },
      properties: { precision: 'exact', lon: 18.01, lat: 59.26 },
    });
    for (const coarse of ['area', 'municipality']) {
      expect(f(coarse).geometry).toBeNull();
      expect(f(coarse).properties).toMatchObject({ precision: coarse, lon: null, lat: null });
    }
  });

  it('with coarse=polygon draws an area-precision incident as its neighbourhood; one without an area stays null', async () => {
    const f = await features('&coarse=polygon');
    const area = await getDb()
      .db.selectFrom('areas')
      .select('geometry')
      .where('id', '=', org.areas.south)
      .executeTakeFirstOrThrow();
    expect(f('area').geometry).toEqual(area.geometry);
    expect(f('municipality').geometry).toBeNull();
    expect(f('exact').geometry).toMatchObject({ type: 'Point' });
  });

  it('refuses an unknown coarse option with 400', async () => {
    const res = await app.inject({ url: '/api/incidents?format=geojson&coarse=centre', headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'coarse' }] });
  });
});
