import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, today } from '../../domain/calendar/index.js';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident } from '../incidents/incidents.service.js';
import { changeMeasureStatus, createMeasure, recordFollowup } from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';
import { answerRequest, createRequest } from '../requests/requests.service.js';
import { ranInYear } from './annual.service.js';

const YEAR = Number(today(DEFAULT_TIME_ZONE).slice(0, 4));

describeEachEngine('annual follow-up report per unit and district', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let culture = '';
  const as = {} as Record<'coordinator' | 'partner', Record<string, string>>;
  const ids = {} as Record<'problem' | 'run' | 'planned', string>;
  const get = (url: string, headers: Record<string, string> = as.coordinator) => app.inject({ url, headers });

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'arsrapport');
    const ctx = testContext(db, org.organisation);
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'arsrapport' },
      webRoot: null,
    });
    culture = (
      await db
        .insertInto('units')
        .values({
          organisation_id: org.organisation.id,
          slug: 'kultur',
          name: 'Kultur',
          name_en: null,
          kind: 'specialist',
          valid_from: null,
          valid_to: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    for (const at of [
      '2026-01-05T21:00:00+01:00',
      '2026-01-12T21:00:00+01:00',
      '2026-01-19T21:00:00+01:00',
      '2026-03-15T21:00:00+01:00',
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
    ids.problem = (
      await createProblem(ctx, {
        owner_unit_id: org.unitId,
        place_ids: [org.placeId],
        title: 'Klotter vid biblioteket',
        statement: 's',
        categories: ['klotter'],
        affected: [],
        evidence: [],
        baseline: { from: '2026-01-01', to: '2026-01-31', direction: 'lower' },
      })
    ).id;
    const measure = (title: string) =>
      createMeasure(ctx, {
        problem_ids: [ids.problem],
        responsible_unit_id: culture,
        contributing_unit_ids: [],
        place_ids: [],
        title,
        type: 'situational',
        target_groups: [],
        followup_dates: ['2026-03-31'],
        components: [],
      });
    const run = await measure('Ny belysning');
    ids.run = run.id;
    await changeMeasureStatus(ctx, run.id, 'ongoing');
    await recordFollowup(ctx, run.id, run.followups[0]!.id, { what_was_done: 'Lampor bytta', assessment: 'improved' });
    ids.planned = (await measure('Bara planerad')).id;
    const request = await createRequest(ctx, {
      from_unit_id: org.unitId,
      to_unit_id: culture,
      problem_id: ids.problem,
      what: 'Belysning',
      due_date: '2026-02-01',
    });
    await answerRequest(ctx, request.id, 'delivered', 'Klart');
    await createRequest(ctx, {
      from_unit_id: org.unitId,
      to_unit_id: culture,
      problem_id: ids.problem,
      what: 'Obesvarad',
      due_date: '2026-02-01',
    });
    as.coordinator = (
      await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', {
        'x-trygg-organisation': 'arsrapport',
      })
    ).headers;
    as.partner = (
      await signedInAs(app, db, org.organisation.id, org.unitId, 'partner_viewer', {
        'x-trygg-organisation': 'arsrapport',
      })
    ).headers;
  }, 120_000);
  afterAll(async () => app.close());

  it('counts what ran, what it was aimed at, how the indicator changed and which requests were answered', async () => {
    for (const url of [
      `/api/reports/annual?scope=unit&unit_id=${culture}&year=${YEAR}`,
      `/api/reports/annual?scope=district&unit_id=${org.unitId}&year=${YEAR}`,
    ]) {
      const report = (await get(url)).json();
      expect(report.totals).toEqual({
        measures: 1,
        measures_by_status: { planned: 0, ongoing: 1, done: 0, stopped: 0 },
        problems: 1,
        followups_recorded: 1,
        indicators: { better: 1, unchanged: 0, worse: 0 },
        requests_answered: 1,
      });
      expect(report.measures.map((m: { id: string }) => m.id)).toEqual([ids.run]);
      expect(report.problems).toEqual([{ id: ids.problem, name: 'Klotter vid biblioteket', measures: 1 }]);
      expect(report.indicators).toEqual([
        expect.objectContaining({
          measure: { id: ids.run, name: 'Ny belysning' },
          baseline: 3,
          value: 1,
          change: -2,
          change_percent: -67,
          direction: 'lower',
          outcome: 'better',
          assessment: 'improved',
        }),
      ]);
      expect(report.requests).toEqual([
        expect.objectContaining({ status: 'delivered', to_unit: { id: culture, name: 'Kultur' } }),
      ]);
    }
    expect(
      (await get(`/api/reports/annual?scope=unit&unit_id=${culture}&year=${YEAR - 1}`)).json().totals.measures,
    ).toBe(0);
  });

  it('decides what ran in a year from status, period and follow-ups', () => {
    const m = { status: 'done' as const, period_start: '2025-03-01', period_end: '2025-12-01', followups: [] };
    expect([
      ranInYear(m, 2025, '2026-06-01'),
      ranInYear(m, 2026, '2026-06-01'),
      ranInYear({ ...m, status: 'planned' }, 2025, '2026-06-01'),
    ]).toEqual([true, false, false]);
    const open = { ...m, status: 'ongoing' as const, period_start: null, period_end: null };
    expect([ranInYear(open, 2025, '2026-06-01'), ranInYear(open, 2026, '2026-06-01')]).toEqual([false, true]);
  });

  it('exports PDF and Excel, and refuses partners and the anonymous', async () => {
    const query = `scope=district&unit_id=${org.unitId}&year=${YEAR}`;
    const pdf = await get(`/api/reports/annual/pdf?${query}`);
    expect([pdf.headers['content-type'], pdf.rawPayload.subarray(0, 4).toString()]).toEqual([
      'application/pdf',
      '%PDF',
    ]);
    const xlsx = await get(`/api/reports/annual/xlsx?${query}`);
    expect([xlsx.rawPayload.subarray(0, 2).toString(), xlsx.headers['content-disposition']]).toEqual([
      'PK',
      `attachment; filename="arsuppfoljning-district-${YEAR}.xlsx"`,
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    // Codes are written out in Swedish for the committee, not left as the API's English enum values.
    expect(book.getWorksheet('Åtgärder')!.getRow(2).getCell(2).value).toBe('Situationell/fysisk (CPTED)');
    expect(book.getWorksheet('Indikatorer')!.getRow(2).getCell(3).value).toBe('Förbättrat');
    expect((await get(`/api/reports/annual?${query}`, as.partner)).statusCode).toBe(403);
    expect((await get(`/api/reports/annual?${query}`, {})).statusCode).toBe(401);
  });
});
