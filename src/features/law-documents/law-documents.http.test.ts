import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { seedStockholm } from '../seed/seed.service.js';

const ORG = { 'x-trygg-organisation': 'stockholm' };
const EAV = 'Enskede-Årsta-Vantör';
type Who = 'admin' | 'coordinator' | 'otherCoordinator' | 'analyst' | 'public';

describeEachEngine('law documents: drafts from the demo, versions, adoption, access, audit, PDF', (getDb) => {
  let app: FastifyInstance;
  let district = '';
  const as: Record<Who, Record<string, string>> = {
    public: ORG,
    admin: {},
    coordinator: {},
    otherCoordinator: {},
    analyst: {},
  };
  const ids = { situation_picture: '', cause_analysis: '', action_plan: '', v2: '' };

  const call = (method: 'GET' | 'POST', url: string, who: Who, payload?: object) =>
    app.inject({ method, url, headers: as[who], ...(payload ? { payload } : {}) });
  const audits = (entityId: string) =>
    getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'entity_type', 'after'])
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    const db = getDb().db;
    const report = await seedStockholm(db, { demoIncidents: 300, demoSeed: 3, police: false, now: new Date() });
    const orgId = report.organisation.id;
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'stockholm' },
      webRoot: null,
    });
    const unit = (name: string) =>
      db
        .selectFrom('units')
        .select('id')
        .where('organisation_id', '=', orgId)
        .where('name', 'like', `${name}%`)
        .where('kind', '=', 'district')
        .executeTakeFirstOrThrow();
    district = (await unit(EAV)).id;
    const farsta = (await unit('Farsta')).id;
    as.admin = (await signedInAs(app, db, orgId, farsta, 'admin', ORG)).headers;
    as.coordinator = (await signedInAs(app, db, orgId, district, 'coordinator', ORG)).headers;
    as.otherCoordinator = (await signedInAs(app, db, orgId, farsta, 'coordinator', ORG)).headers;
    as.analyst = (await signedInAs(app, db, orgId, district, 'analyst', ORG)).headers;
  }, 240_000);
  afterAll(async () => app?.close());

  it("drafts the district's three documents from its problems and measures", async () => {
    const view = (await call('GET', `/api/views/districts/${district}`, 'coordinator')).json();
    expect(view.problems.length).toBeGreaterThan(0);
    for (const kind of ['situation_picture', 'cause_analysis', 'action_plan'] as const) {
      const res = await call('POST', '/api/law-documents', 'coordinator', { kind, district_id: district });
      expect(res.statusCode).toBe(201);
      const doc = res.json();
      expect([doc.version, doc.status, doc.title]).toEqual([1, 'draft', expect.stringMatching(new RegExp(`${EAV}$`))]);
      expect(doc.sections.map((s: { number: string }) => s.number)[0]).toBe('1');
      ids[kind] = doc.id;
    }
    const analysis = (await call('GET', `/api/law-document-versions/${ids.cause_analysis}`, 'analyst')).json();
    const headings = analysis.sections.map((s: { heading: string }) => s.heading);
    for (const p of view.problems) expect(headings).toContain(p.title);
    const plan = (await call('GET', `/api/law-document-versions/${ids.action_plan}`, 'analyst')).json();
    const text = plan.sections.map((s: { body: string }) => s.body).join('\n');
    // Baselines in words with Swedish dates, never a date range mistaken for a phone number.
    expect(text).toMatch(/Nollmätning \d{1,2} [a-zåäö]+ \d{4} – \d{1,2} [a-zåäö]+ \d{4}: \d+ händelser/);
    expect(text).not.toMatch(/\[telefon\]|\d{4}-\d{2}-\d{2}/);
    for (const m of view.measures) {
      expect(text).toContain(m.title);
      expect(text).toContain(m.responsible_unit.name);
    }
    const picture = (await call('GET', `/api/law-document-versions/${ids.situation_picture}`, 'analyst')).json();
    expect(picture.sections.map((s: { heading: string }) => s.heading)).toContain('Händelser per kategori');
    const byCategory = picture.sections[1].figures;
    expect(byCategory.columns.map((c: { title: string }) => c.title)).toEqual([
      'Kategori',
      'Senaste året',
      'Året före',
      'Förändring',
    ]);
    const total = byCategory.rows.at(-1);
    expect(total[0]).toBe('Totalt');
    const sum = (col: number) =>
      byCategory.rows.slice(0, -1).reduce((s: number, r: string[]) => s + Number(r[col]!.replace(/\s/g, '')), 0);
    expect([Number(total[1].replace(/\s/g, '')), Number(total[2].replace(/\s/g, ''))]).toEqual([sum(1), sum(2)]);
    expect(sum(1)).toBeGreaterThan(0);
  });

  it("refuses another district's coordinator, the city's documents to a coordinator, and the public's writes", async () => {
    const other = await call('POST', '/api/law-documents', 'otherCoordinator', {
      kind: 'cause_analysis',
      district_id: district,
    });
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await call('POST', '/api/law-documents', 'coordinator', { kind: 'action_plan' })).statusCode).toBe(403);
    expect(
      (
        await call('POST', `/api/law-document-versions/${ids.action_plan}/status`, 'otherCoordinator', {
          status: 'adopted',
          decision_ref: 'SDN 2026/1',
          adopted_on: '2026-12-01',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/api/law-documents', 'analyst', { kind: 'action_plan', district_id: district })).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/api/law-documents', 'public', { kind: 'action_plan', district_id: district })).statusCode,
    ).toBe(401);
  });

  it('saves an edit as a new version, redacted, adopts it, and refuses adopting it twice', async () => {
    const edit = await call('POST', `/api/law-document-versions/${ids.action_plan}/revisions`, 'coordinator', {
      sections: [{ position: 0, body: 'Planen samordnas av samordnaren (19121212-1212), med polisen.' }],
    });
    expect(edit.statusCode).toBe(201);
    const v2 = edit.json();
    expect([v2.version, v2.based_on, v2.status]).toEqual([2, 1, 'draft']);
    expect(v2.sections[0].body).not.toContain('19121212-1212');
    const adopt = (id: string, who: Who = 'coordinator') =>
      call('POST', `/api/law-document-versions/${id}/status`, who, {
        status: 'adopted',
        decision_ref: 'SDN 2026/77',
        adopted_on: '2026-12-03',
      });
    expect((await adopt(v2.id)).json().status).toBe('adopted');
    const again = await adopt(v2.id);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    // Adopting v1 afterwards replaces v2, the version in force until then.
    expect((await adopt(ids.action_plan, 'admin')).statusCode).toBe(200);
    expect((await call('GET', `/api/law-document-versions/${v2.id}`, 'analyst')).json().status).toBe('replaced');
    ids.v2 = v2.id;
    expect((await audits(v2.id)).map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect((await audits(ids.action_plan)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('shows the public adopted versions only', async () => {
    const list = (await call('GET', `/api/law-documents?district_id=${district}`, 'public')).json();
    expect(list.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([[ids.action_plan, 'adopted']]);
    expect((await call('GET', `/api/law-document-versions/${ids.cause_analysis}`, 'public')).statusCode).toBe(404);
    expect((await call('GET', `/api/law-document-versions/${ids.v2}/pdf`, 'public')).statusCode).toBe(404);
    const staff = (await call('GET', `/api/law-documents?district_id=${district}`, 'analyst')).json();
    expect(staff).toHaveLength(4);
  });

  it("keeps a section's table of figures through an edit of its text, and prints it as a table", async () => {
    const edit = await call('POST', `/api/law-document-versions/${ids.situation_picture}/revisions`, 'coordinator', {
      sections: [{ position: 1, body: 'Klotter är den vanligaste kategorin, som året före.' }],
    });
    expect(edit.statusCode).toBe(201);
    const [before, after] = [
      (await call('GET', `/api/law-document-versions/${ids.situation_picture}`, 'analyst')).json().sections[1],
      edit.json().sections[1],
    ];
    expect(after.body).toBe('Klotter är den vanligaste kategorin, som året före.');
    expect(after.figures).toEqual(before.figures);
    const pdf = await call('GET', `/api/law-document-versions/${edit.json().id}/pdf`, 'analyst');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.rawPayload }).toString();
    const [category, now, then] = before.figures.rows[0];
    expect(text).toMatch(/Kategori\s+Senaste året\s+Året före\s+Förändring/);
    expect(text).toMatch(new RegExp(`${category}\\s+${now}\\s+${then}`));
    expect(text).toMatch(/Totalt\s+[\d ]+\s+[\d ]+/);
  });

  it('exports a PDF in Swedish with numbered headings, page numbers, the decision and no ids or field names', async () => {
    const pdf = await call('GET', `/api/law-document-versions/${ids.action_plan}/pdf`, 'public');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString();
    for (const s of [
      `Åtgärdsplan ${EAV}`,
      '1. Inledning',
      '2. ',
      'Sida 1 av',
      'SDN 2026/77',
      '3 december 2026',
      'Ansvarig:',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/\b(district_id|decision_ref|adopted_on|action_plan|status)\b/);
  });

  it('leaves restricted problems and measures out of a draft, since an adopted document is public', async () => {
    const view = (await call('GET', `/api/views/districts/${district}`, 'coordinator')).json();
    const [problem, measure] = [view.problems[0], view.measures[0]];
    const db = getDb().db;
    await db.updateTable('problems').set({ confidentiality: 'restricted' }).where('id', '=', problem.id).execute();
    await db.updateTable('measures').set({ confidentiality: 'restricted' }).where('id', '=', measure.id).execute();
    try {
      const draft = async (kind: string) =>
        (await call('POST', '/api/law-documents', 'coordinator', { kind, district_id: district })).json();
      const analysis = await draft('cause_analysis');
      expect(analysis.sections.map((s: { heading: string }) => s.heading)).not.toContain(problem.title);
      const plan = await draft('action_plan');
      const text = plan.sections.map((s: { heading: string; body: string }) => `${s.heading}\n${s.body}`).join('\n');
      expect(text).not.toContain(measure.title);
      expect(text).not.toContain(problem.title);
    } finally {
      await db
        .updateTable('problems')
        .set({ confidentiality: problem.confidentiality })
        .where('id', '=', problem.id)
        .execute();
      await db
        .updateTable('measures')
        .set({ confidentiality: measure.confidentiality })
        .where('id', '=', measure.id)
        .execute();
    }
  });
});
