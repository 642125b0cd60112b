import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const validBody = {
  occurred_at: '2026-11-20T21:15:00+01:00',
  category: 'klotter',
  lon: 18.02,
  lat: 59.27,
  description: 'Klotter på entrédörren, anmält av personal. Ring 070-123 45 67 om 19811218-9876.',
};

describeEachEngine('incidents API', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let headers: Record<string, string>;

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
  });
  afterAll(async () => app.close());

  const countIncidents = async () =>
    Number(
      (
        await getDb()
          .db.selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates an incident, places it in its areas and redacts its text', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/incidents', headers, payload: validBody });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      category: 'klotter',
      precision: 'exact',
      area_id: org.areas.south,
      district_id: org.areas.southDistrict,
      status: 'new',
      generated: false,
    });
    expect(body.h3.r9).toMatch(/^89/);
    expect(body.description).toBe('Klotter på entrédörren, anmält av personal. Ring [telefon] om [personnummer].');
    expect(body.redaction_count).toBe(2);
    const audit = await getDb().db.selectFrom('audit_events').selectAll().where('entity_id', '=', body.id).execute();
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['create', expect.stringMatching(/^coordinator\./)]]);
    expect(JSON.stringify(audit)).not.toContain('9876');
  });

  it('assigns a point to the district in force when it happened, and finds it from either layout', async () => {
    const before = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: {
        ...validBody,
        occurred_at: '2023-06-30T23:30:00+02:00',
        lon: 18.02,
        lat: 59.37,
        description: undefined,
      },
    });
    const after = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: {
        ...validBody,
        occurred_at: '2023-07-01T00:30:00+02:00',
        lon: 18.02,
        lat: 59.37,
        description: undefined,
      },
    });
    expect(before.json().district_id).toBe(org.areas.oldNorth);
    expect(after.json().district_id).toBe(org.areas.merged);
    for (const areaId of [org.areas.merged, org.areas.oldNorth, org.areas.northNew]) {
      const list = await app.inject({ url: `/api/incidents?area_id=${areaId}`, headers });
      expect(
        list
          .json()
          .items.map((i: { id: string }) => i.id)
          .sort(),
      ).toEqual([before.json().id, after.json().id].sort());
    }
    // Paged one by one, the two neighbourhood layouts merge newest first, each once.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { json(): { items: Array<{ id: string }>; next_cursor: string | null } } = await app.inject({
        url: `/api/incidents?area_id=${org.areas.merged}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        headers,
      });
      paged.push(...res.json().items.map((i) => i.id));
      cursor = res.json().next_cursor;
    } while (cursor);
    expect(paged).toEqual([after.json().id, before.json().id]);
  });

  it('filters by category, time, bbox and source and pages with a cursor without gaps or repeats', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers,
        payload: {
          ...validBody,
          category: 'brand',
          occurred_at: `2026-10-0${i + 1}T12:00:00+02:00`,
          source: 'partner',
        },
      });
      expect(res.statusCode).toBe(201);
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): { items: Array<{ id: string }>; next_cursor: string | null } } =
        await app.inject({ url: `/api/incidents?category=brand&limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers });
      expect(res.statusCode).toBe(200);
      ids.push(...res.json().items.map((i) => i.id));
      cursor = res.json().next_cursor;
    } while (cursor);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);

    const window = await app.inject({
      url: '/api/incidents?category=brand&from=2026-10-02T00:00:00%2B02:00&to=2026-10-04T00:00:00%2B02:00',
      headers,
    });
    expect(window.json().items.map((i: { occurred_at: string }) => i.occurred_at)).toEqual([
      '2026-10-03T10:00:00.000Z',
      '2026-10-02T10:00:00.000Z',
    ]);
    const outside = await app.inject({ url: '/api/incidents?category=brand&bbox=18.03,59.25,18.05,59.30', headers });
    expect(outside.json().items).toHaveLength(0);
    const bySource = await app.inject({ url: '/api/incidents?source=partner', headers });
    expect(bySource.json().items).toHaveLength(5);
    const geo = await app.inject({ url: '/api/incidents?category=brand&format=geojson&limit=1', headers });
    expect(geo.json()).toMatchObject({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [18.02, 59.27] } }],
    });
  });

  it('changes status, requires a closure reason to close, and audits the change', async () => {
    const created = (await app.inject({ method: 'POST', url: '/api/incidents', headers, payload: validBody })).json();
    const noReason = await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${created.id}/status`,
      headers,
      payload: { status: 'closed' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('closure_reason');
    const closed = await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${created.id}/status`,
      headers,
      payload: { status: 'closed', closure_reason: 'fixed', note: 'Sanerat' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closure_reason: 'fixed', status_note: 'Sanerat' });
    const fetched = await app.inject({ url: `/api/incidents/${created.id}`, headers });
    expect(fetched.json().status).toBe('closed');
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before).toMatchObject({ status: 'new' });
    expect(audit[1]!.after).toMatchObject({ status: 'closed', closure_reason: 'fixed' });
  });

  it('stores place and zone, and refuses a zone of another place', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: { ...validBody, precision: 'place', place_id: org.placeId, zone_id: org.zoneId },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ place_id: org.placeId, zone_id: org.zoneId, precision: 'place' });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: { ...validBody, zone_id: org.zoneId },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('zone_id');
  });

  it.each([
    ['a point outside every area', { lon: 17.5, lat: 59.3 }, 'OUTSIDE_ORGANISATION', 'lon'],
    ['a latitude out of range', { lat: 123 }, 'VALIDATION_FAILED', 'lat'],
    ['coordinates as text', { lon: '18.02' }, 'VALIDATION_FAILED', 'lon'],
    ['an unknown category', { category: 'ufo' }, 'UNKNOWN_CATEGORY', 'category'],
    ['too long a text', { description: 'x'.repeat(4001) }, 'VALIDATION_FAILED', 'description'],
    ['a time without offset', { occurred_at: '2026-11-20 21:15' }, 'VALIDATION_FAILED', 'occurred_at'],
    ['a time in the future', { occurred_at: '2999-01-01T00:00:00Z' }, 'OCCURRED_IN_FUTURE', 'occurred_at'],
    ['a field for a person', { name: 'Anna Andersson' }, 'VALIDATION_FAILED', ''],
    ['personal data as the reference', { source_ref: 'pnr 811218-9876' }, 'VALIDATION_FAILED', 'source_ref'],
    ['an unknown place', { place_id: '00000000-0000-4000-8000-000000000000' }, 'VALIDATION_FAILED', 'place_id'],
    [
      'a point from before the first layout',
      { occurred_at: '2019-05-01T12:00:00+02:00' },
      'OUTSIDE_ORGANISATION',
      'lon',
    ],
  ])('refuses %s with 400, a code, a field and no row', async (_label, change, code, path) => {
    const before = await countIncidents();
    const res = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { ...headers, 'accept-language': 'en' },
      payload: { ...validBody, ...change },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe(code);
    expect(error.messages.sv).toBeTruthy();
    expect(error.message).toBe(error.messages.en);
    expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await countIncidents()).toBe(before);
  });

  it('answers malformed requests with 4xx in the error shape, never 500', async () => {
    const cases = [
      app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: '{"lon":',
      }),
      app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: { ...headers, 'content-type': 'text/plain' },
        payload: 'hej',
      }),
      app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers,
        payload: { ...validBody, description: 'x'.repeat(70_000) },
      }),
      app.inject({ url: '/api/incidents?cursor=bm9wZQ', headers }),
      app.inject({ url: '/api/incidents?bbox=1,2,3', headers }),
      app.inject({ url: '/api/incidents/not-a-uuid', headers }),
      app.inject({ url: '/api/incidents/00000000-0000-4000-8000-000000000000', headers }),
      app.inject({ url: '/api/incidents', headers: { ...headers, 'x-trygg-organisation': 'atlantis' } }),
      app.inject({ url: '/api/nothing-here', headers }),
    ];
    const statuses = [];
    for (const res of await Promise.all(cases)) {
      statuses.push(res.statusCode);
      expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
    }
    expect(statuses).toEqual([400, 415, 413, 400, 400, 400, 404, 404, 404]);
  });

  it('counts incidents per H3 cell for the map', async () => {
    const res = await app.inject({ url: '/api/incidents/hexbins?resolution=9&category=brand', headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ cell: expect.stringMatching(/^89/), count: 5 }]);
  });

  it('asks for sign-in to read or write incidents, but shows the coarse map to everyone', async () => {
    expect((await app.inject({ url: '/api/incidents' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/incidents', payload: validBody })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/incidents/hexbins?resolution=8' })).statusCode).toBe(200);
  });

  it('serves the OpenAPI document with the incident routes', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/incidents',
        '/api/incidents/{id}',
        '/api/incidents/{id}/status',
        '/api/areas',
        '/api/places',
      ]),
    );
    expect(doc.paths['/api/incidents'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['occurred_at', 'category', 'lon', 'lat']),
    );
  });
});
