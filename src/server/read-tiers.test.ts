import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../domain/auth.js';
import type { Confidentiality } from '../domain/confidentiality.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../tests/factories/org.factory.js';
import { matrixWeeks, type Planted, plantTieredRecords } from '../../tests/factories/tiered-records.factory.js';
import { signedInAs } from '../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';

/**
 * Every GET route × every kind of caller × every tier (docs/confidentiality.md): records owned by a unit the
 * callers are not members of must show nothing — id, title, text — to callers below their tier, in JSON,
 * CSV, PDF or Excel; and analysts read no free text at any tier. Routes come from the route table, so a new
 * route is covered without being named here. Both engines; the matrix is some thousand requests (under a minute on each).
 */

type Caller = { label: string; headers: Record<string, string>; hidden: readonly Confidentiality[]; freeText: boolean };

const ROLES: Role[] = ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'];
const STAFF_HIDDEN: readonly Confidentiality[] = ['restricted'];
const PUBLIC_ONLY: readonly Confidentiality[] = ['partner', 'municipal', 'restricted'];
const HIDDEN: Record<Role, readonly Confidentiality[]> = {
  admin: [],
  coordinator: STAFF_HIDDEN,
  unit_editor: STAFF_HIDDEN,
  analyst: STAFF_HIDDEN,
  partner_viewer: PUBLIC_ONLY,
};
const FIXED: Record<string, string> = {
  format: 'json',
  code: 'klotter',
  receipt: 'TR-AAAA-AAAA',
  evidence_id: '00000000-0000-4000-8000-000000000000',
};
const NO_ID = '00000000-0000-4000-8000-000000000000';

/** Text of a response body whatever its format. */
async function bodyText(res: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('pdf')) return execFileSync('pdftotext', ['-', '-'], { input: res.rawPayload }).toString();
  if (type.includes('spreadsheet')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((cell) => {
          cells.push(cell.text);
        }),
      ),
    );
    return cells.join('\n');
  }
  return res.body;
}

describeEachEngine('no record beyond the caller’s tier, and no free text for analysts, on any read route', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let planted: Planted[] = [];
  let callerUnit = '';
  let programmeVersion = '';
  const callers: Caller[] = [];

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db);
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    callerUnit = await createTestUnit(db, org.organisation.id, 'sdn-other', 'district');
    const other = await createTestUnit(db, org.organisation.id, 'parker', 'specialist');
    const partner = await createTestUnit(db, org.organisation.id, 'polisen', 'partner');
    const owner = (await signedInAs(app, db, org.organisation.id, org.unitId, 'admin')).headers;
    planted = await plantTieredRecords(app, owner, {
      owner: org.unitId,
      other,
      partner,
      area: org.areas.southDistrict,
    });
    // A programme version whose goal is followed up by every planted problem: its page and its export to the
    // management system list them only as far as the caller may see them.
    const programme = await app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: owner,
      payload: { name: 'Program', title: 'Program 2024–2027', period_from: 2024, period_to: 2027 },
    });
    programmeVersion = programme.json().id;
    const goal = await app.inject({
      method: 'POST',
      url: `/api/programme-versions/${programmeVersion}/sections`,
      headers: owner,
      payload: {
        kind: 'sub_goal',
        heading: 'Trygga platser',
        body: 'Platserna ska vara trygga.',
        indicator_problem_ids: planted.filter((p) => p.kind === 'problem').map((p) => p.id),
      },
    });
    expect(goal.statusCode).toBe(201);
    callers.push({ label: 'anonymous', headers: {}, hidden: PUBLIC_ONLY, freeText: false });
    for (const role of ROLES) {
      const session = await signedInAs(app, db, org.organisation.id, callerUnit, role);
      callers.push({ label: role, headers: session.headers, hidden: HIDDEN[role], freeText: role !== 'analyst' });
    }
    const coordinator = callers.find((c) => c.label === 'coordinator')!;
    const token = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: coordinator.headers,
      payload: { name: 'matris', scopes: ['incidents:read'] },
    });
    callers.push({
      label: 'token',
      headers: { authorization: `Bearer ${token.json().token}` },
      hidden: STAFF_HIDDEN,
      freeText: true,
    });
  }, 180_000);
  afterAll(async () => app.close());

  /** The concrete URLs a route is called with: path parameters filled with the planted ids, queries that make it answer. */
  function urls(pattern: string): string[] {
    const { week, next } = matrixWeeks();
    const ids = (kind: Planted['kind']) => planted.filter((p) => p.kind === kind).map((p) => p.id);
    const byPrefix: Array<[RegExp, string[]]> = [
      [/\/incidents\/:id|\/requests\/:id\.:format/, ids('incident')],
      [/\/problems\/:id/, ids('problem')],
      [/\/measures\/:id/, ids('measure')],
      [/\/requests\/:id/, ids('request')],
      [/\/agreements\/:id/, ids('agreement')],
      [/\/situation\/meetings\/:id/, ids('meeting')],
      [/\/programme-versions\/:id/, [programmeVersion]],
    ];
    let paths = [pattern];
    const fill = (name: string, values: string[]) => {
      paths = paths.flatMap((p) => (p.includes(`:${name}`) ? values.map((v) => p.replace(`:${name}`, v)) : [p]));
    };
    fill(
      'id',
      byPrefix.find(([re]) => re.test(pattern))?.[1] ??
        (pattern.includes('/situation/reports/:id') ? [frozenReportId()] : [NO_ID]),
    );
    fill('unit_id', [org.unitId, callerUnit]);
    fill('area_id', [org.areas.southDistrict]);
    for (const [name, value] of Object.entries(FIXED)) fill(name, [value]);
    const year = week.slice(0, 4);
    const queries: Array<[RegExp, string[]]> = [
      [
        /\/situation\/report(\/|$)/,
        [`week=${week}`, `week=${next}`, `week=${week}&area_id=${org.areas.southDistrict}`],
      ],
      [/\/quality(\/|$)/, ['scope=city', `scope=district&unit_id=${org.unitId}`, `scope=unit&unit_id=${org.unitId}`]],
      [
        /\/reports\/annual/,
        [`scope=district&unit_id=${org.unitId}&year=${year}`, `scope=unit&unit_id=${org.unitId}&year=${year}`],
      ],
      [/\/inbox$/, [`unit_id=${org.unitId}`, `unit_id=${callerUnit}`]],
      [/\/management-export\//, [`year=${year}`]],
      [/\/api\/incidents$/, ['', 'format=geojson']],
      [/\/service-levels\/compliance$/, ['', `unit_id=${org.unitId}`]],
      [/\/views\/districts\/|\/views\/units\//, ['']],
    ];
    const qs = queries.find(([re]) => re.test(pattern))?.[1] ?? [''];
    return paths.flatMap((p) => qs.map((q) => (q ? `${p}?${q}` : p)));
  }

  let frozen = '';
  const frozenReportId = () => frozen;

  it('finds, for every caller on every GET route, nothing beyond its tier and no free text it may not read', async () => {
    const list = await app.inject({
      url: '/api/situation/reports',
      headers: callers.find((c) => c.label === 'admin')!.headers,
    });
    frozen = list.json()[0].id;
    const routes = app.routePolicies.filter((r) => r.method === 'GET');
    const leaks: string[] = [];
    const answered = new Set<string>();
    const seenByAdmin = new Set<string>();
    for (const route of routes) {
      for (const url of urls(route.url)) {
        for (const caller of callers) {
          const res = await app.inject({ url, headers: caller.headers });
          if (res.statusCode >= 500) leaks.push(`${caller.label} ${url}: ${res.statusCode}`);
          if (res.statusCode !== 200) continue;
          if (caller.label === 'admin') answered.add(route.url);
          const text = await bodyText(res);
          for (const p of planted) {
            const beyondTier = caller.hidden.includes(p.tier);
            const words = beyondTier
              ? [...p.freeText, ...(p.kind === 'annotation' || p.kind === 'meeting' ? [] : [p.id])]
              : caller.freeText
                ? []
                : p.freeText;
            for (const w of words)
              if (text.includes(w)) leaks.push(`${caller.label} ${url}: ${p.kind} ${p.tier} ${w === p.id ? 'id' : w}`);
            if (caller.label === 'admin') for (const w of p.freeText) if (text.includes(w)) seenByAdmin.add(w);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    // The export reached the planted problems: an admin's file lists every one of them (its key names the problem).
    const exported = await app.inject({
      url: `/api/programme-versions/${programmeVersion}/management-export/csv?year=${matrixWeeks().week.slice(0, 4)}`,
      headers: callers.find((c) => c.label === 'admin')!.headers,
    });
    for (const p of planted.filter((x) => x.kind === 'problem')) expect(exported.body).toContain(p.id);
    // The matrix reached the records: every marker shows somewhere for an admin, and the routes that hand out
    // records, their figures and their files answered.
    expect([...seenByAdmin].sort()).toEqual(planted.flatMap((p) => p.freeText).sort());
    expect([...answered]).toEqual(
      expect.arrayContaining([
        '/api/situation/report',
        '/api/situation/report/pdf',
        '/api/situation/report/xlsx',
        '/api/situation/reports/:id',
        '/api/situation/reports/:id/pdf',
        '/api/quality',
        '/api/quality/pdf',
        '/api/quality/xlsx',
        '/api/reports/annual',
        '/api/reports/annual/pdf',
        '/api/reports/annual/xlsx',
        '/api/inbox',
        '/api/views/districts/:unit_id',
        '/api/views/units/:unit_id',
        '/api/views/city',
        '/api/incidents/:id/assignment',
        '/api/incidents',
        '/api/problems',
        '/api/measures',
        '/api/requests',
        '/api/agreements',
        '/api/situation/meetings/:id',
        '/api/situation/annotations',
        '/api/programme-versions/:id',
        '/api/programme-versions/:id/management-export/csv',
        '/api/programme-versions/:id/management-export/xlsx',
      ]),
    );
  }, 600_000);

  it('serves the cached situation report with the owner unit’s restricted point to its members only, in any order', async () => {
    const { week } = matrixWeeks();
    const restricted = planted.find((p) => p.kind === 'incident' && p.tier === 'restricted')!.id;
    const owner = (await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'unit_editor')).headers;
    const other = callers.find((c) => c.label === 'coordinator')!.headers;
    const points = async (headers: Record<string, string>) =>
      (await app.inject({ url: `/api/situation/report?week=${week}`, headers }))
        .json()
        .points.map((p: { id: string }) => p.id);
    for (const headers of [other, owner, other, owner])
      expect((await points(headers)).includes(restricted)).toBe(headers === owner);
  });
});
