import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation, createTestUnit } from '../../../tests/factories/org.factory.js';
import { createUser, signedInAs, signIn } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { addMonths, DEFAULT_TIME_ZONE, today } from '../../domain/calendar/index.js';

const ORG = { 'x-trygg-organisation': 'overenskommelse' };
const SECRET_SUMMARY = 'Internt: kontaktperson Kalle, ring 070-111 22 33';
const MEASURE_TITLE = 'Nattvandring med föreningen Trygga Vuxna';

describeEachEngine('local agreements: review, inbox, quality and the public progress page', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as = {} as Record<
    'coordinator' | 'otherCoordinator' | 'editor' | 'analyst' | 'admin' | 'coordinatorElsewhere',
    Record<string, string>
  >;
  let police = '';
  let culture = '';
  let measureId = '';
  let problemId = '';
  let other = '';
  let agreementId = '';
  let body: Record<string, unknown> = {};

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'overenskommelse');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'overenskommelse' },
      webRoot: null,
    });
    const unit = async (slug: string, kind: 'district' | 'specialist' | 'partner') =>
      createTestUnit(db, org.organisation.id, slug, kind);
    police = await unit('polisen', 'partner');
    culture = await unit('kultur', 'specialist');
    other = await unit('sdn-annan', 'district');
    const sign = async (unitId: string, role: Parameters<typeof signedInAs>[4]) =>
      (await signedInAs(app, db, org.organisation.id, unitId, role, ORG)).headers;
    as.coordinator = await sign(org.unitId, 'coordinator');
    as.otherCoordinator = await sign(other, 'coordinator');
    as.editor = await sign(org.unitId, 'unit_editor');
    as.analyst = await sign(org.unitId, 'analyst');
    as.admin = await sign(culture, 'admin');
    // Coordinates another district and edits for this one: agreements stay the coordinators' of their district.
    const mixed = await createUser(db, org.organisation.id, other, 'coordinator');
    await db
      .insertInto('memberships')
      .values({ organisation_id: org.organisation.id, user_id: mixed.id, unit_id: org.unitId, role: 'unit_editor' })
      .execute();
    as.coordinatorElsewhere = (await signIn(app, mixed.email, undefined, ORG)).headers;
    for (const at of ['2026-01-05T21:00:00+01:00', '2026-01-12T21:00:00+01:00']) {
      await call('POST', '/api/incidents', as.coordinator, {
        occurred_at: at,
        category: 'klotter',
        lon: 18.02,
        lat: 59.27,
        precision: 'place',
        place_id: org.placeId,
      });
    }
    problemId = (
      await call('POST', '/api/problems', as.coordinator, {
        owner_unit_id: org.unitId,
        place_ids: [org.placeId],
        title: 'Klotter vid biblioteket',
        statement: 'Klotter kvällstid.',
        categories: ['klotter'],
        baseline: { from: '2026-01-01', to: '2026-01-31', target_value: 0, direction: 'lower' },
      })
    ).json().id;
    measureId = (
      await call('POST', '/api/measures', as.coordinator, {
        problem_ids: [problemId],
        responsible_unit_id: org.unitId,
        title: MEASURE_TITLE,
        description: SECRET_SUMMARY,
        type: 'social',
      })
    ).json().id;
    body = {
      district_unit_id: org.unitId,
      partner_unit_id: police,
      kind: 'citizen_promise',
      title: 'Medborgarlöfte Söder 2026',
      summary: SECRET_SUMMARY,
      period_start: '2025-01-01',
      period_end: '2099-12-31',
      area_ids: [org.areas.south],
      measure_ids: [measureId],
    };
  }, 120_000);
  afterAll(async () => app.close());

  it("lets only the district's coordinators record an agreement, with a district and known references", async () => {
    expect((await call('POST', '/api/agreements', as.editor, body)).statusCode).toBe(403);
    expect((await call('POST', '/api/agreements', as.otherCoordinator, body)).statusCode).toBe(403);
    expect((await call('POST', '/api/agreements', as.coordinatorElsewhere, body)).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/agreements', as.coordinator, { ...body, district_unit_id: culture })).json().error
        .details[0].code,
    ).toBe('not_a_district');
    expect(
      (await call('POST', '/api/agreements', as.coordinator, { ...body, measure_ids: [org.placeId] })).json().error
        .details[0].code,
    ).toBe('unknown_measure');
    const res = await call('POST', '/api/agreements', as.coordinator, body);
    expect(res.statusCode).toBe(201);
    agreementId = res.json().id;
    expect(res.json()).toMatchObject({
      partner_unit: { id: police, name: 'polisen' },
      areas: [{ id: org.areas.south, name: 'Söderby' }],
      summary: expect.stringContaining('[telefon]'),
      activities: [
        {
          id: measureId,
          title: MEASURE_TITLE,
          type: 'social',
          status: 'planned',
          responsible_unit: { id: org.unitId },
        },
      ],
      last_review: null,
      next_review: '2025-07-01',
      review_overdue: true,
      approved_public_text: null,
      reviews: [],
      confidentiality: 'public',
    });
    expect(res.json().indicators).toEqual([
      expect.objectContaining({
        categories: ['klotter'],
        where: 'Södra biblioteket',
        baseline: { from: '2026-01-01', to: '2026-01-31', value: 2 },
        target_value: 0,
      }),
    ]);
    expect((await call('GET', `/api/agreements/${agreementId}`, as.analyst)).json().summary).toBeNull();
  });

  it("flags an overdue review in the district's inbox and quality report until it is reviewed", async () => {
    const inbox = async () =>
      (await call('GET', `/api/inbox?unit_id=${org.unitId}`, as.coordinator))
        .json()
        .items.filter((i: { kind: string }) => i.kind === 'agreement_review');
    expect(await inbox()).toEqual([
      expect.objectContaining({ id: agreementId, due_date: '2025-07-01', overdue: true }),
    ]);
    const quality = async () =>
      (await call('GET', `/api/quality?scope=district&unit_id=${org.unitId}`, as.coordinator))
        .json()
        .items.filter((i: { check: string }) => i.check === 'agreement_review_overdue');
    expect(await quality()).toEqual([expect.objectContaining({ link: { entity: 'agreement', id: agreementId } })]);
    const review = (day: string) => ({
      reviewed_on: day,
      note: 'Genomgång med polisen; ring Kalle 070-111 22 33',
      activities: [{ measure_id: measureId, assessment: 'partly', comment: 'Två av fyra kvällar' }],
      indicators: [{ problem_id: problemId, assessment: 'worse' }],
    });
    for (const day of ['2024-12-31', '2099-01-01']) {
      const res = await call('POST', `/api/agreements/${agreementId}/review`, as.coordinator, review(day));
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    }
    const refused = async (payload: object) =>
      (await call('POST', `/api/agreements/${agreementId}/review`, as.coordinator, payload))
        .json()
        .error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`);
    expect(await refused({ ...review(today(DEFAULT_TIME_ZONE)), indicators: [] })).toEqual(['indicators:not_assessed']);
    expect(
      await refused({
        ...review(today(DEFAULT_TIME_ZONE)),
        activities: [
          ...review(today(DEFAULT_TIME_ZONE)).activities,
          { measure_id: org.placeId, assessment: 'as_planned' },
        ],
      }),
    ).toEqual(['activities:not_in_agreement']);
    expect(
      await refused({
        ...review(today(DEFAULT_TIME_ZONE)),
        indicators: [
          { problem_id: problemId, assessment: 'worse' },
          { problem_id: problemId, assessment: 'improved' },
        ],
      }),
    ).toEqual(['indicators:duplicate']);
    expect(
      await refused({
        ...review(today(DEFAULT_TIME_ZONE)),
        activities: [{ measure_id: measureId, assessment: 'improved' }],
      }),
    ).toEqual(['activities.0.assessment:invalid_value']);
    for (const who of [as.otherCoordinator, as.coordinatorElsewhere, as.editor]) {
      expect(
        (await call('POST', `/api/agreements/${agreementId}/review`, who, review(today(DEFAULT_TIME_ZONE)))).statusCode,
      ).toBe(403);
    }
    const reviewed = (
      await call('POST', `/api/agreements/${agreementId}/review`, as.coordinator, review(today(DEFAULT_TIME_ZONE)))
    ).json();
    expect(reviewed).toMatchObject({
      last_review: today(DEFAULT_TIME_ZONE),
      next_review: addMonths(today(DEFAULT_TIME_ZONE), 6),
      review_overdue: false,
    });
    expect(await inbox()).toEqual([]);
    expect(await quality()).toEqual([]);
  });

  it('keeps each review with its assessments and the indicator as counted that day', async () => {
    const again = await call('POST', `/api/agreements/${agreementId}/review`, as.coordinator, {
      reviewed_on: today(DEFAULT_TIME_ZONE),
      activities: [],
      indicators: [],
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const agreement = (await call('GET', `/api/agreements/${agreementId}`, as.coordinator)).json();
    expect(agreement.reviews).toEqual([
      {
        id: expect.any(String),
        reviewed_on: today(DEFAULT_TIME_ZONE),
        next_review: addMonths(today(DEFAULT_TIME_ZONE), 6),
        recorded_at: expect.any(String),
        note: 'Genomgång med polisen; ring Kalle [telefon]',
        activities: [
          { measure_id: measureId, title: MEASURE_TITLE, assessment: 'partly', comment: 'Två av fyra kvällar' },
        ],
        indicators: [
          {
            problem_id: problemId,
            categories: ['klotter'],
            where: 'Södra biblioteket',
            baseline_value: 2,
            assessment: 'worse',
            comment: null,
            value: {
              from: agreement.indicators[0].current.from,
              to: today(DEFAULT_TIME_ZONE),
              value: agreement.indicators[0].current.value,
            },
          },
        ],
      },
    ]);
    const analysts = (await call('GET', `/api/agreements/${agreementId}`, as.analyst)).json().reviews[0];
    expect([analysts.note, analysts.activities[0].comment, analysts.activities[0].assessment]).toEqual([
      null,
      null,
      'partly',
    ]);
    const publicPage = await app.inject({ url: `/api/public/agreements?district_unit_id=${org.unitId}` });
    expect(publicPage.body).not.toContain('Genomgång');
  });

  it('edits an agreement (district only) and tracks activities like measures', async () => {
    expect(
      (await call('PATCH', `/api/agreements/${agreementId}`, as.otherCoordinator, { title: 'x' })).statusCode,
    ).toBe(403);
    // References are checked only for those who may edit: an outsider or an unknown agreement never gets a 400 about them.
    const unknownArea = { area_ids: ['00000000-0000-4000-8000-000000000000'] };
    expect((await call('PATCH', `/api/agreements/${agreementId}`, as.otherCoordinator, unknownArea)).statusCode).toBe(
      403,
    );
    expect(
      (await call('PATCH', '/api/agreements/00000000-0000-4000-8000-000000000001', as.coordinator, unknownArea))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('PATCH', `/api/agreements/${agreementId}`, as.coordinator, { period_end: '2024-01-01' })).statusCode,
    ).toBe(400);
    await call('POST', `/api/measures/${measureId}/status`, as.coordinator, { status: 'ongoing' });
    const res = await call('PATCH', `/api/agreements/${agreementId}`, as.coordinator, {
      title: 'Medborgarlöfte Söder 2026–2027',
    });
    expect(res.json()).toMatchObject({ title: 'Medborgarlöfte Söder 2026–2027', activities: [{ status: 'ongoing' }] });
    expect(
      (await call('PATCH', `/api/agreements/${agreementId}`, as.coordinatorElsewhere, { title: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/agreements/${agreementId}`, as.coordinator, { partner_unit_id: org.unitId })).json()
        .error.details[0].code,
    ).toBe('same_party');
    // An admin may change the parties, kind and priority areas; dropping the activity drops its indicator, not the review that assessed it.
    const changed = (
      await call('PATCH', `/api/agreements/${agreementId}`, as.admin, {
        kind: 'collaboration_agreement',
        partner_unit_id: culture,
        area_ids: [org.areas.south, org.areas.northNew],
        measure_ids: [],
      })
    ).json();
    expect(changed).toMatchObject({
      kind: 'collaboration_agreement',
      partner_unit: { id: culture },
      activities: [],
      indicators: [],
      reviews: [{ activities: [{ measure_id: measureId }] }],
    });
    expect(changed.areas.map((a: { id: string }) => a.id).sort()).toEqual([org.areas.south, org.areas.northNew].sort());
    const restored = await call('PATCH', `/api/agreements/${agreementId}`, as.coordinator, {
      kind: 'citizen_promise',
      partner_unit_id: police,
      area_ids: [org.areas.south],
      measure_ids: [measureId],
    });
    expect(restored.json()).toMatchObject({
      partner_unit: { id: police },
      activities: [{ id: measureId }],
      indicators: [{ problem_id: problemId }],
    });
  });

  it('shows the public progress page without any free text until a coordinator approves some', async () => {
    const page = async () => app.inject({ url: `/api/public/agreements?district_unit_id=${org.unitId}` });
    const before = await page();
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual([
      expect.objectContaining({
        id: agreementId,
        district: 'Södra stadsdelsnämnden',
        partner: 'polisen',
        public_text: null,
        priority_areas: ['Söderby'],
        activities: [{ type: 'social', status: 'ongoing', responsible_unit: 'Södra stadsdelsnämnden' }],
      }),
    ]);
    for (const secret of [
      'Kalle',
      'telefon',
      'Nattvandring',
      'Klotter vid biblioteket',
      'Klotter kvällstid',
      'Medborgarlöfte Söder',
    ])
      expect(before.body).not.toContain(secret);
    // Two incidents in the baseline: a count of 1–4 is withheld on the public page (k-anonymity), not for staff.
    expect(before.json()[0].indicators).toEqual([
      expect.objectContaining({
        baseline: expect.objectContaining({ value: null }),
        current: expect.objectContaining({ value: 0 }),
      }),
    ]);
    expect(
      (await call('GET', `/api/agreements/${agreementId}`, as.coordinator)).json().indicators[0].baseline.value,
    ).toBe(2);
    expect(
      (await call('PUT', `/api/agreements/${agreementId}/public-text`, as.analyst, { text: 'x' })).statusCode,
    ).toBe(403);
    await call('PUT', `/api/agreements/${agreementId}/public-text`, as.coordinator, {
      text: 'Vi arbetar mot klotter vid biblioteket.',
    });
    expect((await page()).json()[0].public_text).toBe('Vi arbetar mot klotter vid biblioteket.');
    await call('PUT', `/api/agreements/${agreementId}/public-text`, as.coordinator, { text: null });
    expect((await page()).json()[0].public_text).toBeNull();
  });

  it('audits every change', async () => {
    const actions = await getDb()
      .db.selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'agreement')
      .where('entity_id', '=', agreementId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'create',
      'update',
      'update',
      'update',
      'update',
      'update',
      'update',
    ]);
  });

  it('records one of two reviews sent at once for the same day and refuses the other', async () => {
    const second = (
      await call('POST', '/api/agreements', as.coordinator, {
        ...body,
        title: 'Samverkan utan aktiviteter',
        measure_ids: [],
      })
    ).json().id;
    const both = await Promise.all(
      [1, 2].map(() =>
        call('POST', `/api/agreements/${second}/review`, as.coordinator, { reviewed_on: today(DEFAULT_TIME_ZONE) }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await call('GET', `/api/agreements/${second}`, as.coordinator)).json().reviews).toHaveLength(1);
  });
});
