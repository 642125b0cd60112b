import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MASKED } from '../../domain/records.js';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'diariet' };

describeEachEngine('records requests: release with restricted fields masked, logged and audited', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as = {} as Record<'admin' | 'coordinator', Record<string, string>>;
  const problems = { open: '', secret: '' };
  let measure = '';

  const call = (method: 'GET' | 'POST', url: string, who: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'diariet');
    app = await buildApp({ db, engine: getDb().engine, config: { bodyLimit: 65_536, defaultOrganisation: 'diariet' }, webRoot: null });
    as.admin = (await signedInAs(app, db, org.organisation.id, org.unitId, 'admin', ORG)).headers;
    as.coordinator = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', ORG)).headers;
    const problem = async (title: string, statement: string, confidentiality: string) => {
      const res = await call('POST', '/api/problems', as.coordinator, { owner_unit_id: org.unitId, area_id: org.areas.south, title, statement, categories: ['klotter'], confidentiality });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    problems.open = await problem('=HYPERLINK("http://evil.example","klicka")', "Robert'); DROP TABLE problems;-- klottrar vid entrén", 'municipal');
    problems.secret = await problem('Skalskydd vid rådhuset', 'Kameror saknas på baksidan, larmet går till väktarbolaget', 'restricted');
    const m = await call('POST', '/api/measures', as.coordinator, {
      problem_ids: [problems.open], responsible_unit_id: org.unitId, title: 'Bättre belysning', type: 'situational',
      components: [{ title: 'Nya armaturer', type: 'situational' }, { title: 'Larmrutiner', type: 'surveillance', confidentiality: 'restricted' }],
    });
    expect(m.statusCode).toBe(201);
    measure = m.json().id;
  }, 120_000);
  afterAll(async () => app.close());

  it('only admins (registrars) may release records or read the log', async () => {
    const body = { request_ref: 'KS 2026/1', recipient: 'Journalist', type: 'problem', ids: [problems.open] };
    expect((await call('POST', '/api/records/releases', as.coordinator, body)).statusCode).toBe(403);
    expect((await call('GET', '/api/records/releases', as.coordinator)).statusCode).toBe(403);
  });

  it('releases requested problems as JSON: restricted fields masked, lower tiers and injection strings as stored', async () => {
    const res = await call('POST', '/api/records/releases', as.admin, { request_ref: 'KS 2026/17', recipient: 'Sveriges Radio', type: 'problem', ids: [problems.open, problems.secret] });
    expect(res.statusCode).toBe(201);
    const { release, records } = res.json();
    const byId = new Map(records.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(problems.open)).toMatchObject({
      confidentiality: 'municipal', masked: [],
      fields: { title: '=HYPERLINK("http://evil.example","klicka")', statement: "Robert'); DROP TABLE problems;-- klottrar vid entrén", stage: 'scanning' },
    });
    expect(byId.get(problems.secret)).toMatchObject({ confidentiality: 'restricted', masked: ['title', 'statement'], fields: { title: MASKED, statement: MASKED, stage: 'scanning' } });
    expect(JSON.stringify(records)).not.toContain('Kameror');
    expect(release).toMatchObject({ request_ref: 'KS 2026/17', recipient: 'Sveriges Radio', record_type: 'problem', format: 'json', masked: [{ id: problems.secret, fields: ['title', 'statement'] }] });
    expect([...release.record_ids].sort()).toEqual([problems.open, problems.secret].sort());

    const log = (await call('GET', '/api/records/releases?request_ref=KS%202026%2F17', as.admin)).json();
    expect(log).toEqual([release]);
    const audit = await getDb().db.selectFrom('audit_events').selectAll().where('entity_type', '=', 'records_release').where('entity_id', '=', release.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'export', after: { request_ref: 'KS 2026/17', records: 2, masked_records: 1 } });
  });

  it('masks a restricted component of a measure one by one', async () => {
    const res = await call('POST', '/api/records/releases', as.admin, { request_ref: 'KS 2026/18', recipient: 'Granne', type: 'measure', ids: [measure] });
    const [record] = res.json().records;
    expect(record.masked).toEqual(['components.2']);
    expect(record.fields.components).toBe(`1. Nya armaturer (Situationell/fysisk (CPTED), Planerad)\n2. ${MASKED}`);
  });

  it('selects by filter; refuses unknown ids and empty results without logging anything', async () => {
    const before = (await call('GET', '/api/records/releases', as.admin)).json().length;
    const unknown = await call('POST', '/api/records/releases', as.admin, { request_ref: 'X', recipient: 'Y', type: 'problem', ids: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ code: 'unknown_record', value: '00000000-0000-4000-8000-000000000000' });
    const none = await call('POST', '/api/records/releases', as.admin, { request_ref: 'X', recipient: 'Y', type: 'meeting', filter: { from: '2026-01-01' } });
    expect(none.statusCode).toBe(404);
    const both = await call('POST', '/api/records/releases', as.admin, { request_ref: 'X', recipient: 'Y', type: 'problem', ids: [problems.open], filter: {} });
    expect(both.statusCode).toBe(400);
    expect((await call('GET', '/api/records/releases', as.admin)).json().length).toBe(before);
    const filtered = await call('POST', '/api/records/releases', as.admin, { request_ref: 'KS 2026/19', recipient: 'Y', type: 'problem', filter: { unit_id: org.unitId } });
    expect(filtered.json().records).toHaveLength(2);
  });

  it('exports Excel with formulas defused and a PDF; the release log cannot be altered', async () => {
    const xlsx = await call('POST', '/api/records/releases', as.admin, { request_ref: 'KS 2026/20', recipient: 'Y', type: 'problem', ids: [problems.open, problems.secret], format: 'xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const cells = book.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","klicka")`);
    expect(book.worksheets[0]!.getSheetValues().flat().some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(cells).not.toContain('Skalskydd vid rådhuset');
    const pdf = await call('POST', '/api/records/releases', as.admin, { request_ref: 'KS 2026/21', recipient: 'Y', type: 'problem', ids: [problems.secret], format: 'pdf' });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['x-release-id']).toMatch(/^[0-9a-f-]{36}$/);
    await expect(sql`UPDATE records_releases SET recipient = 'någon annan'`.execute(getDb().db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM records_releases`.execute(getDb().db)).rejects.toThrow(/append-only/);
  });
});
