import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/auth.js';
import { POLICIES } from '../domain/policies.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../tests/factories/org.factory.js';
import { signedInAs } from '../../tests/factories/users.factory.js';
import { openTestDb, type TestDb } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';
import { evaluationDesign, type Ids, WRITES, walkPlan } from '../../tests/support/row-ownership-writes.js';

/**
 * Row ownership of every write route: a record owned by one unit or district is changed by nobody else. Each
 * write route is in WRITES (or its policy is for admins only); a new route that is not fails the first test.
 * Every `owned` route is called, against records of the south district and its units, by people of other
 * units and another district, and must answer 403 or 404 with nothing changed in any table.
 */
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
