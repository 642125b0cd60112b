import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import {
  createTestOrganisation,
  type TestOrganisation,
  testContext,
  createTestUnit,
} from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createMeasure } from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';
import { createRequest } from '../requests/requests.service.js';

describeEachEngine('views: district coordination, unit, city', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let analyst: Record<string, string>;
  const ids = {} as Record<
    'culture' | 'north' | 'library' | 'southProblem' | 'northProblem' | 'southMeasure' | 'northMeasure' | 'request',
    string
  >;

  const get = (url: string, headers: Record<string, string> = analyst) => app.inject({ url, headers });
  const idsOf = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'vyer');
    const ctx = testContext(db, org.organisation);
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'vyer' },
      webRoot: null,
    });
    const unit = async (slug: string, name: string, kind: 'district' | 'specialist') =>
      createTestUnit(db, org.organisation.id, slug, kind, name);
    ids.culture = await unit('kultur', 'Kulturförvaltningen', 'specialist');
    ids.north = await unit('sdn-norr', 'Norra stadsdelsnämnden', 'district');
    await db.updateTable('areas').set({ owner_unit_id: ids.north }).where('id', '=', org.areas.merged).execute();
    ids.library = (
      await db
        .insertInto('places')
        .values({
          organisation_id: org.organisation.id,
          slug: 'hogdalens-bibliotek',
          name: 'Högdalens bibliotek',
          type: 'library',
          setting: 'indoor',
          lon: 18.04,
          lat: 59.26,
          coordinate_note: null,
          address: null,
          neighbourhood_code: 'south',
          owner_unit_id: ids.culture,
          geometry: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const problem = (owner: string, where: { area_id?: string; place_ids?: string[] }, title: string) =>
      createProblem(ctx, {
        owner_unit_id: owner,
        place_ids: [],
        ...where,
        title,
        statement: `${title}, internt`,
        categories: ['klotter'],
        affected: [],
        evidence: [],
      });
    ids.southProblem = (await problem(org.unitId, { place_ids: [ids.library] }, 'Oro vid biblioteket')).id;
    ids.northProblem = (await problem(ids.north, { area_id: org.areas.northNew }, 'Klotter i Norrby')).id;
    const measure = (problemId: string, title: string, extra: object = {}) =>
      createMeasure(ctx, {
        problem_ids: [problemId],
        responsible_unit_id: ids.culture,
        contributing_unit_ids: [],
        place_ids: [ids.library],
        title,
        type: 'situational',
        target_groups: [],
        followup_dates: ['2099-01-01'],
        components: [],
        ...extra,
      });
    ids.southMeasure = (await measure(ids.southProblem, 'Högdalsmodellen')).id;
    ids.northMeasure = (
      await measure(ids.northProblem, 'Utställning om klotter', { contributing_unit_ids: [ids.north] })
    ).id;
    ids.request = (
      await createRequest(ctx, {
        from_unit_id: org.unitId,
        to_unit_id: ids.culture,
        problem_id: ids.southProblem,
        what: 'Belysning',
        due_date: '2026-01-01',
      })
    ).id;
    analyst = (
      await signedInAs(app, db, org.organisation.id, org.unitId, 'analyst', { 'x-trygg-organisation': 'vyer' })
    ).headers;
  }, 120_000);
  afterAll(async () => app.close());

  it("shows a district every unit's work in its geography, with a library of another unit as a resource", async () => {
    const res = await get(`/api/views/districts/${org.unitId}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(idsOf(view.problems)).toEqual([ids.southProblem]);
    expect(idsOf(view.measures)).toEqual([ids.southMeasure, ids.northMeasure].sort());
    expect(idsOf(view.requests)).toEqual([ids.request]);
    expect(view.followups).toHaveLength(2);
    expect(view.areas.map((a: { name: string }) => a.name).sort()).toEqual(['Söder', 'Söderby']);
    expect(
      view.resources.map((r: { name: string; owner_unit: { name: string } }) => [r.name, r.owner_unit.name]).sort(),
    ).toEqual([
      ['Högdalens bibliotek', 'Kulturförvaltningen'],
      ['Södra biblioteket', 'Södra stadsdelsnämnden'],
    ]);
    expect(view.points).toContainEqual({
      kind: 'premise',
      id: ids.library,
      place_id: ids.library,
      label: 'Högdalens bibliotek',
      lon: 18.04,
      lat: 59.26,
    });
    expect(view.problems[0].statement).toBeNull();
    const north = (await get(`/api/views/districts/${ids.north}`)).json();
    expect([
      idsOf(north.problems),
      idsOf(north.measures),
      north.resources.map((r: { name: string }) => r.name),
    ]).toEqual([[ids.northProblem], [ids.northMeasure], ['Högdalens bibliotek']]);
  });

  it('shows a unit its measures across districts and its premises in every district plan they touch', async () => {
    const view = (await get(`/api/views/units/${ids.culture}`)).json();
    type Row = { measure: { id: string; title: string }; role: string; districts: Array<{ name: string }> };
    expect(view.measures.map((m: Row) => [m.measure.id, m.role, m.districts.map((d) => d.name).sort()]).sort()).toEqual(
      [
        [ids.southMeasure, 'responsible', ['Södra stadsdelsnämnden']],
        [ids.northMeasure, 'responsible', ['Norra stadsdelsnämnden', 'Södra stadsdelsnämnden']],
      ].sort(),
    );
    // Titles are free text: the analyst reads a neutral label, here and on the map.
    expect(view.measures.map((m: Row) => m.measure.title).sort()).toEqual(
      [ids.southMeasure, ids.northMeasure].map((id) => `Åtgärd ${id.slice(0, 8)}`).sort(),
    );
    expect(view.premises).toEqual([
      expect.objectContaining({
        name: 'Högdalens bibliotek',
        districts: [
          { id: ids.north, name: 'Norra stadsdelsnämnden' },
          { id: org.unitId, name: 'Södra stadsdelsnämnden' },
        ],
      }),
    ]);
    expect((await get(`/api/views/units/${ids.north}`)).json().measures.map((m: { role: string }) => m.role)).toEqual([
      'contributing',
    ]);
  });

  it('puts the districts side by side with counts and quality figures', async () => {
    const { districts } = (await get('/api/views/city')).json();
    const south = districts.find((d: { district: { id: string } }) => d.district.id === org.unitId);
    expect(south).toMatchObject({
      problems: 1,
      measures: { planned: 2, ongoing: 0, done: 0, stopped: 0 },
      requests_open: 1,
      requests_overdue: 1,
      followups_overdue: 0,
    });
    expect(south.quality).toMatchObject({
      problem_without_evidence: 1,
      problem_without_baseline: 1,
      request_overdue: 1,
    });
    expect(districts.map((d: { district: { name: string } }) => d.district.name).sort()).toEqual([
      'Norra stadsdelsnämnden',
      'Södra stadsdelsnämnden',
    ]);
  });

  it('refuses the anonymous, and a district view of a unit that is no district', async () => {
    expect((await get('/api/views/city', {})).statusCode).toBe(401);
    expect((await get(`/api/views/districts/${ids.culture}`)).json().error.details[0].code).toBe('not_a_district');
    expect((await get('/api/views/units/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
