import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnnualReport, annualHeadline } from '../../domain/annual.js';
import {
  indicatorChangeText,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  REQUEST_STATUS_LABELS,
} from '../../domain/labels.js';
import { RATING_LABELS, type SituationReport } from '../../domain/situation.js';
import { buildApp } from '../../server/app.js';
import { sv } from '../../web/i18n/sv.js';
import {
  createTestOrganisation,
  createTestUnit,
  type TestOrganisation,
  testContext,
} from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident } from '../incidents/incidents.service.js';
import { changeMeasureStatus, createMeasure, recordFollowup } from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';
import { answerRequest, createRequest } from '../requests/requests.service.js';

/**
 * The web page, the PDF and the Excel file of one report show the same figures and the same words: the web's
 * words are its Swedish texts (src/web/i18n) over the API payload it renders, and the PDF's text and the
 * workbook's cells must carry each of them — one label per code, one rounding of each rate.
 */
type Sheets = Map<string, unknown[][]>;

async function workbook(body: Buffer): Promise<Sheets> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheets: Sheets = new Map();
  book.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(ws.name, rows);
  });
  return sheets;
}

/** The PDF's lines as laid out on the page, every run of white space one space: a table row is one line. */
const pdfText = (body: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: body })
    .toString()
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .join('\n');

/** A figure as the web shows it in Swedish (use-format.ts: Intl.NumberFormat of the language). */
const webNumber = (n: number) => new Intl.NumberFormat('sv-SE').format(n);

/** The text contains the words as a whole (not as the start of a longer number or word). */
const hasWhole = (text: string, words: string) =>
  new RegExp(`(?<![\\p{L}\\d,])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d]|,\\d)`, 'u').test(text);

describe('one label per code', () => {
  it('gives every measure type, measure status and request status a label of its own, and the web uses the same table', () => {
    for (const [name, table, web] of [
      ['measure type', MEASURE_TYPE_LABELS, sv.programme.measureTypes],
      ['measure status', MEASURE_STATUS_LABELS, sv.programme.measureStatus],
      ['request status', REQUEST_STATUS_LABELS, sv.programme.requestStatus],
    ] as const) {
      const labels = Object.values(table).map((l) => l.sv);
      expect(new Set(labels).size, name).toBe(labels.length);
      expect(web, name).toEqual(Object.fromEntries(Object.entries(table).map(([code, l]) => [code, l.sv])));
    }
  });
});

describeEachEngine('the web, the PDF and the Excel file of a report show the same numbers and words', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let headers: Record<string, string>;
  const year = new Date().getFullYear();
  const get = async (url: string) => {
    const res = await app.inject({ url, headers });
    expect(res.statusCode, url).toBe(200);
    return res;
  };

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'samma');
    const ctx = testContext(db, org.organisation);
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'samma' },
      webRoot: null,
    });
    headers = (
      await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', { 'x-trygg-organisation': 'samma' })
    ).headers;
    // 7 incidents in the week in each neighbourhood: 2.5 per 1,000 in Söderby and 2.333… in Norrby, rates each renderer could round its own way.
    await db
      .insertInto('area_populations')
      .values([
        {
          organisation_id: org.organisation.id,
          area_code: 'south',
          level: 'neighbourhood',
          year: 2025,
          population: 2800,
          source: null,
        },
        {
          organisation_id: org.organisation.id,
          area_code: 'north',
          level: 'neighbourhood',
          year: 2025,
          population: 3000,
          source: null,
        },
      ])
      .execute();
    for (let i = 0; i < 7; i++) {
      await createIncident(ctx, {
        occurred_at: `2026-10-0${(i % 4) + 1}T1${i}:00:00+02:00`,
        category: 'nedskrapning',
        lon: 18.02,
        lat: 59.36 + i * 0.001,
        precision: 'exact',
        source: 'staff',
      });
    }
    for (const at of [
      '2026-09-28T21:00:00+02:00',
      '2026-09-29T22:00:00+02:00',
      '2026-09-30T12:00:00+02:00',
      '2026-10-01T23:00:00+02:00',
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
    }
    for (const at of [
      '2026-09-29T20:00:00+02:00',
      '2026-10-02T01:00:00+02:00',
      '2026-10-03T14:00:00+02:00',
      '2026-09-22T21:00:00+02:00',
    ]) {
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
    const types = ['situational', 'social', 'staffing'] as const;
    for (const [i, type] of types.entries()) {
      const measure = await createMeasure(ctx, {
        problem_ids: [problem.id],
        responsible_unit_id: org.unitId,
        contributing_unit_ids: [],
        place_ids: [],
        title: `Åtgärd nummer ${i + 1}`,
        type,
        target_groups: [],
        followup_dates: [`${year}-01-15`],
        components: [],
      });
      await changeMeasureStatus(ctx, measure.id, 'ongoing');
      if (i === 0)
        await recordFollowup(ctx, measure.id, measure.followups[0]!.id, {
          what_was_done: 'Lampor bytta',
          assessment: 'improved',
        });
      if (i === 2) await changeMeasureStatus(ctx, measure.id, 'done');
    }
    const other = await createTestUnit(db, org.organisation.id, 'kultur', 'specialist');
    const request = await createRequest(ctx, {
      from_unit_id: org.unitId,
      to_unit_id: other,
      problem_id: problem.id,
      what: 'Belysning',
      due_date: `${year}-02-01`,
    });
    await answerRequest(ctx, request.id, 'delivered', 'Klart');
  }, 120_000);
  afterAll(async () => app.close());

  it("annual report: the headline, each measure's type and status, each indicator's change and outcome, each answer", async () => {
    const query = `scope=district&unit_id=${org.unitId}&year=${year}`;
    const report = (await get(`/api/reports/annual?${query}`)).json() as AnnualReport;
    const pdf = pdfText((await get(`/api/reports/annual/pdf?${query}`)).rawPayload);
    const xlsx = await workbook((await get(`/api/reports/annual/xlsx?${query}`)).rawPayload);
    expect(report.measures.length).toBeGreaterThanOrEqual(3);
    expect(report.indicators.length).toBeGreaterThanOrEqual(1);

    for (const [key, n] of annualHeadline(report.totals)) {
      const label = sv.annual.headline[key];
      expect(hasWhole(pdf, `${label} ${webNumber(n)}`), `PDF: ${label} ${n}`).toBe(true);
      expect(xlsx.get('Sammanfattning'), `Excel: ${label}`).toContainEqual([label, n]);
    }
    for (const m of report.measures) {
      const [type, status] = [sv.programme.measureTypes[m.type], sv.programme.measureStatus[m.status]];
      expect(hasWhole(pdf, `${m.title} ${type} ${status}`), `PDF: ${m.title}`).toBe(true);
      expect(
        xlsx
          .get('Åtgärder')!
          .find((row) => row[0] === m.title)
          ?.slice(1, 3),
        `Excel: ${m.title}`,
      ).toEqual([type, status]);
    }
    for (const i of report.indicators) {
      const [change, outcome] = [
        indicatorChangeText(i.change, i.change_percent, 'sv'),
        sv.programme.indicatorOutcomes[i.outcome],
      ];
      expect(
        hasWhole(pdf, `${webNumber(i.baseline)} ${webNumber(i.value)} ${change} ${outcome}`),
        `PDF: ${i.measure.name}`,
      ).toBe(true);
      const row = xlsx.get('Indikatorer')!.find((r) => r[0] === i.measure.name)!;
      expect(row.slice(3, 7)).toEqual([i.baseline, i.value, i.change, i.change_percent ?? undefined]);
      expect(row[8]).toBe(outcome);
    }
    for (const q of report.requests) {
      const answer = sv.programme.requestStatus[q.status];
      expect(hasWhole(pdf, answer), `PDF: ${answer}`).toBe(true);
      expect(xlsx.get('Begäranden')!.map((r) => r[2])).toContain(answer);
    }
  }, 60_000);

  it("situation report: each neighbourhood's count, rate per 1,000 (rounded once) and proposed rating", async () => {
    const query = 'week=2026-W40';
    const report = (await get(`/api/situation/report?${query}`)).json() as SituationReport;
    const pdf = pdfText((await get(`/api/situation/report/pdf?${query}`)).rawPayload);
    const xlsx = await workbook((await get(`/api/situation/report/xlsx?${query}`)).rawPayload);
    expect(report.neighbourhoods.map((n) => [n.code, n.count])).toEqual(
      expect.arrayContaining([
        ['south', 7],
        ['north', 7],
      ]),
    );

    for (const n of report.neighbourhoods) {
      // As the web's neighbourhood table shows it (SituationPage.tsx).
      const rate = n.rate_per_1000 ? webNumber(n.rate_per_1000.rate) : '–';
      const proposed = RATING_LABELS[n.rating.proposed].sv;
      expect(hasWhole(pdf, `${n.name} ${webNumber(n.count)}`), `PDF: ${n.name} ${n.count}`).toBe(true);
      expect(
        hasWhole(pdf, `${rate} (${n.rate_per_1000?.population_year ?? ''}`) || (!n.rate_per_1000 && pdf.includes('–')),
        `PDF: rate ${rate}`,
      ).toBe(true);
      expect(pdf, `PDF: ${proposed}`).toContain(proposed);
      const sheet = xlsx.get('Stadsdelar')!;
      const col = (title: string) => sheet[0]!.indexOf(title);
      const row = sheet.find((r) => r[0] === n.name)!;
      expect([row[col('Antal')], row[col('Per 1000 inv.')], row[col('Föreslagen bedömning')]]).toEqual([
        n.count,
        n.rate_per_1000?.rate ?? undefined,
        proposed,
      ]);
      // The workbook holds the figure the page shows, not more decimals of it.
      if (n.rate_per_1000) expect(webNumber(row[col('Per 1000 inv.')] as number)).toBe(rate);
    }
    expect(
      hasWhole(pdf, `Händelser ${webNumber(report.totals.count)}`) || hasWhole(pdf, webNumber(report.totals.count)),
      'PDF: total',
    ).toBe(true);
    expect(xlsx.get('Översikt')).toContainEqual(['Händelser', report.totals.count]);
  }, 60_000);
});
