import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { addDays, today } from '../../domain/calendar/index.js';
import { periodDays } from '../../domain/reporting.js';
import {
  createTestOrganisation,
  createTestUnit,
  testContext,
  type TestOrganisation,
} from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident } from '../incidents/incidents.service.js';
import { changeMeasureStatus, createMeasure, recordFollowup } from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';
import { addProgrammeSection } from '../programmes/programme-sections.service.js';
import { changeProgrammeStatus, createProgramme } from '../programmes/programmes.service.js';
import { answerRequest, createRequest } from '../requests/requests.service.js';

const ORG = { 'x-trygg-organisation': 'rapportkommun' };
const ZONE = 'Europe/Stockholm';
const SECRET = 'Hemlig larmåtgärd i arkivet';
const NORTH_DRAFT = 'Norrs utkast som inte är klart';
const DAY = today(ZONE);
const YEAR = Number(DAY.slice(0, 4));
const TERTIAL = Math.floor((Number(DAY.slice(5, 7)) - 1) / 4) + 1;
const { from: FROM } = periodDays(YEAR, TERTIAL);

type Totals = Record<string, number | Record<string, number>>;

describeEachEngine('reporting cycle: periods, follow-ups, the compiled report and its documents', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as = {} as Record<'admin' | 'culture' | 'south' | 'north' | 'partner' | 'analyst', Record<string, string>>;
  const unit = {} as Record<'culture' | 'north' | 'housing' | 'police', string>;
  const ids = {} as Record<'lamps' | 'guards' | 'secret' | 'problem' | 'secretProblem' | 'goal' | 'version', string>;
  let period = '';

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
  const followupUrl = (u: string) => `/api/reporting-periods/${period}/units/${u}`;
  const publicUrl = (version: string) => `/api/public/programme-versions/${version}/followup`;

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'rapportkommun');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'rapportkommun' },
      webRoot: null,
    });
    const office = await createTestUnit(
      db,
      org.organisation.id,
      'stadsledningskontoret',
      'specialist',
      'Stadsledningskontoret',
    );
    unit.culture = await createTestUnit(db, org.organisation.id, 'kultur', 'specialist', 'Kulturnämnden');
    unit.north = await createTestUnit(db, org.organisation.id, 'sdn-norr', 'district', 'Norra stadsdelsnämnden');
    unit.housing = await createTestUnit(db, org.organisation.id, 'bostader', 'company', 'Stadens bostäder AB');
    unit.police = await createTestUnit(db, org.organisation.id, 'polisen', 'partner', 'Polisen');
    as.admin = (await signedInAs(app, db, org.organisation.id, office, 'admin', ORG)).headers;
    as.culture = (await signedInAs(app, db, org.organisation.id, unit.culture, 'unit_editor', ORG)).headers;
    as.south = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', ORG)).headers;
    as.north = (await signedInAs(app, db, org.organisation.id, unit.north, 'unit_editor', ORG)).headers;
    as.partner = (await signedInAs(app, db, org.organisation.id, unit.police, 'partner_viewer', ORG)).headers;
    as.analyst = (await signedInAs(app, db, org.organisation.id, office, 'analyst', ORG)).headers;

    const ctx = testContext(db, org.organisation);
    // Three pieces of graffiti in January (the baseline), one an hour ago (the period's value).
    for (const at of ['2026-01-05T21:00:00+01:00', '2026-01-12T21:00:00+01:00', '2026-01-19T21:00:00+01:00', null])
      await createIncident(ctx, {
        occurred_at: at ?? new Date(Date.now() - 3_600_000).toISOString(),
        category: 'klotter',
        lon: 18.02,
        lat: 59.27,
        precision: 'place',
        place_id: org.placeId,
        source: 'staff',
      });
    const problem = (owner: string, title: string, confidentiality: 'municipal' | 'restricted') =>
      createProblem(ctx, {
        owner_unit_id: owner,
        place_ids: [org.placeId],
        title,
        statement: 's',
        categories: ['klotter'],
        affected: [],
        evidence: [],
        baseline: { from: '2026-01-01', to: '2026-01-31', direction: 'lower', target_value: 2 },
        confidentiality,
      });
    ids.problem = (await problem(org.unitId, 'Klotter vid biblioteket', 'municipal')).id;
    ids.secretProblem = (await problem(unit.culture, `${SECRET} (problem)`, 'restricted')).id;
    const measure = async (title: string, responsible: string, problemId: string, restricted = false) => {
      const m = await createMeasure(ctx, {
        problem_ids: [problemId],
        responsible_unit_id: responsible,
        contributing_unit_ids: [],
        place_ids: [],
        title,
        type: 'situational',
        period_start: FROM,
        target_groups: [],
        followup_dates: [DAY],
        components: [],
        ...(restricted ? { confidentiality: 'restricted' as const } : {}),
      });
      await changeMeasureStatus(ctx, m.id, 'ongoing');
      return m;
    };
    const lamps = await measure('Ny belysning', org.unitId, ids.problem);
    ids.lamps = lamps.id;
    await recordFollowup(ctx, lamps.id, lamps.followups[0]!.id, {
      what_was_done: 'Lampor bytta',
      assessment: 'improved',
    });
    ids.guards = (await measure('Värdar i biblioteket', unit.culture, ids.problem)).id;
    ids.secret = (await measure(SECRET, unit.culture, ids.secretProblem, true)).id;
    const request = await createRequest(ctx, {
      from_unit_id: org.unitId,
      to_unit_id: unit.culture,
      problem_id: ids.problem,
      what: 'Längre öppettider',
      due_date: addDays(DAY, 30),
    });
    await answerRequest(ctx, request.id, 'accepted', 'Vi gör det');

    const v = await createProgramme(ctx, {
      name: 'Program',
      title: 'Trygghetsprogram',
      period_from: YEAR,
      period_to: YEAR + 3,
    });
    await addProgrammeSection(ctx, v.id, {
      kind: 'goal',
      heading: 'Övergripande mål',
      body: 'En trygg stad.',
      indicator_problem_ids: [],
    });
    const goal = await addProgrammeSection(ctx, v.id, {
      kind: 'sub_goal',
      heading: 'Ökad trygghet i offentlig miljö',
      body: 'Tryggt i bibliotek och på torg.',
      indicator_problem_ids: [ids.problem, ids.secretProblem],
    });
    ids.goal = goal.sections.find((s) => s.kind === 'sub_goal')!.key;
    ids.version = v.id;
    await changeProgrammeStatus(ctx, v.id, { status: 'adopted', decision_ref: 'KS 2026/1', adopted_on: FROM });
  }, 180_000);
  afterAll(async () => app.close());

  it('opens a period once, with a deadline not in the past, for admins only', async () => {
    const body = { year: YEAR, tertial: TERTIAL, deadline: addDays(DAY, 10) };
    expect((await call('POST', '/api/reporting-periods', as.south, body)).statusCode).toBe(403);
    expect(
      (await call('POST', '/api/reporting-periods', as.admin, { ...body, deadline: addDays(DAY, -1) })).statusCode,
    ).toBe(400);
    const opened = await call('POST', '/api/reporting-periods', as.admin, body);
    expect(opened.statusCode).toBe(201);
    period = opened.json().id;
    expect(opened.json()).toMatchObject({
      status: 'open',
      from: FROM,
      programme_version: { title: 'Trygghetsprogram' },
    });
    expect((await call('POST', '/api/reporting-periods', as.admin, body)).json().error.code).toBe('CONFLICT');
    // Two offices opening the same year at once: one opens it, the other is told it is open already.
    const year = { year: YEAR, tertial: null, deadline: addDays(DAY, 10) };
    const both = await Promise.all([1, 2].map(() => call('POST', '/api/reporting-periods', as.admin, year)));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // Districts, specialist committees and companies report; partners such as the police do not.
    const units = opened.json().units.map((u: { unit: { id: string }; state: string }) => [u.unit.id, u.state]);
    expect(units).toHaveLength(5);
    expect(units).toContainEqual([unit.housing, 'not_started']);
    expect(units.map((u: string[]) => u[0])).not.toContain(unit.police);
  });

  it("draws a unit's figures from its own records, leaving restricted ones out, and lets only its editors write", async () => {
    const draft = await call('GET', followupUrl(unit.culture), as.culture);
    expect(draft.statusCode).toBe(200);
    const figures = draft.json().figures;
    expect(figures.measures.map((m: { id: string }) => m.id)).toEqual([ids.guards]);
    expect(figures.indicators).toEqual([]);
    expect(figures.requests).toEqual([
      expect.objectContaining({ role: 'received', status: 'accepted', answered_on: DAY }),
    ]);
    expect(draft.json()).toMatchObject({ state: 'not_started', editable: true, status: null });
    expect(JSON.stringify(draft.json())).not.toContain('Hemlig');

    const south = (await call('GET', followupUrl(org.unitId), as.south)).json().figures;
    expect(south.indicators).toEqual([
      expect.objectContaining({
        problem_id: ids.problem,
        baseline: expect.objectContaining({ value: 3 }),
        current: expect.objectContaining({ value: 1 }),
        target_value: 2,
        outcome: 'better',
        target_met: true,
      }),
    ]);
    expect(south.totals).toMatchObject({ measures: 1, followups_due: 1, followups_recorded: 1, requests_made: 1 });

    // Another unit's draft is its own: not found to others, and not theirs to write.
    expect((await call('GET', followupUrl(unit.culture), as.north)).statusCode).toBe(404);
    expect((await call('PUT', followupUrl(unit.culture), as.north, { summary: 'x' })).statusCode).toBe(403);
    expect(
      (await call('PUT', followupUrl(unit.culture), as.culture, { goals: [{ section_key: period, comment: 'x' }] }))
        .statusCode,
    ).toBe(400);
    expect((await call('POST', `${followupUrl(unit.culture)}/submit`, as.culture)).statusCode).toBe(400);
    const saved = await call('PUT', followupUrl(unit.culture), as.culture, {
      summary: 'Värdar finns i biblioteket varje kväll.',
      goals: [{ section_key: ids.goal, comment: 'Biblioteken upplevs som tryggare.' }],
    });
    expect(saved.json()).toMatchObject({ state: 'draft', status: 'draft' });
    expect(saved.json().goals.find((g: { section_key: string }) => g.section_key === ids.goal).comment).toBe(
      'Biblioteken upplevs som tryggare.',
    );
    const submitted = await call('POST', `${followupUrl(unit.culture)}/submit`, as.culture);
    expect(submitted.json()).toMatchObject({ state: 'submitted', status: 'submitted', editable: false });
    expect((await call('POST', `${followupUrl(unit.culture)}/submit`, as.culture)).statusCode).toBe(409);
    expect((await call('PUT', followupUrl(unit.culture), as.culture, { summary: 'Ändrad' })).statusCode).toBe(409);
    expect((await call('GET', followupUrl(unit.culture), as.north)).statusCode).toBe(200);
  });

  it('keeps a submitted follow-up as it was when the records change afterwards', async () => {
    await changeMeasureStatus(testContext(getDb().db, org.organisation), ids.guards, 'done');
    const culture = (await call('GET', followupUrl(unit.culture), as.admin)).json();
    expect(culture.figures.measures[0].status).toBe('ongoing');
    const report = (await call('GET', `/api/reporting-periods/${period}/report`, as.admin)).json();
    expect(
      report.units.find((u: { unit: { id: string } }) => u.unit.id === unit.culture).totals.measures_by_status,
    ).toMatchObject({
      ongoing: 1,
      done: 0,
    });
  });

  it("compiles the city's report as the sum of the units' follow-ups, per goal, without restricted records", async () => {
    const overview = (await call('GET', `/api/reporting-periods/${period}`, as.admin)).json();
    expect(overview.counts).toMatchObject({ submitted: 1, not_started: 4, draft: 0, overdue: 0 });
    const report = (await call('GET', `/api/reporting-periods/${period}/report`, as.admin)).json();
    const followups = await Promise.all(
      overview.units.map(async (u: { unit: { id: string } }) =>
        (await call('GET', followupUrl(u.unit.id), as.admin)).json(),
      ),
    );
    const sum = (pick: (t: Totals) => number) =>
      followups.reduce((s: number, f: { figures: { totals: Totals } }) => s + pick(f.figures.totals), 0);
    for (const key of [
      'measures',
      'followups_due',
      'followups_recorded',
      'followups_overdue',
      'targets_met',
      'requests_made',
      'requests_received',
      'requests_answered',
    ])
      expect([key, report.totals[key]]).toEqual([key, sum((t) => t[key] as number)]);
    for (const outcome of ['better', 'unchanged', 'worse'])
      expect(report.totals.indicators[outcome]).toBe(sum((t) => (t.indicators as Record<string, number>)[outcome]!));
    // Known answer: the lamps (south) and the hosts (culture); one indicator; one request made and received, answered.
    expect(report.totals).toMatchObject({
      measures: 2,
      requests_made: 1,
      requests_received: 1,
      requests_answered: 2,
      targets_met: 1,
    });
    const goal = report.goals.find((g: { section_key: string }) => g.section_key === ids.goal);
    expect(goal.indicators.map((i: { problem_id: string }) => i.problem_id)).toEqual([ids.problem]);
    expect(
      goal.measures.map((u: { unit: { id: string }; measures: Array<{ id: string }> }) => [
        u.unit.id,
        u.measures.map((m) => m.id),
      ]),
    ).toEqual(
      expect.arrayContaining([
        [org.unitId, [ids.lamps]],
        [unit.culture, [ids.guards]],
      ]),
    );
    expect(goal.comments).toEqual([
      { unit: { id: unit.culture, name: 'Kulturnämnden' }, comment: 'Biblioteken upplevs som tryggare.' },
    ]);
    const json = JSON.stringify(report);
    for (const hidden of ['Hemlig', ids.secret, ids.secretProblem]) expect(json).not.toContain(hidden);
  });

  it('exports the report as a Swedish PDF with numbered headings and page numbers, and as Excel', async () => {
    const pdf = await call('GET', `/api/reporting-periods/${period}/report/pdf`, as.south);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.rawPayload }).toString();
    for (const s of [
      `Uppföljning av trygghetsprogrammet, Tertial ${TERTIAL} ${YEAR}`,
      '1. Sammanfattning',
      '2. Stadsdelsnämndernas samordning',
      '3.2 Ökad trygghet i offentlig miljö',
      'Kulturnämnden',
      'Inskickad',
      'Inte påbörjad',
      'Värdar finns i biblioteket varje kväll.',
      'Sida 1 av',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Hemlig');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|not_started|submitted/);
    const xlsx = await call('GET', `/api/reporting-periods/${period}/report/xlsx`, as.admin);
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="uppfoljning-trygghetsprogrammet-tertial-${TERTIAL}-${YEAR}.xlsx"`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const units = book.getWorksheet('Enheter')!;
    const culture = units.getRows(2, units.rowCount - 1)!.find((r) => r.getCell(1).value === 'Kulturnämnden')!;
    expect([culture.getCell(2).value, culture.getCell(3).value]).toEqual(['Facknämnd', 'Inskickad']);
    for (const ws of book.worksheets) ws.eachRow((row) => expect(JSON.stringify(row.values)).not.toContain('Hemlig'));
  });

  it('shows the public no follow-up while the period is open; a second unit submits and a third keeps a draft', async () => {
    const open = await call('GET', publicUrl(ids.version), ORG);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ period: null, units: { reported: 0, total: 0 }, goals: [] });
    expect(
      (await call('PUT', followupUrl(org.unitId), as.south, { summary: 'Södra: belysningen är bytt.' })).statusCode,
    ).toBe(200);
    expect((await call('POST', `${followupUrl(org.unitId)}/submit`, as.south)).statusCode).toBe(200);
    expect((await call('PUT', followupUrl(unit.north), as.north, { summary: NORTH_DRAFT })).statusCode).toBe(200);
  });

  it("refuses a save of a unit's draft made from an older copy with 409 and a message, so no text is lost", async () => {
    const put = (version: number | string, summary: string) =>
      call('PUT', followupUrl(unit.housing), { ...as.admin, 'if-match': `"${version}"` }, { summary });
    const opened = (await call('GET', followupUrl(unit.housing), as.admin)).json();
    expect([opened.id, opened.version]).toEqual([null, 0]);
    // Two writers opened the draft before it was begun and save at once: exactly one text is kept.
    const both = await Promise.all([put(0, 'Bolagets första text.'), put(0, 'Bolagets andra text.')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const stale = both.find((r) => r.statusCode === 409)!.json().error;
    expect([stale.code, stale.details.reason, stale.messages.sv, stale.messages.en]).toEqual([
      'CONFLICT',
      'stale',
      'Någon annan har ändrat uppgiften sedan du öppnade den. Ladda om och gör din ändring igen.',
      'Someone else changed this record after you opened it. Reload it and make your change again.',
    ]);
    const saved = both.find((r) => r.statusCode === 200)!;
    expect(saved.headers.etag).toBe(`"${saved.json().version}"`);
    const now = (await call('GET', followupUrl(unit.housing), as.admin)).json();
    expect(now.summary).toBe(saved.json().summary);
    // A save from the first copy is stale too; one from the current copy goes through and raises the version.
    expect((await put(0, 'Gammal kopia.')).statusCode).toBe(409);
    expect((await put('x', 'Fel.')).statusCode).toBe(400);
    const fresh = await put(now.version, 'Bolaget har bytt lås i trapphusen.');
    expect([fresh.statusCode, fresh.json().version, fresh.json().summary]).toEqual([
      200,
      now.version + 1,
      'Bolaget har bytt lås i trapphusen.',
    ]);
    expect((await call('GET', followupUrl(unit.housing), as.admin)).json().summary).toBe(
      'Bolaget har bytt lås i trapphusen.',
    );
  });

  it('refuses the public, partners and analysts, closes once, then takes no more writes, and audits every change', async () => {
    const url = `/api/reporting-periods/${period}/report`;
    expect((await call('GET', url, ORG)).statusCode).toBe(401);
    expect((await call('GET', url, as.partner)).statusCode).toBe(403);
    expect((await call('GET', url, as.analyst)).statusCode).toBe(403);
    expect((await call('POST', `/api/reporting-periods/${period}/close`, as.south)).statusCode).toBe(403);
    expect((await call('POST', `/api/reporting-periods/${period}/close`, as.admin)).json().status).toBe('closed');
    expect((await call('POST', `/api/reporting-periods/${period}/close`, as.admin)).statusCode).toBe(409);
    expect((await call('PUT', followupUrl(org.unitId), as.south, { summary: 'Sent' })).statusCode).toBe(409);
    const audits = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'entity_type', 'after'])
      .where('entity_type', 'in', ['reporting_period', 'unit_followup'])
      .where('organisation_id', '=', org.organisation.id)
      .execute();
    expect(audits.map((a) => `${a.entity_type} ${a.action}`).sort()).toEqual([
      'reporting_period create',
      'reporting_period create',
      'reporting_period update',
      'unit_followup create',
      'unit_followup create',
      'unit_followup create',
      'unit_followup create',
      'unit_followup update',
      'unit_followup update',
      'unit_followup update',
    ]);
  });

  it("shows the public the closed period's follow-up per goal from submitted figures only, without any unit's text", async () => {
    const res = await call('GET', publicUrl(ids.version), ORG);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ year: YEAR, tertial: TERTIAL, ...periodDays(YEAR, TERTIAL) });
    // South and culture submitted; north's draft and the units that never began add nothing.
    expect(body.units).toEqual({ reported: 2, total: 5 });
    const goal = body.goals.find((g: { heading: string | null }) => g.heading === 'Ökad trygghet i offentlig miljö');
    expect(goal.indicators).toEqual([
      {
        unit: 'Södra stadsdelsnämnden',
        where: 'Södra biblioteket',
        baseline: expect.objectContaining({ value: 3 }),
        current: expect.objectContaining({ value: 1 }),
        target_value: 2,
        direction: 'lower',
        outcome: 'better',
        target_met: true,
      },
    ]);
    // As submitted: the hosts were ongoing then, though done now; the restricted measure is left out.
    expect(goal.measures).toEqual(
      expect.arrayContaining([
        { unit: 'Södra stadsdelsnämnden', type: 'situational', status: 'ongoing' },
        { unit: 'Kulturnämnden', type: 'situational', status: 'ongoing' },
      ]),
    );
    expect(goal.measures).toHaveLength(2);
    for (const hidden of [
      'Hemlig',
      'Ny belysning',
      'Värdar i biblioteket',
      'Klotter vid',
      'Värdar finns',
      'Biblioteken upplevs',
      'Södra: belysningen',
      NORTH_DRAFT,
      ids.lamps,
      ids.guards,
      ids.secret,
      ids.problem,
      ids.secretProblem,
    ])
      expect(res.body).not.toContain(hidden);
    // A staff member reads the same public view; a draft version has none.
    expect((await call('GET', publicUrl(ids.version), as.south)).json()).toEqual(body);
    const draft = await call('POST', `/api/programme-versions/${ids.version}/drafts`, as.admin, {
      title: 'Nytt utkast',
      period_from: YEAR + 1,
      period_to: YEAR + 4,
    });
    expect(draft.statusCode).toBe(201);
    expect((await call('GET', publicUrl(draft.json().id), ORG)).statusCode).toBe(404);
  });
});
