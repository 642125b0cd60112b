import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

/**
 * The programme's views and the problem list are cached per process under data versions: every write, through
 * the API or straight into the tables, must show in the next answer.
 */
describeEachEngine('programme views stay current after writes', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let coordinator: Record<string, string>;
  let problemId: string;
  let measureId: string;

  const get = async (url: string) => {
    const res = await app.inject({ url, headers: coordinator });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  type Evidence = { kind: string; incident_count: number | null };
  type ProblemJson = { id: string; title: string; stage: string; evidence: Evidence[] };
  const countIn = (problems: ProblemJson[]) =>
    problems.find((p) => p.id === problemId)!.evidence.find((e) => e.kind === 'incident_filter')!.incident_count;
  const districtView = async () =>
    (await get(`/api/views/districts/${org.unitId}`)) as { problems: ProblemJson[]; measures: Array<{ id: string }> };
  const cityRow = async () =>
    (
      (await get('/api/views/city')) as {
        districts: Array<{ district: { id: string }; problems: number; measures: Record<string, number> }>;
      }
    ).districts.find((d) => d.district.id === org.unitId)!;

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'vyer-cache');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'vyer-cache' },
      webRoot: null,
    });
    coordinator = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator')).headers;
    const created = await app.inject({
      method: 'POST',
      url: '/api/problems',
      headers: coordinator,
      payload: {
        owner_unit_id: org.unitId,
        area_id: org.areas.south,
        place_ids: [],
        title: 'Klotter i Söderby',
        statement: 'Klotter på skolgården',
        categories: ['klotter'],
        affected: [],
        evidence: [{ kind: 'incident_filter', filter: { area_id: org.areas.south, category: ['klotter'] } }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    problemId = created.json().id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts a new incident in the evidence of the problem list and the district view', async () => {
    expect(countIn(await get('/api/problems'))).toBe(0);
    expect(countIn((await districtView()).problems)).toBe(0);
    // Asked twice with nothing written: the cached answer, still right.
    expect(countIn(await get('/api/problems'))).toBe(0);
    const res = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: coordinator,
      payload: { occurred_at: '2026-11-20T21:15:00+01:00', category: 'klotter', lon: 18.02, lat: 59.27 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(countIn(await get('/api/problems'))).toBe(1);
    expect(countIn((await districtView()).problems)).toBe(1);
  });

  it('shows an edited problem and a new measure in every view', async () => {
    expect((await districtView()).problems.map((p) => p.title)).toEqual(['Klotter i Söderby']);
    const before = await cityRow();
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/problems/${problemId}`,
      headers: coordinator,
      payload: { title: 'Klotter och skadegörelse i Söderby' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await districtView()).problems.map((p) => p.title)).toEqual(['Klotter och skadegörelse i Söderby']);
    expect((await get('/api/problems')).map((p: ProblemJson) => p.title)).toEqual([
      'Klotter och skadegörelse i Söderby',
    ]);
    const measure = await app.inject({
      method: 'POST',
      url: '/api/measures',
      headers: coordinator,
      payload: {
        problem_ids: [problemId],
        responsible_unit_id: org.unitId,
        contributing_unit_ids: [],
        title: 'Sanering inom ett dygn',
        description: 'Klotter tas bort inom ett dygn',
        type: 'situational',
        place_ids: [],
      },
    });
    expect(measure.statusCode, measure.body).toBe(201);
    measureId = measure.json().id;
    expect((await districtView()).measures.map((m) => m.id)).toEqual([measureId]);
    expect((await cityRow()).measures.planned).toBe(before.measures.planned! + 1);
  });

  it('sees writes made straight into the tables, as another process or a restore would', async () => {
    const db = getDb().db;
    await db.updateTable('problems').set({ title: 'Skrivet utanför tjänsten' }).where('id', '=', problemId).execute();
    expect((await districtView()).problems.map((p) => p.title)).toEqual(['Skrivet utanför tjänsten']);
    await db.deleteFrom('incidents').where('organisation_id', '=', org.organisation.id).execute();
    expect(countIn(await get('/api/problems'))).toBe(0);
    const cityBefore = (await cityRow()).problems;
    await db.deleteFrom('problem_evidence').where('problem_id', '=', problemId).execute();
    await db.deleteFrom('measures').where('id', '=', measureId).execute();
    await db.deleteFrom('problems').where('id', '=', problemId).execute();
    expect((await districtView()).problems).toEqual([]);
    expect((await cityRow()).problems).toBe(cityBefore - 1);
  });
});
