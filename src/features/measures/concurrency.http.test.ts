import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const PARALLEL = 20;
const TRIALS = 3;

/**
 * Lost updates and double transitions. Every change locks its row and checks the version (If-Match) and the
 * status it then reads, so of parallel changes from the same state exactly one is made. PGlite runs one
 * statement at a time, so the races only race on PostgreSQL; the answers must be the same on both.
 */
describeEachEngine('optimistic concurrency: ETag, If-Match and parallel changes', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let editor: Record<string, string>;
  let traffic = '';
  let problem = '';

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => app.inject({ method, url, headers: { ...editor, ...headers }, ...(payload ? { payload } : {}) });
  const newMeasure = async (status: 'planned' | 'ongoing' = 'planned') => {
    const res = await call('POST', '/api/measures', {
      problem_ids: [problem],
      responsible_unit_id: org.unitId,
      title: 'Belysning',
      type: 'situational',
      followup_dates: ['2026-03-31'],
    });
    expect(res.statusCode).toBe(201);
    if (status === 'ongoing')
      expect((await call('POST', `/api/measures/${res.json().id}/status`, { status: 'ongoing' })).statusCode).toBe(200);
    return (await call('GET', `/api/measures/${res.json().id}`)).json() as {
      id: string;
      version: number;
      followups: Array<{ id: string }>;
    };
  };
  const statuses = (responses: Array<{ statusCode: number }>) => responses.map((r) => r.statusCode).sort();
  const oneWinner = [200, ...Array<number>(PARALLEL - 1).fill(409)];
  const audits = (entityId: string) =>
    getDb()
      .db.selectFrom('audit_events')
      .select('id')
      .where('entity_id', '=', entityId)
      .where('action', '=', 'update')
      .execute();

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'samtidigt');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'samtidigt' },
      webRoot: null,
    });
    traffic = await createTestUnit(db, org.organisation.id, 'trafik', 'specialist');
    editor = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator')).headers;
    const created = await call('POST', '/api/problems', {
      owner_unit_id: org.unitId,
      area_id: org.areas.southDistrict,
      title: 'Klotter',
      categories: ['klotter'],
      statement: 'Klotter.',
      affected: ['staff'],
      evidence: [{ kind: 'note', note: 'x' }],
    });
    expect(created.statusCode).toBe(201);
    problem = created.json().id;
  }, 120_000);
  afterAll(async () => app.close());

  it('answers an ETag, takes If-Match, refuses a stale one with 409 in Swedish and English, and still takes writes without one', async () => {
    const measure = await newMeasure();
    const read = await call('GET', `/api/measures/${measure.id}`);
    expect(read.headers.etag).toBe(`"${measure.version}"`);
    const edited = await call(
      'PATCH',
      `/api/measures/${measure.id}`,
      { title: 'Ny titel' },
      { 'if-match': `"${measure.version}"` },
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(measure.version + 1);
    expect(edited.headers.etag).toBe(`"${measure.version + 1}"`);

    const stale = await call(
      'PATCH',
      `/api/measures/${measure.id}`,
      { title: 'Min gamla titel' },
      { 'if-match': `"${measure.version}"` },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'CONFLICT',
      messages: {
        sv: expect.stringContaining('Någon annan har ändrat'),
        en: expect.stringContaining('Someone else changed'),
      },
      details: { reason: 'stale', version: measure.version + 1 },
    });
    expect((await call('GET', `/api/measures/${measure.id}`)).json().title).toBe('Ny titel');
    expect(
      (await call('PATCH', `/api/measures/${measure.id}`, { title: 'x' }, { 'if-match': 'inte en etag' })).statusCode,
    ).toBe(400);
    expect(
      (
        await call(
          'POST',
          `/api/measures/${measure.id}/status`,
          { status: 'ongoing' },
          { 'if-match': `"${measure.version}"` },
        )
      ).statusCode,
    ).toBe(409);
    expect((await call('PATCH', `/api/measures/${measure.id}`, { title: 'Utan If-Match' })).json()).toMatchObject({
      title: 'Utan If-Match',
      version: measure.version + 2,
    });

    const incident = (
      await call('POST', '/api/incidents', {
        occurred_at: '2026-11-20T21:15:00+01:00',
        category: 'klotter',
        lon: 18.02,
        lat: 59.27,
      })
    ).json();
    expect((await call('GET', `/api/incidents/${incident.id}`)).headers.etag).toBe(`"${incident.version}"`);
    expect(
      (
        await call(
          'PATCH',
          `/api/incidents/${incident.id}/status`,
          { status: 'in_progress' },
          { 'if-match': `"${incident.version}"` },
        )
      ).json().version,
    ).toBe(incident.version + 1);
    expect(
      (
        await call(
          'PATCH',
          `/api/incidents/${incident.id}/status`,
          { status: 'closed', closure_reason: 'fixed' },
          { 'if-match': `"${incident.version}"` },
        )
      ).statusCode,
    ).toBe(409);
    const problemRead = await call('GET', `/api/problems/${problem}`);
    expect(
      (
        await call(
          'PATCH',
          `/api/problems/${problem}`,
          { title: 'Klotter vid torget' },
          { 'if-match': problemRead.headers.etag as string },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call(
          'PATCH',
          `/api/problems/${problem}`,
          { title: 'Gammal' },
          { 'if-match': problemRead.headers.etag as string },
        )
      ).statusCode,
    ).toBe(409);
  });

  it('checks who may see and change a record before its version: a stale If-Match from others is 404 or 403, never 409', async () => {
    const measure = await newMeasure();
    expect((await call('PATCH', `/api/measures/${measure.id}`, { title: 'Ny titel' })).statusCode).toBe(200);
    const outsider = (await signedInAs(app, getDb().db, org.organisation.id, traffic, 'coordinator')).headers;
    const stale = { ...outsider, 'if-match': `"${measure.version}"` };
    expect((await call('PATCH', `/api/measures/${measure.id}`, { title: 'x' }, stale)).statusCode).toBe(403);
    expect((await call('PATCH', `/api/measures/${measure.id}`, { confidentiality: 'restricted' })).statusCode).toBe(
      200,
    );
    expect((await call('PATCH', `/api/measures/${measure.id}`, { title: 'x' }, stale)).statusCode).toBe(404);
  });

  it(`makes exactly one of ${PARALLEL} parallel edits from the same version`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const measure = await newMeasure();
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          call(
            'PATCH',
            `/api/measures/${measure.id}`,
            { title: `Version ${i}` },
            { 'if-match': `"${measure.version}"` },
          ),
        ),
      );
      expect(statuses(results)).toEqual(oneWinner);
      const winner = results.find((r) => r.statusCode === 200)!.json();
      expect((await call('GET', `/api/measures/${measure.id}`)).json()).toMatchObject({
        title: winner.title,
        version: measure.version + 1,
      });
    }
  }, 60_000);

  it(`moves a measure to done or stopped, never both, of ${PARALLEL} parallel requests`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const measure = await newMeasure('ongoing');
      const before = (await audits(measure.id)).length;
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          call('POST', `/api/measures/${measure.id}/status`, { status: i % 2 ? 'done' : 'stopped' }),
        ),
      );
      expect(statuses(results)).toEqual(oneWinner);
      expect(
        results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'INVALID_TRANSITION'),
      ).toBe(true);
      const winner = results.find((r) => r.statusCode === 200)!.json().status;
      expect((await call('GET', `/api/measures/${measure.id}`)).json().status).toBe(winner);
      expect((await audits(measure.id)).length).toBe(before + 1);
    }
  }, 60_000);

  it(`records a follow-up once, of ${PARALLEL} parallel recordings, and refuses a second follow-up on the same date`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const measure = await newMeasure();
      const followup = measure.followups[0]!.id;
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          call('POST', `/api/measures/${measure.id}/followups/${followup}`, {
            what_was_done: 'Ny belysning',
            assessment: 'improved',
          }),
        ),
      );
      expect(statuses(results)).toEqual(oneWinner);
      const rows = await getDb()
        .db.selectFrom('audit_events')
        .select('id')
        .where('entity_type', '=', 'measure_followup')
        .where('entity_id', '=', followup)
        .execute();
      expect(rows).toHaveLength(1);
      const dates = await Promise.all(
        Array.from({ length: PARALLEL }, () =>
          call('POST', `/api/measures/${measure.id}/followups`, { due_date: '2099-06-30' }),
        ),
      );
      expect(statuses(dates)).toEqual(oneWinner);
      expect((await call('GET', `/api/measures/${measure.id}`)).json().followups).toHaveLength(2);
    }
  }, 60_000);

  it(`answers a contribution request once, of ${PARALLEL} parallel accepts and declines`, async () => {
    const trafficEditor = (await signedInAs(app, getDb().db, org.organisation.id, traffic, 'unit_editor')).headers;
    for (let trial = 0; trial < TRIALS; trial++) {
      const request = (
        await call('POST', '/api/requests', {
          from_unit_id: org.unitId,
          to_unit_id: traffic,
          problem_id: problem,
          what: 'Laga lampan',
          due_date: '2099-01-01',
        })
      ).json();
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          app.inject({
            method: 'POST',
            url: `/api/requests/${request.id}/${i % 2 ? 'accept' : 'decline'}`,
            headers: trafficEditor,
            payload: i % 2 ? {} : { reason: 'Ingen tid' },
          }),
        ),
      );
      expect(statuses(results)).toEqual(oneWinner);
      expect((await audits(request.id)).length).toBe(1);
    }
  }, 60_000);

  it(`changes an incident once, of ${PARALLEL} parallel status changes from the same version`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const incident = (
        await call('POST', '/api/incidents', {
          occurred_at: '2026-11-20T21:15:00+01:00',
          category: 'klotter',
          lon: 18.02,
          lat: 59.27,
        })
      ).json();
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          call(
            'PATCH',
            `/api/incidents/${incident.id}/status`,
            i % 2 ? { status: 'closed', closure_reason: 'wont_fix' } : { status: 'in_progress' },
            { 'if-match': `"${incident.version}"` },
          ),
        ),
      );
      expect(statuses(results)).toEqual(oneWinner);
      expect((await audits(incident.id)).length).toBe(1);
    }
  }, 60_000);
});
