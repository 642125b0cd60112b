import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { addDays, today } from '../../domain/calendar/index.js';
import {
  createTestOrganisation,
  createTestUnit,
  testContext,
  type TestOrganisation,
} from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createProgramme } from '../programmes/programmes.service.js';
import { addProgrammeSection } from '../programmes/programme-sections.service.js';
import { getConsultationRound, sendOnConsultation } from './consultations.service.js';
import { saveConsultationDraft, submitConsultationResponse } from './consultation-responses.service.js';

const ORG = { 'x-trygg-organisation': 'remisskommun' };
const ZONE = 'Europe/Stockholm';

describeEachEngine('consultation rounds: sending, answering, handling, access and deadlines', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as = {} as Record<'admin' | 'culture' | 'archive' | 'other', Record<string, string>>;
  const unit = {} as Record<'culture' | 'archive', string>;
  let version = '';
  let definitionKey = '';
  let round: { id: string; responses: Array<{ id: string; unit: { id: string }; state: string; summary: unknown }> };

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
  const responseOf = (u: string) => round.responses.find((r) => r.unit.id === u)!.id;

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'remisskommun');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'remisskommun' },
      webRoot: null,
    });
    const office = await createTestUnit(db, org.organisation.id, 'stadsledningskontoret', 'specialist');
    unit.culture = await createTestUnit(db, org.organisation.id, 'kulturforvaltningen', 'specialist');
    unit.archive = await createTestUnit(db, org.organisation.id, 'stadsarkivet', 'specialist');
    as.admin = (await signedInAs(app, db, org.organisation.id, office, 'admin', ORG)).headers;
    as.culture = (await signedInAs(app, db, org.organisation.id, unit.culture, 'unit_editor', ORG)).headers;
    as.archive = (await signedInAs(app, db, org.organisation.id, unit.archive, 'coordinator', ORG)).headers;
    as.other = (await signedInAs(app, db, org.organisation.id, org.unitId, 'unit_editor', ORG)).headers;

    const ctx = testContext(db, org.organisation);
    const v = await createProgramme(ctx, {
      name: 'Program',
      title: 'Program 2020–2023',
      period_from: 2020,
      period_to: 2023,
    });
    version = v.id;
    await addProgrammeSection(ctx, version, { kind: 'goal', body: 'En trygg stad.', indicator_problem_ids: [] });
    const withDef = await addProgrammeSection(ctx, version, {
      kind: 'definition',
      heading: 'Offentlig miljö',
      body: 'Gator, torg och parker.',
      indicator_problem_ids: [],
    });
    definitionKey = withDef.sections.find((s) => s.kind === 'definition')!.key;
  });
  afterAll(async () => app?.close());

  it('sends a draft on consultation, moving it to consultation, and refuses to send it again', async () => {
    const never = await call('GET', `/api/programme-versions/${version}/consultations`, as.admin);
    expect([never.statusCode, never.json()]).toEqual([200, []]);
    const deadline = addDays(today(ZONE), 30);
    const sent = await call('POST', `/api/programme-versions/${version}/consultations`, as.admin, {
      unit_ids: [unit.culture, unit.archive],
      deadline,
    });
    expect(sent.statusCode).toBe(201);
    round = sent.json();
    expect(round.responses.map((r) => r.state)).toEqual(['pending', 'pending']);
    expect((await call('GET', `/api/programme-versions/${version}`, as.admin)).json().status).toBe('consultation');
    const again = await call('POST', `/api/programme-versions/${version}/consultations`, as.admin, {
      unit_ids: [unit.culture],
      deadline,
    });
    expect(again.statusCode).toBe(409);
    const past = await call('POST', `/api/programme-versions/${version}/consultations`, as.admin, {
      unit_ids: [unit.culture],
      deadline: '2020-01-01',
    });
    expect(past.statusCode).toBe(400);
    const rounds = (await call('GET', `/api/programme-versions/${version}/consultations`, as.admin)).json();
    expect(rounds).toMatchObject([{ id: round.id, invited: 2, answered: 0, overdue: 0 }]);
  });

  it('lets only the unit consulted answer, keeps its draft its own, and refuses edits after submission', async () => {
    const culture = responseOf(unit.culture);
    const statement = {
      summary: 'Kulturnämnden tillstyrker programmet med en ändring.',
      sections: [
        {
          section_key: definitionKey,
          statement: 'Bibliotek är offentliga miljöer.',
          proposal: 'Ange att offentlig miljö också omfattar bibliotek och läsesalar.',
        },
      ],
    };
    expect((await call('PATCH', `/api/consultation-responses/${culture}`, as.other, statement)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/consultation-responses/${culture}`, as.admin, statement)).statusCode).toBe(403);
    expect((await call('PATCH', `/api/consultation-responses/${culture}`, as.archive, statement)).statusCode).toBe(404);
    const saved = await call('PATCH', `/api/consultation-responses/${culture}`, as.culture, statement);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().sections[0].proposal).toContain('bibliotek');

    const asOffice = (await call('GET', `/api/consultation-rounds/${round.id}`, as.admin)).json();
    expect(asOffice.responses.find((r: { id: string }) => r.id === culture)).toMatchObject({
      status: 'draft',
      summary: null,
      sections: [],
    });
    const handleDraft = await call(
      'POST',
      `/api/consultation-responses/${culture}/proposals/${definitionKey}`,
      as.admin,
      {
        handling: 'accepted',
      },
    );
    expect(handleDraft.statusCode).toBe(409);

    expect((await call('POST', `/api/consultation-responses/${culture}/submit`, as.culture)).statusCode).toBe(200);
    expect((await call('POST', `/api/consultation-responses/${culture}/submit`, as.culture)).statusCode).toBe(409);
    expect((await call('PATCH', `/api/consultation-responses/${culture}`, as.culture, statement)).statusCode).toBe(409);

    const mine = (await call('GET', '/api/consultation-responses', as.archive)).json();
    expect(mine.map((r: { unit: { id: string } }) => r.unit.id)).toEqual([unit.archive]);
  });

  it("puts a consultation in the unit's inbox until the unit has submitted its response", async () => {
    const consultations = async (u: string, who: Record<string, string>) => {
      const inbox = await call('GET', `/api/inbox?unit_id=${u}`, who);
      expect(inbox.statusCode).toBe(200);
      return inbox.json().items.filter((i: { kind: string }) => i.kind === 'consultation_response');
    };
    expect(await consultations(unit.archive, as.archive)).toEqual([
      {
        kind: 'consultation_response',
        id: responseOf(unit.archive),
        title: 'Program 2020–2023',
        due_date: addDays(today(ZONE), 30),
        days_left: 30,
        overdue: false,
      },
    ]);
    // Kulturnämnden submitted above: nothing left to do.
    expect(await consultations(unit.culture, as.culture)).toEqual([]);
  });

  it('records handling with a reason for partly or rejected, audits every change, and is never public', async () => {
    const culture = responseOf(unit.culture);
    const url = `/api/consultation-responses/${culture}/proposals/${definitionKey}`;
    expect((await call('POST', url, as.admin, { handling: 'partly' })).statusCode).toBe(400);
    expect((await call('POST', url, as.culture, { handling: 'accepted' })).statusCode).toBe(403);
    const handled = await call('POST', url, as.admin, { handling: 'accepted' });
    expect(handled.statusCode).toBe(200);
    expect(handled.json().sections[0].handling).toBe('accepted');

    const view = (await call('GET', `/api/consultation-rounds/${round.id}`, as.admin)).json();
    expect(view.responses.find((r: { id: string }) => r.id === culture).sections[0].statement).toBe(
      'Bibliotek är offentliga miljöer.',
    );
    const audits = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'entity_type'])
      .where('entity_id', 'in', [round.id, culture])
      .execute();
    expect(audits.filter((a) => a.entity_type === 'consultation_round')).toHaveLength(1);
    expect(audits.filter((a) => a.entity_type === 'consultation_response')).toHaveLength(3);

    for (const url of [
      `/api/consultation-rounds/${round.id}`,
      `/api/consultation-responses/${culture}`,
      `/api/programme-versions/${version}/consultations`,
    ])
      expect((await call('GET', url, ORG)).statusCode).toBe(401);
    expect((await call('GET', `/api/public/programme-versions/${version}`, ORG)).statusCode).toBe(404);
  });

  it('counts the deadline to the end of its local day across the spring DST change', async () => {
    const ctx = testContext(getDb().db, org.organisation);
    const v = await createProgramme(ctx, { name: 'Program 2', title: 'Program 2', period_from: 2026, period_to: 2027 });
    await addProgrammeSection(ctx, v.id, { kind: 'goal', body: 'En trygg stad.', indicator_problem_ids: [] });
    const sent = await sendOnConsultation(
      ctx,
      v.id,
      { unit_ids: [unit.culture, unit.archive, org.unitId], deadline: '2026-03-29' },
      new Date('2026-03-01T09:00:00Z'),
    );
    const [a, b] = [unit.culture, unit.archive].map((u) => sent.responses.find((r) => r.unit.id === u)!.id);
    for (const id of [a!, b!]) await saveConsultationDraft(ctx, id, { summary: 'Inget att invända.' });
    // 23:59 local time on the 23-hour day (CEST since 03:00) is 21:59 UTC: on time.
    await submitConsultationResponse(ctx, a!, new Date('2026-03-29T21:59:00Z'));
    // 00:30 local time the next day: taken, and marked late.
    await submitConsultationResponse(ctx, b!, new Date('2026-03-29T22:30:00Z'));
    const states = async (now: string) =>
      Object.fromEntries(
        (await getConsultationRound(ctx, sent.id, new Date(now))).responses.map((r) => [r.unit.id, r.state]),
      );
    expect((await states('2026-03-29T21:59:00Z'))[org.unitId]).toBe('pending');
    expect(await states('2026-03-29T22:00:00Z')).toEqual({
      [unit.culture]: 'answered',
      [unit.archive]: 'answered_late',
      [org.unitId]: 'overdue',
    });
  });
});
