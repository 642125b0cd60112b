import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation, createTestUnit } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'programmet' };
const HOGDALEN_MODEL = [
  { title: 'Ny möblering', type: 'situational' },
  { title: 'Bättre belysning', type: 'situational' },
  { title: 'Fria siktlinjer', type: 'situational' },
  { title: 'Personal arbetar i par', type: 'staffing' },
  { title: 'Värd vid entrén', type: 'staffing' },
] as const;

describeEachEngine('programme API: problems → measures → follow-up, requests, inbox, access', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as = {} as Record<'coordinator' | 'otherCoordinator' | 'culture' | 'analyst', Record<string, string>>;
  let culture = '';
  let problemId = '';
  let measureId = '';

  const unit = async (slug: string, kind: 'district' | 'specialist') =>
    createTestUnit(getDb().db, org.organisation.id, slug, kind);
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
  const klotterAt = (occurred_at: string) =>
    call('POST', '/api/incidents', as.coordinator, {
      occurred_at,
      category: 'klotter',
      lon: 18.02,
      lat: 59.27,
      precision: 'place',
      place_id: org.placeId,
    });

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'programmet');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'programmet' },
      webRoot: null,
    });
    culture = await unit('kulturforvaltningen', 'specialist');
    const other = await unit('sdn-other', 'district');
    const sign = async (unitId: string, role: Parameters<typeof signedInAs>[4]) =>
      (await signedInAs(app, db, org.organisation.id, unitId, role, ORG)).headers;
    as.coordinator = await sign(org.unitId, 'coordinator');
    as.otherCoordinator = await sign(other, 'coordinator');
    as.culture = await sign(culture, 'unit_editor');
    as.analyst = await sign(org.unitId, 'analyst');
    for (const at of [
      '2026-01-05T21:00:00+01:00',
      '2026-01-12T21:00:00+01:00',
      '2026-01-30T22:00:00+01:00',
      '2026-03-15T21:00:00+01:00',
    ]) {
      expect((await klotterAt(at)).statusCode).toBe(201);
    }
  }, 120_000);
  afterAll(async () => app.close());

  it('records a problem with evidence and a baseline computed from incidents; only the owner district may', async () => {
    const body = {
      owner_unit_id: org.unitId,
      place_ids: [org.placeId],
      title: 'Klotter och oro vid biblioteket',
      categories: ['klotter'],
      statement: 'Klotter vid entrén kvällstid, personalen känner sig otrygg. Ring 070-123 45 67.',
      time_pattern: 'vardagskvällar 19–22',
      affected: ['staff', 'visitors'],
      evidence: [
        { kind: 'incident_filter', filter: { category: ['klotter'], place_id: org.placeId } },
        { kind: 'note', note: 'Personalen berättar om kvällarna.' },
      ],
      baseline: { from: '2026-01-01', to: '2026-01-31', target_value: 1, direction: 'lower' },
    };
    expect((await call('POST', '/api/problems', as.otherCoordinator, body)).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/problems', as.coordinator, { ...body, categories: ['finns_inte'] })).json().error.code,
    ).toBe('UNKNOWN_CATEGORY');
    const res = await call('POST', '/api/problems', as.coordinator, body);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    problemId = p.id;
    expect(p.baseline).toEqual({ from: '2026-01-01', to: '2026-01-31', value: 3 });
    expect(p.baseline_label).toBe('klotter at Södra biblioteket, 2026-01-01 – 2026-01-31: 3');
    expect(p.statement).toContain('[telefon]');
    expect(p.evidence.map((e: { kind: string; incident_count: number | null }) => [e.kind, e.incident_count])).toEqual([
      ['incident_filter', 4],
      ['note', null],
    ]);
    expect((await call('GET', `/api/problems/${problemId}`, as.analyst)).json().statement).toBeNull();
  });

  it('moves a problem one SARA stage at a time; a skip is 409 INVALID_TRANSITION', async () => {
    const skip = await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { stage: 'response' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('INVALID_TRANSITION');
    expect(
      (await call('PATCH', `/api/problems/${problemId}`, as.coordinator, { stage: 'analysis' })).json().stage,
    ).toBe('analysis');
    expect(
      (await call('PATCH', `/api/problems/${problemId}`, as.otherCoordinator, { stage: 'response' })).statusCode,
    ).toBe(403);
  });

  it('requires a problem for a measure and lets only the responsible unit record and edit it', async () => {
    const body = {
      problem_ids: [problemId],
      responsible_unit_id: culture,
      contributing_unit_ids: [org.unitId],
      place_ids: [org.placeId],
      title: 'Högdalsmodellen i biblioteket',
      type: 'situational',
      period_start: '2026-02-01',
      period_end: '2026-12-31',
      cost_estimate_sek: 250_000,
      target_groups: ['visitors', 'staff'],
      followup_dates: ['2026-03-31', '2099-06-30'],
      components: HOGDALEN_MODEL,
    };
    expect((await call('POST', '/api/measures', as.culture, { ...body, problem_ids: [] })).statusCode).toBe(400);
    expect((await call('POST', '/api/measures', as.coordinator, body)).statusCode).toBe(403);
    const res = await call('POST', '/api/measures', as.culture, body);
    expect(res.statusCode).toBe(201);
    measureId = res.json().id;
    expect(res.json().components.map((c: { title: string }) => c.title)).toEqual(HOGDALEN_MODEL.map((c) => c.title));
    expect(res.json()).toMatchObject({
      status: 'planned',
      has_indicator: true,
      contributing_units: [{ id: org.unitId }],
    });
    expect((await call('PATCH', `/api/measures/${measureId}`, as.coordinator, { title: 'Annat' })).statusCode).toBe(
      403,
    );
    // References are checked only for those who may edit: an outsider or an unknown measure never gets a 400 about them.
    const unknownUnit = { contributing_unit_ids: ['00000000-0000-4000-8000-000000000000'] };
    expect((await call('PATCH', `/api/measures/${measureId}`, as.coordinator, unknownUnit)).statusCode).toBe(403);
    expect(
      (await call('PATCH', '/api/measures/00000000-0000-4000-8000-000000000001', as.culture, unknownUnit)).statusCode,
    ).toBe(404);
    expect(
      (await call('PATCH', `/api/measures/${measureId}`, as.culture, { cost_estimate_sek: 300_000 })).json()
        .cost_estimate_sek,
    ).toBe(300_000);
    expect((await call('GET', `/api/problems/${problemId}`, as.coordinator)).json().measure_ids).toEqual([measureId]);
  });

  it('allows only valid status transitions for measures and components', async () => {
    for (const [to, code] of [
      ['done', 409],
      ['ongoing', 200],
      ['planned', 409],
      ['done', 200],
      ['stopped', 409],
    ] as const) {
      const res = await call('POST', `/api/measures/${measureId}/status`, as.culture, { status: to });
      expect([to, res.statusCode]).toEqual([to, code]);
      if (code === 409) expect(res.json().error.code).toBe('INVALID_TRANSITION');
    }
    const component = (await call('GET', `/api/measures/${measureId}`, as.culture)).json().components[4];
    expect(
      (
        await call('POST', `/api/measures/${measureId}/components/${component.id}/status`, as.culture, {
          status: 'ongoing',
        })
      ).json().components[4].status,
    ).toBe('ongoing');
    expect(
      (
        await call('POST', `/api/measures/${measureId}/components/${component.id}/status`, as.culture, {
          status: 'planned',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('records a follow-up whose indicator is computed over a period as long as the baseline', async () => {
    const measure = (await call('GET', `/api/measures/${measureId}`, as.culture)).json();
    const due = measure.followups.find((f: { due_date: string }) => f.due_date === '2026-03-31');
    const res = await call('POST', `/api/measures/${measureId}/followups/${due.id}`, as.culture, {
      what_was_done: 'Möblerat om, ny belysning, värd i entrén.',
      assessment: 'improved',
    });
    expect(res.statusCode).toBe(200);
    const recorded = res.json().followups.find((f: { id: string }) => f.id === due.id);
    expect(recorded.indicator).toEqual({
      problem_id: problemId,
      from: '2026-03-01',
      to: '2026-03-31',
      value: 1,
      baseline: 3,
      direction: 'lower',
    });
    expect(
      (
        await call('POST', `/api/measures/${measureId}/followups/${due.id}`, as.culture, {
          what_was_done: 'igen',
          assessment: 'improved',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('sends a request that the receiving unit answers; overdue requests show in both inboxes', async () => {
    const body = {
      from_unit_id: org.unitId,
      to_unit_id: culture,
      problem_id: problemId,
      what: 'Se över belysningen vid bibliotekets entré',
      due_date: '2026-02-01',
    };
    expect((await call('POST', '/api/requests', as.culture, body)).statusCode).toBe(403);
    const created = await call('POST', '/api/requests', as.coordinator, body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'requested', overdue: true });
    const inbox = (await call('GET', `/api/inbox?unit_id=${culture}`, as.culture)).json().items;
    expect(inbox).toContainEqual(
      expect.objectContaining({ kind: 'contribution_request', id, role: 'receiver', overdue: true }),
    );
    const sender = (await call('GET', `/api/inbox?unit_id=${org.unitId}`, as.coordinator)).json().items;
    expect(sender).toContainEqual(expect.objectContaining({ kind: 'contribution_request', id, role: 'sender' }));
    expect((await call('POST', `/api/requests/${id}/accept`, as.otherCoordinator, {})).statusCode).toBe(403);
    expect((await call('POST', `/api/requests/${id}/accept`, as.culture, {})).json().status).toBe('accepted');
    expect((await call('POST', `/api/requests/${id}/accept`, as.culture, {})).json().error.code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await call('POST', `/api/requests/${id}/decline`, as.culture, { reason: 'för sent' })).statusCode).toBe(
      409,
    );
    const delivered = await call('POST', `/api/requests/${id}/deliver`, as.culture, { note: 'Ny armatur monterad' });
    expect(delivered.json()).toMatchObject({ status: 'delivered', answer: 'Ny armatur monterad', overdue: false });
    expect(
      (await call('GET', `/api/inbox?unit_id=${culture}`, as.culture))
        .json()
        .items.filter((i: { id: string }) => i.id === id),
    ).toEqual([]);
  });

  it('audits every change', async () => {
    const types = await getDb()
      .db.selectFrom('audit_events')
      .select('entity_type')
      .distinct()
      .where('organisation_id', '=', org.organisation.id)
      .execute();
    expect(types.map((t) => t.entity_type)).toEqual(
      expect.arrayContaining(['problem', 'measure', 'measure_component', 'measure_followup', 'contribution_request']),
    );
  });
});
