import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import {
  createTestOrganisation,
  createTestUnit,
  type TestOrganisation,
  testContext,
} from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { ConfidentialitySchema } from '../../domain/confidentiality.js';
import { ClosureReasonSchema, PrecisionSchema, SourceSchema, StatusSchema } from '../../domain/incidents.js';
import { FollowupAssessmentSchema, MeasureStatusSchema, MeasureTypeSchema } from '../../domain/measures.js';
import { PLACE_TYPES, PlaceSettingSchema } from '../../domain/org.js';
import { ProblemStageSchema } from '../../domain/problems.js';
import { QualityCheckSchema } from '../../domain/quality.js';
import { RequestStatusSchema } from '../../domain/requests.js';
import { AnnotationKindSchema, GiClassSchema } from '../../domain/situation.js';
import { createIncident } from '../incidents/incidents.service.js';
import { changeMeasureStatus, createMeasure, recordFollowup } from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';
import { answerRequest, createRequest } from '../requests/requests.service.js';

// Enum values that are also ordinary Swedish words (Social, Information, Park, Station, Museum) are left out:
// a label may be the same word. Everything else must never reach a document as its code.
const SWEDISH_WORDS = new Set(['social', 'information', 'park', 'station', 'museum', 'import', 'demo', 'partner']);
const CODES = [
  MeasureTypeSchema,
  MeasureStatusSchema,
  RequestStatusSchema,
  FollowupAssessmentSchema,
  PrecisionSchema,
  SourceSchema,
  StatusSchema,
  ClosureReasonSchema,
  PlaceSettingSchema,
  ProblemStageSchema,
  QualityCheckSchema,
  ConfidentialitySchema,
  AnnotationKindSchema,
  GiClassSchema,
]
  .flatMap((s) => s.options as readonly string[])
  .concat(PLACE_TYPES)
  .filter((c) => !SWEDISH_WORDS.has(c));

/** Code-like tokens in a document's text: enum codes, snake_case names, UUIDs, H3 cell ids, UTC/ISO timestamps. */
export function codeLikeTokens(text: string): string[] {
  const found = [
    ...CODES.filter((c) => new RegExp(`(?<![\\p{L}\\d_])${c}(?![\\p{L}\\d_])`, 'u').test(text)),
    ...(text.match(/\b[a-z]+(?:_[a-z0-9]+)+\b/g) ?? []),
    ...(text.match(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi) ?? []),
    ...(text.match(/(?<![.,\d])\b8[0-9a-f]{14}\b/g) ?? []),
    ...(text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g) ?? []),
    ...(text.match(/\b(?:TRUE|FALSE|true|false)\b/g) ?? []),
  ];
  return [...new Set(found)];
}

async function xlsxText(body: Buffer): Promise<{ text: string; headers: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  const headers: string[] = [];
  book.eachSheet((ws) => {
    cells.push(ws.name);
    ws.eachRow((row, n) =>
      row.eachCell((c) => {
        const v = typeof c.value === 'object' && c.value instanceof Date ? c.value.toISOString() : String(c.value);
        cells.push(v);
        if (n === 1) headers.push(v);
      }),
    );
  });
  return { text: cells.join('\n'), headers };
}

const pdfText = (body: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: body }).toString();

describeEachEngine('every PDF and Excel document is Swedish with labels: no codes, ids or UTC times', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const as = {} as Record<'coordinator' | 'admin', Record<string, string>>;
  const ids = {} as Record<'measure', string>;
  const documents: Array<{ name: string; body: () => Promise<Buffer> }> = [];
  const year = new Date().getFullYear();

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'dokument');
    const ctx = testContext(db, org.organisation);
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'dokument' },
      webRoot: null,
    });
    const headers = { 'x-trygg-organisation': 'dokument' };
    as.coordinator = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', headers)).headers;
    as.admin = (await signedInAs(app, db, org.organisation.id, org.unitId, 'admin', headers)).headers;
    for (const at of [
      '2026-09-28T21:00:00+02:00',
      '2026-09-29T22:00:00+02:00',
      '2026-09-30T12:00:00+02:00',
      '2026-10-01T23:00:00+02:00',
      '2026-09-22T21:00:00+02:00',
    ]) {
      await createIncident(ctx, {
        occurred_at: at,
        category: 'klotter',
        lon: 18.02,
        lat: 59.27,
        precision: 'place',
        place_id: org.placeId,
        source: 'staff',
      });
      await createIncident(ctx, {
        occurred_at: at,
        category: 'ordningsstorning',
        lon: 18.021,
        lat: 59.271,
        precision: 'exact',
        source: 'resident',
      });
    }
    const problem = await createProblem(ctx, {
      owner_unit_id: org.unitId,
      place_ids: [org.placeId],
      title: 'Klotter vid biblioteket',
      statement: 's',
      categories: ['klotter'],
      affected: [],
      evidence: [],
      baseline: { from: '2026-09-01', to: '2026-09-27', direction: 'lower' },
    });
    const measure = await createMeasure(ctx, {
      problem_ids: [problem.id],
      responsible_unit_id: org.unitId,
      contributing_unit_ids: [],
      place_ids: [],
      title: 'Ny belysning',
      type: 'situational',
      target_groups: [],
      followup_dates: [`${year}-01-15`],
      components: [{ title: 'Lampor', type: 'situational' }],
    });
    ids.measure = measure.id;
    await changeMeasureStatus(ctx, measure.id, 'ongoing');
    await recordFollowup(ctx, measure.id, measure.followups[0]!.id, {
      what_was_done: 'Lampor bytta',
      assessment: 'improved',
    });
    const other = await createTestUnit(db, org.organisation.id, 'kultur', 'specialist');
    const request = await createRequest(ctx, {
      from_unit_id: org.unitId,
      to_unit_id: other,
      problem_id: problem.id,
      what: 'Belysning',
      due_date: '2026-02-01',
    });
    await answerRequest(ctx, request.id, 'delivered', 'Klart');
    await createRequest(ctx, {
      from_unit_id: org.unitId,
      to_unit_id: other,
      problem_id: problem.id,
      what: 'Obesvarad',
      due_date: '2026-02-01',
    });

    const get = (url: string) => async () => {
      const res = await app.inject({ url, headers: as.coordinator });
      expect(res.statusCode, url).toBe(200);
      return res.rawPayload;
    };
    /** A release as an officer makes it: a draft, every open mark masked under a ground, then the document. */
    const release = (format: 'pdf' | 'xlsx', type: string, ref: string) => async () => {
      const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: as.admin, payload });
      const draft = await post('/api/records/drafts', { request_ref: ref, recipient: 'Y', type, filter: {}, format });
      expect(draft.statusCode, draft.body).toBe(201);
      const { id, marks } = draft.json() as { id: string; marks: Array<{ id: string; decision: string | null }> };
      const decisions = marks
        .filter((m) => m.decision === null)
        .map((m) => ({ id: m.id, decision: 'mask', ground: 'osl-21-7' }));
      if (decisions.length) {
        const reviewed = await app.inject({
          method: 'PATCH',
          url: `/api/records/drafts/${id}`,
          headers: as.admin,
          payload: { decisions },
        });
        expect(reviewed.statusCode, reviewed.body).toBe(200);
      }
      const res = await post('/api/records/releases', { draft_id: id });
      expect(res.statusCode, `${type} ${format}`).toBe(200);
      return res.rawPayload;
    };
    // A frozen week with a meeting whose protocol holds units, people, a confirmed rating and an action.
    let meeting: Promise<string> | undefined;
    const meetingId = () =>
      (meeting ??= (async () => {
        const post = (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
          app.inject({ method, url, headers: as.coordinator, payload });
        const rated = await post(
          `/api/situation/districts/${org.areas.southDistrict}/ratings`,
          { week: '2026-W40', ratings: [{ neighbourhood_code: 'south', level: 3, comment: 'Oro vid torget' }] },
          'PUT',
        );
        expect(rated.statusCode, rated.body).toBe(200);
        const frozen = await post('/api/situation/reports', { area_id: org.areas.southDistrict, week: '2026-W40' });
        expect(frozen.statusCode, frozen.body).toBe(201);
        const created = await post(`/api/situation/reports/${frozen.json().report.id}/meeting`, {
          held_at: '2026-10-05T09:30:00+02:00',
          participants: [org.unitId, other],
          attendees: [{ name: 'Eva Lind', unit_id: other }],
          notes: 'Gick igenom veckan.',
          actions: [{ unit_id: other, title: 'Ny belysning vid torget', due_date: '2026-10-19' }],
        });
        expect(created.statusCode, created.body).toBe(201);
        return created.json().id as string;
      })());
    const protocol = (f: 'pdf' | 'xlsx') => async () =>
      get(`/api/situation/meetings/${await meetingId()}/protocol/${f}`)();
    for (const f of ['pdf', 'xlsx'] as const) {
      documents.push(
        { name: `protocol.${f}`, body: protocol(f) },
        {
          name: `annual.${f}`,
          body: get(`/api/reports/annual/${f}?scope=district&unit_id=${org.unitId}&year=${year}`),
        },
        { name: `quality.${f}`, body: get(`/api/quality/${f}?scope=district&unit_id=${org.unitId}`) },
        {
          name: `situation.${f}`,
          body: get(`/api/situation/report/${f}?area_id=${org.areas.southDistrict}&week=2026-W40`),
        },
        { name: `records-incidents.${f}`, body: release(f, 'incident', `KS 2026/${f}1`) },
        { name: `records-measures.${f}`, body: release(f, 'measure', `KS 2026/${f}2`) },
      );
    }
  }, 240_000);
  afterAll(async () => app.close());

  it('finds code-like tokens when they are there', () => {
    expect(
      codeLikeTokens(
        'Typ: situational, 2026-10-01T10:00Z, 891f1d48a2bffff, outdoor, p_exact, 3f2c1a9e-1b2c-4d5e-8f90-123456789abc',
      ),
    ).toHaveLength(6);
    expect(codeLikeTokens('Situationell/fysisk (CPTED), Utomhus, 2026-10-01 12:00, Social, Park')).toEqual([]);
  });

  it('writes no code, field name, id or UTC time into any PDF or Excel file, and no header says Kod or Id', async () => {
    const problems: Record<string, string[]> = {};
    for (const d of documents) {
      const body = await d.body();
      const { text, headers } = d.name.endsWith('.pdf') ? { text: pdfText(body), headers: [] } : await xlsxText(body);
      const bad = [
        ...codeLikeTokens(text),
        ...headers.filter((h) => /^(kod|id|nyckel|code|key)$/i.test(h.trim())).map((h) => `header ${h}`),
      ];
      if (bad.length) problems[d.name] = bad;
    }
    expect(problems).toEqual({});
  }, 120_000);
});
