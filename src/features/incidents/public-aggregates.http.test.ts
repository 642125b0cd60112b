import type { FastifyInstance } from 'fastify';
import { getResolution, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IncidentCreateSchema } from '../../domain/incidents.js';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident } from './incidents.service.js';

// Two spots in the south square, ~3 km apart: five incidents at A, four at B, on one Wednesday.
const A = { lon: 18.01, lat: 59.26 };
const B = { lon: 18.04, lat: 59.29 };
const WEDNESDAY = Date.parse('2026-11-25T12:00:00Z');
const at = (minutes: number) => new Date(WEDNESDAY + minutes * 60_000).toISOString();

/** Public aggregates (analysis/stats/disclosure.ts): no cell or figure of 1–4 incidents reaches anyone who may not read incidents. */
describeEachEngine('public aggregates of incidents', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let staff: Record<string, string>;
  const cellsOf = async (query: string, headers: Record<string, string> = {}) =>
    (
      (
        await app.inject({
          url: `/api/incidents/hexbins?${query.includes('category=') ? '' : 'category=klotter&'}${query}`,
          headers,
        })
      ).json() as Array<{ cell: string; count: number }>
    ).sort((x, y) => y.count - x.count || x.cell.localeCompare(y.cell));
  const byCell = (cells: Array<{ cell: string; count: number }>) =>
    cells.sort((x, y) => y.count - x.count || x.cell.localeCompare(y.cell));

  beforeAll(async () => {
    const { db } = getDb();
    org = await createTestOrganisation(db);
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    staff = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator')).headers;
    const ctx = testContext(db, org.organisation);
    const add = (where: { lon: number; lat: number }, minutes: number, extra: object = {}) =>
      createIncident(
        ctx,
        IncidentCreateSchema.parse({ occurred_at: at(minutes), category: 'klotter', ...where, ...extra }),
      );
    for (let i = 0; i < 5; i++) await add(A, i * 90);
    for (let i = 0; i < 4; i++) await add(B, i * 90);
    for (let i = 0; i < 4; i++)
      await add({ lon: 18.02, lat: 59.27 }, i, { category: 'brand', precision: 'place', place_id: org.placeId });
  });
  afterAll(async () => app.close());

  it('leaves out cells of 1–4 incidents for the public; staff see them', async () => {
    expect(await cellsOf('resolution=8')).toEqual([{ cell: latLngToCell(A.lat, A.lon, 8), count: 5 }]);
    expect(await cellsOf('resolution=8', staff)).toEqual([
      { cell: latLngToCell(A.lat, A.lon, 8), count: 5 },
      { cell: latLngToCell(B.lat, B.lon, 8), count: 4 },
    ]);
    expect(await cellsOf('resolution=7&category=brand')).toEqual([]);
  });

  it('answers the public no finer than resolution 8, whatever is asked', async () => {
    for (const resolution of [9, 10]) {
      const cells = await cellsOf(`resolution=${resolution}`);
      expect(cells).toEqual([{ cell: latLngToCell(A.lat, A.lon, 8), count: 5 }]);
      expect(cells.map((c) => getResolution(c.cell))).toEqual([8]);
    }
    expect((await cellsOf('resolution=10', staff)).map((c) => [getResolution(c.cell), c.count])).toEqual([
      [10, 5],
      [10, 4],
    ]);
  });

  it('widens a minute-level window to whole weeks for the public, so it cannot isolate one incident', async () => {
    const minute = `resolution=8&from=${encodeURIComponent(at(-1))}&to=${encodeURIComponent(at(1))}`;
    expect(await cellsOf(minute, staff)).toEqual(
      byCell([
        { cell: latLngToCell(A.lat, A.lon, 8), count: 1 },
        { cell: latLngToCell(B.lat, B.lon, 8), count: 1 },
      ]),
    );
    expect(await cellsOf(minute)).toEqual([{ cell: latLngToCell(A.lat, A.lon, 8), count: 5 }]);
    const nextWeek = `resolution=8&from=${encodeURIComponent('2026-11-30T00:00:00+01:00')}`;
    expect(await cellsOf(nextWeek)).toEqual([]);
  });

  it("withholds a place's incident count of 1–4 from the public and shows it from 5", async () => {
    const place = async (headers: Record<string, string> = {}) =>
      (await app.inject({ url: `/api/places/${org.placeId}`, headers })).json().incident_count;
    expect([await place(), await place(staff)]).toEqual([null, 4]);
    await createIncident(
      testContext(getDb().db, org.organisation),
      IncidentCreateSchema.parse({
        occurred_at: at(5),
        category: 'brand',
        lon: 18.02,
        lat: 59.27,
        precision: 'place',
        place_id: org.placeId,
      }),
    );
    expect([await place(), await place(staff)]).toEqual([5, 5]);
  });
});
