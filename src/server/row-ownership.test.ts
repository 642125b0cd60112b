import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/auth.js';
import { POLICIES } from '../domain/policies.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../tests/factories/org.factory.js';
import { signedInAs } from '../../tests/factories/users.factory.js';
import { openTestDb, type TestDb } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';

/**
 * Row ownership of every write route: a record owned by one unit or district is changed by nobody else. Each
 * write route is in WRITES (or its policy is for admins only); a new route that is not fails the first test.
 * Every `owned` route is called, against records of the south district and its units, by people of other
 * units and another district, and must answer 403 or 404 with nothing changed in any table.
 */
type Ids = Record<
  | 'incident'
  | 'problem'
  | 'evidence'
  | 'measure'
  | 'component'
  | 'followup'
  | 'request'
  | 'agreement'
  | 'lawDocument'
  | 'report'
  | 'meeting'
  | 'action'
  | 'annotation'
  | 'district'
  | 'area'
  | 'traffic'
  | 'library'
  | 'consultation'
  | 'period'
  | 'evaluation'
  | 'place'
  | 'walk'
  | 'laterWalk'
  | 'walkItem'
  | 'observation',
  string
>;
type Call = { url: string; payload?: object };
const evaluationDesign = (i: Ids) => ({
  title: 'Utvärdering',
  treatment: { place_ids: [i.place] },
  comparison: { area_ids: [i.area] },
  before: { from: '2025-01-01', to: '2025-06-30' },
  after: { from: '2025-09-01', to: '2026-02-28' },
  categories: ['klotter'],
});
const walkPlan = (i: Ids) => ({
  title: 'Trygghetsvandring',
  unit_id: i.district,
  area_id: i.area,
  walk_date: '2026-10-01',
  invited_unit_ids: [i.traffic],
});
type Entry = { owned: (ids: Ids) => Call } | { notOwned: string };

const WRITES: Record<string, Entry> = {
  'POST /api/auth/login': { notOwned: 'public: signs the caller in' },
  'POST /api/auth/logout': { notOwned: "the caller's own session" },
  'POST /api/auth/password': { notOwned: "the caller's own password" },
  'POST /api/auth/tokens': { notOwned: "the caller's own API tokens" },
  'DELETE /api/auth/tokens/:id': { notOwned: "the caller's own API tokens (another's id is not found)" },
  'POST /api/public/reports': { notOwned: 'public: anyone may report' },
  'POST /api/public/contacts/confirm': { notOwned: 'public: the token from the confirmation mail is the key' },
  'POST /api/public/reports/:receipt/reopen': { notOwned: 'public: the receipt code is the key' },
  'POST /api/public/reports/:receipt/photo': {
    notOwned: 'public: the receipt code is the key, once, right after the report',
  },
  'POST /open311/v2/requests.:format': { notOwned: 'public: anyone may report (Open311)' },
  'POST /api/incidents': { notOwned: "reporting an incident anywhere in the city is every unit's right" },
  'POST /api/imports': { notOwned: 'organisation-wide data load by coordinators and admins (imports:run)' },
  'POST /api/import-profiles': { notOwned: 'organisation-wide column mappings shared by everyone who imports' },
  'PUT /api/import-profiles/:id': { notOwned: 'organisation-wide column mappings shared by everyone who imports' },
  'POST /api/surveys': {
    notOwned: 'the organisation-wide survey catalogue, kept by those who import (surveys:import)',
  },
  'POST /api/surveys/areas': {
    notOwned: 'the organisation-wide survey catalogue, kept by those who import (surveys:import)',
  },
  'POST /api/surveys/questions': {
    notOwned: 'the organisation-wide survey catalogue, kept by those who import (surveys:import)',
  },
  'POST /api/surveys/results/import': {
    notOwned: 'published survey figures for the whole organisation, loaded like incidents (surveys:import)',
  },

  'PATCH /api/incidents/:id/status': {
    owned: (i) => ({
      url: `/api/incidents/${i.incident}/status`,
      payload: { status: 'closed', closure_reason: 'wont_fix' },
    }),
  },
  'PATCH /api/incidents/:id/confidentiality': {
    owned: (i) => ({
      url: `/api/incidents/${i.incident}/confidentiality`,
      payload: { from: 'municipal', confidentiality: 'partner' },
    }),
  },
  'POST /api/incidents/:id/public-updates': {
    owned: (i) => ({ url: `/api/incidents/${i.incident}/public-updates`, payload: { body: 'Vi tittar på det.' } }),
  },
  'PUT /api/incidents/:id/assignment': {
    owned: (i) => ({ url: `/api/incidents/${i.incident}/assignment`, payload: { unit_id: i.library } }),
  },

  'POST /api/problems': {
    owned: (i) => ({
      url: '/api/problems',
      payload: {
        owner_unit_id: i.district,
        area_id: i.area,
        title: 'Klotter',
        categories: ['klotter'],
        statement: 'Klotter vid entrén.',
        affected: ['staff'],
        evidence: [{ kind: 'note', note: 'x' }],
      },
    }),
  },
  'PATCH /api/problems/:id': { owned: (i) => ({ url: `/api/problems/${i.problem}`, payload: { title: 'Ändrad' } }) },
  'POST /api/problems/:id/evidence': {
    owned: (i) => ({ url: `/api/problems/${i.problem}/evidence`, payload: { kind: 'note', note: 'mer' } }),
  },
  'DELETE /api/problems/:id/evidence/:evidence_id': {
    owned: (i) => ({ url: `/api/problems/${i.problem}/evidence/${i.evidence}` }),
  },
  'PUT /api/problems/:id/baseline': {
    owned: (i) => ({ url: `/api/problems/${i.problem}/baseline`, payload: { from: '2026-02-01', to: '2026-02-28' } }),
  },

  'POST /api/measures': {
    owned: (i) => ({
      url: '/api/measures',
      payload: { problem_ids: [i.problem], responsible_unit_id: i.district, title: 'Belysning', type: 'situational' },
    }),
  },
  'PATCH /api/measures/:id': { owned: (i) => ({ url: `/api/measures/${i.measure}`, payload: { title: 'Ändrad' } }) },
  'POST /api/measures/:id/status': {
    owned: (i) => ({ url: `/api/measures/${i.measure}/status`, payload: { status: 'ongoing' } }),
  },
  'POST /api/measures/:id/components/:component_id/status': {
    owned: (i) => ({
      url: `/api/measures/${i.measure}/components/${i.component}/status`,
      payload: { status: 'ongoing' },
    }),
  },
  'POST /api/measures/:id/followups': {
    owned: (i) => ({ url: `/api/measures/${i.measure}/followups`, payload: { due_date: '2099-01-31' } }),
  },
  'POST /api/measures/:id/followups/:followup_id': {
    owned: (i) => ({
      url: `/api/measures/${i.measure}/followups/${i.followup}`,
      payload: { what_was_done: 'Inget', assessment: 'unclear' },
    }),
  },

  'POST /api/requests': {
    owned: (i) => ({
      url: '/api/requests',
      payload: {
        from_unit_id: i.district,
        to_unit_id: i.traffic,
        problem_id: i.problem,
        what: 'Laga lampan',
        due_date: '2099-01-01',
      },
    }),
  },
  'POST /api/requests/:id/accept': { owned: (i) => ({ url: `/api/requests/${i.request}/accept`, payload: {} }) },
  'POST /api/requests/:id/decline': {
    owned: (i) => ({ url: `/api/requests/${i.request}/decline`, payload: { reason: 'nej' } }),
  },
  'POST /api/requests/:id/deliver': {
    owned: (i) => ({ url: `/api/requests/${i.request}/deliver`, payload: { note: 'klart' } }),
  },

  'POST /api/agreements': {
    owned: (i) => ({
      url: '/api/agreements',
      payload: {
        district_unit_id: i.district,
        partner_unit_id: i.traffic,
        kind: 'citizen_promise',
        title: 'Löfte',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        area_ids: [i.area],
      },
    }),
  },
  'PATCH /api/agreements/:id': {
    owned: (i) => ({ url: `/api/agreements/${i.agreement}`, payload: { title: 'Ändrad' } }),
  },
  'POST /api/agreements/:id/review': {
    owned: (i) => ({ url: `/api/agreements/${i.agreement}/review`, payload: { reviewed_on: '2026-06-30' } }),
  },
  'PUT /api/agreements/:id/public-text': {
    owned: (i) => ({ url: `/api/agreements/${i.agreement}/public-text`, payload: { text: 'Vi lovar' } }),
  },

  'POST /api/law-documents': {
    owned: (i) => ({ url: '/api/law-documents', payload: { kind: 'cause_analysis', district_id: i.district } }),
  },
  'POST /api/law-document-versions/:id/revisions': {
    owned: (i) => ({
      url: `/api/law-document-versions/${i.lawDocument}/revisions`,
      payload: { sections: [{ position: 0, body: 'Ändrad' }] },
    }),
  },
  'POST /api/law-document-versions/:id/status': {
    owned: (i) => ({
      url: `/api/law-document-versions/${i.lawDocument}/status`,
      payload: { status: 'adopted', decision_ref: 'SDN 2026/1', adopted_on: '2026-12-01' },
    }),
  },

  'POST /api/measures/:id/evaluations': {
    owned: (i) => ({ url: `/api/measures/${i.measure}/evaluations`, payload: evaluationDesign(i) }),
  },
  'PUT /api/evaluations/:id': {
    owned: (i) => ({
      url: `/api/evaluations/${i.evaluation}`,
      payload: { ...evaluationDesign(i), status: 'published' },
    }),
  },
  'PUT /api/places/:id/figures': {
    owned: (i) => ({
      url: `/api/places/${i.place}/figures`,
      payload: { months: [{ month: '2026-01', visitors: 100, opening_hours: null }] },
    }),
  },

  'POST /api/walks/checklist': {
    notOwned: 'the organisation-wide walk checklist, kept by coordinators and admins (walks:checklist)',
  },
  'PATCH /api/walks/checklist/:id': {
    notOwned: 'the organisation-wide walk checklist, kept by coordinators and admins (walks:checklist)',
  },
  'POST /api/walks': { owned: (i) => ({ url: '/api/walks', payload: walkPlan(i) }) },
  'POST /api/walks/:id/status': {
    owned: (i) => ({ url: `/api/walks/${i.walk}/status`, payload: { status: 'finished' } }),
  },
  'POST /api/walks/:id/observations': {
    owned: (i) => ({
      url: `/api/walks/${i.walk}/observations`,
      payload: {
        id: '0b9c5a52-3f55-4d7e-9d0a-6f1f2f3c4d5e',
        item_id: i.walkItem,
        lon: 18.02,
        lat: 59.27,
        severity: 'high',
      },
    }),
  },
  'PUT /api/walks/:id/observations/:observationId/photo': {
    owned: (i) => ({ url: `/api/walks/${i.walk}/observations/${i.observation}/photo` }),
  },
  'PUT /api/walks/:id/followups/:observationId': {
    owned: (i) => ({ url: `/api/walks/${i.laterWalk}/followups/${i.observation}`, payload: { outcome: 'fixed' } }),
  },
  'POST /api/walks/:id/observations/:observationId/problem': {
    owned: (i) => ({ url: `/api/walks/${i.walk}/observations/${i.observation}/problem`, payload: {} }),
  },
  'POST /api/walks/:id/observations/:observationId/route': {
    owned: (i) => ({ url: `/api/walks/${i.walk}/observations/${i.observation}/route` }),
  },

  'PUT /api/situation/districts/:area_id/thresholds': {
    owned: (i) => ({
      url: `/api/situation/districts/${i.area}/thresholds`,
      payload: { viss_oro_from: 1, oroligt_from: 2, allvarligt_from: 3, violence_weight: 2, rise_raises_level: false },
    }),
  },
  'PUT /api/situation/districts/:area_id/ratings': {
    owned: (i) => ({
      url: `/api/situation/districts/${i.area}/ratings`,
      payload: { week: '2026-W40', ratings: [{ neighbourhood_code: 'south', level: 2 }] },
    }),
  },
  'POST /api/situation/annotations': {
    owned: (i) => ({
      url: '/api/situation/annotations',
      payload: { date: '2026-09-29', kind: 'campaign', text: 'x', area_id: i.area },
    }),
  },
  'PATCH /api/consultation-responses/:id': {
    owned: (i) => ({ url: `/api/consultation-responses/${i.consultation}`, payload: { summary: 'Ändrad' } }),
  },
  'POST /api/consultation-responses/:id/submit': {
    owned: (i) => ({ url: `/api/consultation-responses/${i.consultation}/submit` }),
  },
  'PUT /api/reporting-periods/:id/units/:unit_id': {
    owned: (i) => ({ url: `/api/reporting-periods/${i.period}/units/${i.district}`, payload: { summary: 'Ändrad' } }),
  },
  'POST /api/reporting-periods/:id/units/:unit_id/submit': {
    owned: (i) => ({ url: `/api/reporting-periods/${i.period}/units/${i.district}/submit` }),
  },
  'PATCH /api/situation/annotations/:id': {
    owned: (i) => ({ url: `/api/situation/annotations/${i.annotation}`, payload: { text: 'Ändrad' } }),
  },
  'DELETE /api/situation/annotations/:id': { owned: (i) => ({ url: `/api/situation/annotations/${i.annotation}` }) },
  'POST /api/situation/reports': {
    owned: (i) => ({ url: '/api/situation/reports', payload: { area_id: i.area, week: '2026-W41' } }),
  },
  'POST /api/situation/reports/:id/meeting': {
    owned: (i) => ({
      url: `/api/situation/reports/${i.report}/meeting`,
      payload: { held_at: '2026-10-06T09:00:00+02:00', participants: [i.district] },
    }),
  },
  'PATCH /api/situation/meetings/:id': {
    owned: (i) => ({ url: `/api/situation/meetings/${i.meeting}`, payload: { notes: 'Ändrad' } }),
  },
  'POST /api/situation/meetings/:id/actions': {
    owned: (i) => ({
      url: `/api/situation/meetings/${i.meeting}/actions`,
      payload: { unit_id: i.library, title: 'Gör något', due_date: '2099-01-01' },
    }),
  },
  'PATCH /api/situation/actions/:id': {
    owned: (i) => ({ url: `/api/situation/actions/${i.action}`, payload: { status: 'done' } }),
  },
};

const adminOnly = (policy: keyof typeof POLICIES) => {
  const roles: 'anyone' | 'signed_in' | readonly Role[] = POLICIES[policy].roles;
  return Array.isArray(roles) && roles.every((r) => r === 'admin');
};

/** One fingerprint per table: any insert, update or delete anywhere shows. Sessions are the callers' own. */
async function snapshot(db: TestDb['db']): Promise<Record<string, string>> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'sessions'`.execute(
    db,
  );
  const out: Record<string, string> = {};
  for (const { table_name: table } of rows) {
    const r = await sql<{
      h: string | null;
    }>`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${sql.table(table)} t`.execute(db);
    out[table] = r.rows[0]?.h ?? '';
  }
  return out;
}

describe('every write route × records of another unit or district', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  let org: TestOrganisation;
  const ids = {} as Ids;
  const as = {} as Record<
    | 'admin'
    | 'districtCoordinator'
    | 'trafficEditor'
    | 'reporterEditor'
    | 'libraryEditor'
    | 'libraryCoordinator'
    | 'libraryPartner'
    | 'otherCoordinator'
    | 'otherEditor',
    Record<string, string>
  >;
  const call = (method: string, url: string, who: Record<string, string>, payload?: object) =>
    app.inject({ method: method as 'POST', url, headers: who, ...(payload ? { payload } : {}) });
  const ok = async (method: string, url: string, payload?: object) => {
    const res = await call(method, url, as.admin, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    const db = testDb.db;
    org = await createTestOrganisation(db, 'agare');
    app = await buildApp({
      db,
      engine: testDb.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'agare' },
      webRoot: null,
    });
    const o = org.organisation.id;
    ids.district = org.unitId;
    ids.area = org.areas.southDistrict;
    ids.traffic = await createTestUnit(db, o, 'trafik', 'specialist');
    ids.library = await createTestUnit(db, o, 'bibliotek', 'specialist');
    const reporter = await createTestUnit(db, o, 'parker', 'specialist');
    const otherDistrict = await createTestUnit(db, o, 'sdn-norr', 'district');
    await db.updateTable('areas').set({ owner_unit_id: otherDistrict }).where('id', '=', org.areas.merged).execute();
    const signed = async (unitId: string, role: Role) => (await signedInAs(app, db, o, unitId, role)).headers;
    as.admin = await signed(otherDistrict, 'admin');
    as.districtCoordinator = await signed(org.unitId, 'coordinator');
    as.trafficEditor = await signed(ids.traffic, 'unit_editor');
    as.reporterEditor = await signed(reporter, 'unit_editor');
    as.libraryEditor = await signed(ids.library, 'unit_editor');
    as.libraryCoordinator = await signed(ids.library, 'coordinator');
    as.libraryPartner = await signed(ids.library, 'partner_viewer');
    as.otherCoordinator = await signed(otherDistrict, 'coordinator');
    as.otherEditor = await signed(otherDistrict, 'unit_editor');

    // A resident's report in the south district, reported through the parks unit and routed to traffic.
    ids.incident = (
      await ok('POST', '/api/incidents', {
        occurred_at: '2026-11-20T21:15:00+01:00',
        category: 'klotter',
        lon: 18.02,
        lat: 59.27,
        reporting_unit_id: reporter,
      })
    ).id;
    await ok('PUT', `/api/incidents/${ids.incident}/assignment`, { unit_id: ids.traffic });
    const problem = await ok('POST', '/api/problems', {
      owner_unit_id: ids.district,
      area_id: ids.area,
      title: 'Klotter',
      categories: ['klotter'],
      statement: 'Klotter vid entrén.',
      affected: ['staff'],
      evidence: [{ kind: 'note', note: 'x' }],
      baseline: { from: '2026-01-01', to: '2026-01-31', direction: 'lower' },
    });
    ids.problem = problem.id;
    ids.evidence = problem.evidence[0].id;
    const measure = await ok('POST', '/api/measures', {
      problem_ids: [ids.problem],
      responsible_unit_id: ids.district,
      contributing_unit_ids: [ids.traffic],
      title: 'Belysning',
      type: 'situational',
      followup_dates: ['2026-03-31'],
      components: [{ title: 'Lampor', type: 'situational' }],
    });
    ids.measure = measure.id;
    ids.place = org.placeId;
    ids.evaluation = (await ok('POST', `/api/measures/${ids.measure}/evaluations`, evaluationDesign(ids))).id;
    ids.component = measure.components[0].id;
    ids.followup = measure.followups[0].id;
    ids.request = (
      await ok('POST', '/api/requests', {
        from_unit_id: ids.district,
        to_unit_id: ids.traffic,
        problem_id: ids.problem,
        what: 'Laga lampan',
        due_date: '2099-01-01',
      })
    ).id;
    ids.agreement = (
      await ok('POST', '/api/agreements', {
        district_unit_id: ids.district,
        partner_unit_id: ids.traffic,
        kind: 'citizen_promise',
        title: 'Löfte',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        area_ids: [ids.area],
      })
    ).id;
    // A programme draft on consultation to the traffic unit, which alone answers it.
    const draft = await ok('POST', '/api/programmes', {
      name: 'Program',
      title: 'Program',
      period_from: 2026,
      period_to: 2027,
    });
    await ok('POST', `/api/programme-versions/${draft.id}/sections`, { kind: 'goal', body: 'En trygg stad.' });
    ids.consultation = (
      await ok('POST', `/api/programme-versions/${draft.id}/consultations`, {
        unit_ids: [ids.traffic],
        deadline: '2099-01-01',
      })
    ).responses[0].id;
    await call('PATCH', `/api/consultation-responses/${ids.consultation}`, as.trafficEditor, {
      summary: 'Tillstyrks.',
    });
    // A reporting period in which the south district's coordinator has begun its follow-up.
    ids.period = (await ok('POST', '/api/reporting-periods', { year: 2099, tertial: 1, deadline: '2099-01-15' })).id;
    await call('PUT', `/api/reporting-periods/${ids.period}/units/${ids.district}`, as.districtCoordinator, {
      summary: 'Belysningen är utbytt.',
    });
    ids.lawDocument = (
      await ok('POST', '/api/law-documents', { kind: 'cause_analysis', district_id: ids.district })
    ).id;
    // A walk of the south district with the traffic unit invited, and one observation on it.
    ids.walkItem = (
      await ok('POST', '/api/walks/checklist', {
        code: 'belysning',
        label: 'Belysning',
        label_en: 'Lighting',
        setting: 'outdoor',
        category: 'klotter',
      })
    ).id;
    ids.walk = (await ok('POST', '/api/walks', walkPlan(ids))).id;
    ids.observation = (
      await ok('POST', `/api/walks/${ids.walk}/observations`, {
        id: '5d0f3c1e-8a2b-4c6d-9e7f-0a1b2c3d4e5f',
        item_id: ids.walkItem,
        lon: 18.02,
        lat: 59.27,
        severity: 'medium',
      })
    ).id;
    // The next walk in the area, which asks whether that observation was fixed.
    ids.laterWalk = (await ok('POST', '/api/walks', { ...walkPlan(ids), walk_date: '2026-10-08' })).id;
    ids.report = (await ok('POST', '/api/situation/reports', { area_id: ids.area, week: '2026-W40' })).report.id;
    const meeting = await ok('POST', `/api/situation/reports/${ids.report}/meeting`, {
      held_at: '2026-10-06T09:00:00+02:00',
      participants: [ids.district, ids.traffic],
      actions: [{ unit_id: ids.traffic, title: 'Laga belysningen', due_date: '2099-01-01' }],
    });
    ids.meeting = meeting.id;
    ids.action = meeting.actions[0].id;
    // The meeting above is for W40; a second frozen week without a meeting lets outsiders try to hold one.
    ids.report = (await ok('POST', '/api/situation/reports', { area_id: ids.area, week: '2026-W39' })).report.id;
    ids.annotation = (
      await ok('POST', '/api/situation/annotations', {
        date: '2026-09-29',
        kind: 'campaign',
        text: 'Kampanj',
        area_id: ids.area,
      })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await testDb.dispose();
  });

  it('classifies every write route', () => {
    const writes = app.routePolicies.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
    const unclassified = writes
      .filter((r) => !WRITES[`${r.method} ${r.url}`] && !adminOnly(r.policy))
      .map((r) => `${r.method} ${r.url} (${r.policy})`);
    expect(unclassified).toEqual([]);
    const gone = Object.keys(WRITES).filter((key) => !writes.some((r) => `${r.method} ${r.url}` === key));
    expect(gone).toEqual([]);
  });

  it('refuses people of other units and districts, changing nothing', async () => {
    const outsiders = [
      'libraryEditor',
      'libraryCoordinator',
      'libraryPartner',
      'otherCoordinator',
      'otherEditor',
    ] as const;
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(WRITES)) {
      if (!('owned' in entry)) continue;
      const method = key.split(' ')[0]!;
      const { url, payload } = entry.owned(ids);
      for (const who of outsiders) {
        const before = await snapshot(testDb.db);
        const res = await call(method, url, as[who], payload);
        const after = await snapshot(testDb.db);
        const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
        if (![403, 404].includes(res.statusCode) || changed.length)
          wrong.push(
            `${who} ${key}: ${res.statusCode} ${changed.length ? `changed ${changed.join(', ')}` : res.body.slice(0, 160)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('lets those who work an incident change it: the reporting and assigned units and the district coordinators', async () => {
    const status = (who: Record<string, string>, payload: object) =>
      call('PATCH', `/api/incidents/${ids.incident}/status`, who, payload);
    expect((await status(as.reporterEditor, { status: 'in_progress', note: 'Vi tittar på det' })).statusCode).toBe(200);
    expect((await status(as.trafficEditor, { status: 'in_progress', note: 'Beställt' })).statusCode).toBe(200);
    expect((await status(as.districtCoordinator, { status: 'closed', closure_reason: 'fixed' })).statusCode).toBe(200);
    const tier = await call('PATCH', `/api/incidents/${ids.incident}/confidentiality`, as.reporterEditor, {
      from: 'municipal',
      confidentiality: 'partner',
    });
    expect(tier.statusCode).toBe(200);
    const routed = await call('PUT', `/api/incidents/${ids.incident}/assignment`, as.trafficEditor, {
      unit_id: ids.library,
    });
    expect(routed.json()).toMatchObject({ unit: { id: ids.library } });
    // Routed on, it is the library's to work now, and no longer traffic's.
    expect((await status(as.libraryEditor, { status: 'in_progress' })).statusCode).toBe(200);
    expect((await status(as.trafficEditor, { status: 'new' })).statusCode).toBe(403);
  });
});
