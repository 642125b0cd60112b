import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localParts } from '../../domain/calendar/index.js';
import { IncidentCreateSchema } from '../../domain/incidents.js';
import { MeasureCreateSchema } from '../../domain/measures.js';
import { ProblemCreateSchema } from '../../domain/problems.js';
import { buildApp } from '../../server/app.js';
import {
  createTestOrganisation,
  createTestUnit,
  type TestOrganisation,
  testContext,
} from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident } from '../incidents/incidents.service.js';
import { createMeasure } from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';

interface PlaceBody {
  opening_hours: { periods: Array<{ day: number; opens: string; closes: string }>; note: string | null } | null;
  owner_unit: { contact_email: string | null; contact_phone: string | null } | null;
  zone_months: Array<{ zone_id: string | null; month: string; count: number | null }>;
  measures: Array<{ id: string; title: string | null; type: string; status: string }>;
  incident_count: number | null;
}

/** The place page's data: a place as a resource of the local work, and the place a contribution request names. */
describeEachEngine('a place as a resource', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let coordinator: Record<string, string>;
  let analyst: Record<string, string>;
  let problemId = '';
  let measureId = '';
  let trafficId = '';
  const thisMonth = (() => {
    const { year, month } = localParts(new Date(), 'Europe/Stockholm');
    return `${year}-${String(month).padStart(2, '0')}`;
  })();
  const place = async (headers: Record<string, string> = {}) => {
    const res = await app.inject({ url: `/api/places/${org.placeId}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PlaceBody;
  };

  beforeAll(async () => {
    const { db } = getDb();
    org = await createTestOrganisation(db);
    trafficId = await createTestUnit(db, org.organisation.id, 'trafik', 'specialist', 'Trafiknämnden');
    await db
      .updateTable('places')
      .set({ opening_hours: { periods: [{ day: 1, opens: '10:00', closes: '19:00' }], note: 'Exempel' } })
      .where('id', '=', org.placeId)
      .execute();
    await db
      .updateTable('units')
      .set({ contact_email: 'kultur@kommun.example', contact_phone: '08-123 45' })
      .where('id', '=', org.unitId)
      .execute();
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    coordinator = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator')).headers;
    analyst = (await signedInAs(app, db, org.organisation.id, org.unitId, 'analyst')).headers;
    const ctx = testContext(db, org.organisation);
    const now = Date.now();
    const at = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    const add = (zone: string | undefined, minutes: number) =>
      createIncident(
        ctx,
        IncidentCreateSchema.parse({
          occurred_at: at(minutes),
          category: 'klotter',
          lon: 18.02,
          lat: 59.27,
          precision: 'place',
          place_id: org.placeId,
          ...(zone ? { zone_id: zone } : {}),
        }),
      );
    // Six at the entrance and two without a zone, all within the last hour (this month, or the last
    // minutes of the previous one just after midnight on the 1st: the test reads the month the API gives).
    for (let i = 0; i < 6; i++) await add(org.zoneId, i + 1);
    for (let i = 0; i < 2; i++) await add(undefined, i + 1);
    problemId = (
      await createProblem(
        ctx,
        ProblemCreateSchema.parse({
          owner_unit_id: org.unitId,
          place_ids: [org.placeId],
          title: 'Oro vid entrén',
          statement: 'Personalen känner sig otrygg vid entrén på kvällar.',
          categories: ['klotter'],
        }),
      )
    ).id;
    measureId = (
      await createMeasure(
        ctx,
        MeasureCreateSchema.parse({
          problem_ids: [problemId],
          responsible_unit_id: org.unitId,
          place_ids: [org.placeId],
          title: 'Ny möblering och siktlinjer vid entrén',
          type: 'situational',
        }),
      )
    ).id;
  });
  afterAll(async () => app.close());

  it('gives the opening hours and the owner’s contact to anyone', async () => {
    const body = await place();
    expect(body.opening_hours).toEqual({ periods: [{ day: 1, opens: '10:00', closes: '19:00' }], note: 'Exempel' });
    expect(body.owner_unit).toMatchObject({ contact_email: 'kultur@kommun.example', contact_phone: '08-123 45' });
  });

  it('counts incidents per zone and month; staff see every figure', async () => {
    const body = await place(coordinator);
    const entrance = body.zone_months.filter((z) => z.zone_id === org.zoneId);
    const unzoned = body.zone_months.filter((z) => z.zone_id === null);
    expect(entrance.reduce((s, z) => s + (z.count ?? 0), 0)).toBe(6);
    expect(unzoned.reduce((s, z) => s + (z.count ?? 0), 0)).toBe(2);
    for (const z of body.zone_months) expect(z.month <= thisMonth).toBe(true);
  });

  it('withholds figures of 1–4 from the public, and shows 5 and more', async () => {
    const body = await place();
    const entrance = body.zone_months.filter((z) => z.zone_id === org.zoneId);
    const unzoned = body.zone_months.filter((z) => z.zone_id === null);
    // All eight fell in one month unless the test ran across a month's end; either way no figure of 1–4 shows.
    for (const z of [...entrance, ...unzoned]) expect(z.count === null || z.count >= 5).toBe(true);
    expect(unzoned.every((z) => z.count === null)).toBe(true);
  });

  it('lists the measures aimed at the place that the caller may see, titles only for those who read free text', async () => {
    expect((await place(coordinator)).measures).toEqual([
      expect.objectContaining({ id: measureId, title: 'Ny möblering och siktlinjer vid entrén', type: 'situational' }),
    ]);
    expect((await place(analyst)).measures).toEqual([expect.objectContaining({ id: measureId, title: null })]);
    // A measure is municipal by default: the public does not see it.
    expect((await place()).measures).toEqual([]);
  });

  describe('a contribution request that names a place', () => {
    const ask = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/requests',
        headers: coordinator,
        payload: {
          from_unit_id: org.unitId,
          to_unit_id: trafficId,
          problem_id: problemId,
          due_date: '2099-01-01',
          ...payload,
        },
      });

    it('keeps the place and shows it in the request and the receiver’s inbox', async () => {
      const res = await ask({ what: 'Belysning vid entrén', place_id: org.placeId });
      expect(res.statusCode).toBe(201);
      expect(res.json().place).toEqual({ id: org.placeId, name: 'Södra biblioteket' });
      const traffic = (await signedInAs(app, getDb().db, org.organisation.id, trafficId, 'unit_editor')).headers;
      const inbox = await app.inject({ url: `/api/inbox?unit_id=${trafficId}`, headers: traffic });
      expect(inbox.statusCode).toBe(200);
      const item = (inbox.json() as { items: Array<{ id: string; place: unknown }> }).items.find(
        (i) => i.id === res.json().id,
      );
      expect(item?.place).toEqual({ id: org.placeId, name: 'Södra biblioteket' });
      const listed = await app.inject({ url: `/api/requests?problem_id=${problemId}`, headers: coordinator });
      expect(
        (listed.json() as Array<{ id: string; place: unknown }>).find((r) => r.id === res.json().id)?.place,
      ).toEqual({ id: org.placeId, name: 'Södra biblioteket' });
    });

    it('refuses a place that does not exist, naming the field, and writes nothing', async () => {
      const before = (await app.inject({ url: `/api/requests?problem_id=${problemId}`, headers: coordinator })).json()
        .length as number;
      const res = await ask({ what: 'Något', place_id: '00000000-0000-4000-8000-000000000000' });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('place_id');
      const after = (await app.inject({ url: `/api/requests?problem_id=${problemId}`, headers: coordinator })).json()
        .length as number;
      expect(after).toBe(before);
    });
  });
});
