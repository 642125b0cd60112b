import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, today } from '../../domain/calendar/index.js';
import type { QualityCheck } from '../../domain/quality.js';
import type { ServiceContext } from '../../core/context.js';
import { createTestOrganisation, type TestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createAgreement, reviewAgreement } from '../agreements/agreements.service.js';
import { createIncident } from '../incidents/incidents.service.js';
import { changeMeasureStatus, createMeasure, recordFollowup } from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';
import { answerRequest, createRequest } from '../requests/requests.service.js';
import { exportQualityReport } from './quality.export.js';
import { QUALITY_EXPORT_TEXTS } from './quality.texts.js';
import { getQualityReport } from './quality.service.js';

describeEachEngine('quality report: finds every seeded defect and nothing else', (getDb) => {
  let ctx: ServiceContext;
  let org: TestOrganisation;
  let culture = '';
  const ids: Record<string, string> = {};

  const problem = (title: string, opts: { evidence?: boolean; baseline?: boolean } = {}) =>
    createProblem(ctx, {
      owner_unit_id: org.unitId,
      place_ids: [org.placeId],
      title,
      statement: title,
      categories: ['klotter'],
      affected: [],
      evidence: opts.evidence === false ? [] : [{ kind: 'note', note: 'observerat av personal' }],
      ...(opts.baseline === false
        ? {}
        : { baseline: { from: '2026-01-01', to: '2026-01-31', direction: 'lower' as const } }),
    });
  const measure = (title: string, problemId: string, followupDates: string[] = []) =>
    createMeasure(ctx, {
      problem_ids: [problemId],
      responsible_unit_id: culture,
      contributing_unit_ids: [],
      place_ids: [],
      title,
      type: 'situational',
      target_groups: [],
      followup_dates: followupDates,
      components: [],
    });

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'kvalitet');
    ctx = testContext(db, org.organisation);
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
      '2026-01-10T20:00:00+01:00',
      '2026-03-05T20:00:00+01:00',
      '2026-03-12T20:00:00+01:00',
      '2026-03-19T20:00:00+01:00',
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
    const good = await problem('Bra problem');
    ids.good = good.id;
    await changeMeasureStatus(ctx, (await measure('Bra åtgärd', good.id, ['2099-01-01'])).id, 'ongoing');
    const wrong = await measure('Åtgärd som inte hjälpt', good.id, ['2026-03-31']);
    ids.wrong = wrong.id;
    await recordFollowup(ctx, wrong.id, wrong.followups[0]!.id, { what_was_done: 'vakt', assessment: 'unclear' });
    ids.overdue = (await measure('Åtgärd med sen uppföljning', good.id, ['2026-02-01'])).id;
    ids.noEvidence = (await problem('Utan underlag', { evidence: false })).id;
    await measure('Åtgärd mot problem utan underlag', ids.noEvidence);
    ids.noBaseline = (await problem('Utan nollmätning', { baseline: false })).id;
    ids.noIndicator = (await measure('Åtgärd utan indikator', ids.noBaseline)).id;
    ids.noMeasure = (await problem('Utan åtgärd')).id;
    ids.stopped = (await problem('Bara avbrutna åtgärder')).id;
    await changeMeasureStatus(ctx, (await measure('Avbruten', ids.stopped, ['2026-02-01'])).id, 'stopped');
    ids.request = (
      await createRequest(ctx, {
        from_unit_id: org.unitId,
        to_unit_id: culture,
        problem_id: good.id,
        what: 'Hjälp med belysning',
        due_date: '2026-01-01',
      })
    ).id;
    const answered = await createRequest(ctx, {
      from_unit_id: org.unitId,
      to_unit_id: culture,
      problem_id: good.id,
      what: 'Levererad',
      due_date: '2026-01-01',
    });
    await answerRequest(ctx, answered.id, 'delivered', 'klart');
    const agreement = (title: string) =>
      createAgreement(ctx, {
        district_unit_id: org.unitId,
        partner_unit_id: culture,
        kind: 'citizen_promise',
        title,
        period_start: '2025-01-01',
        period_end: '2099-12-31',
        area_ids: [org.areas.south],
        measure_ids: [],
      });
    ids.agreement = (await agreement('Medborgarlöfte utan omprövning')).id;
    await reviewAgreement(ctx, (await agreement('Omprövat medborgarlöfte')).id, {
      reviewed_on: today(DEFAULT_TIME_ZONE),
      activities: [],
      indicators: [],
    });
  }, 120_000);

  it('reports exactly one item per seeded defect, each linking to what to fix', async () => {
    const report = await getQualityReport(ctx, { scope: 'district', unit_id: org.unitId });
    const found = report.items.map((i) => [
      i.check,
      i.link.entity,
      i.link.entity === 'followup' ? i.parent?.id : i.link.id,
    ]);
    const expected: Array<[QualityCheck, string, string | undefined]> = [
      ['problem_without_evidence', 'problem', ids.noEvidence],
      ['problem_without_baseline', 'problem', ids.noBaseline],
      ['problem_without_measure', 'problem', ids.noMeasure],
      ['problem_only_stopped_measures', 'problem', ids.stopped],
      ['indicator_wrong_way', 'measure', ids.wrong],
      ['followup_overdue', 'followup', ids.overdue],
      ['measure_without_indicator', 'measure', ids.noIndicator],
      ['request_overdue', 'request', ids.request],
      ['agreement_review_overdue', 'agreement', ids.agreement],
    ];
    expect(found.sort()).toEqual([...expected].sort());
    expect(Object.values(report.counts).every((n) => n === 1)).toBe(true);
    expect(report.items.find((i) => i.check === 'indicator_wrong_way')?.detail).toBe('baseline 1, at follow-up 3');
    // A request opens on its problem's page; a follow-up on its measure's.
    expect(report.items.find((i) => i.check === 'request_overdue')?.parent).toEqual({
      entity: 'problem',
      id: ids.good,
    });
    expect(report.items.find((i) => i.check === 'followup_overdue')?.parent).toEqual({
      entity: 'measure',
      id: ids.overdue,
    });
    expect(report.items.find((i) => i.check === 'request_overdue')?.facts).toEqual({
      due_date: '2026-01-01',
      from_unit: 'Södra stadsdelsnämnden',
      status: 'requested',
    });
    expect(report.items.find((i) => i.check === 'indicator_wrong_way')?.facts).toEqual({ baseline: 1, value: 3 });
    expect(report.items.find((i) => i.check === 'problem_only_stopped_measures')?.facts).toEqual({ measures: 1 });
  });

  it('scopes to the unit, the city and another district', async () => {
    expect((await getQualityReport(ctx, { scope: 'city' })).items).toHaveLength(9);
    const unit = await getQualityReport(ctx, { scope: 'unit', unit_id: culture });
    expect(unit.items.map((i) => i.check).sort()).toEqual([
      'agreement_review_overdue',
      'followup_overdue',
      'indicator_wrong_way',
      'measure_without_indicator',
      'request_overdue',
    ]);
    const other = await getDb()
      .db.insertInto('units')
      .values({
        organisation_id: org.organisation.id,
        slug: 'sdn-x',
        name: 'X',
        name_en: null,
        kind: 'district',
        valid_from: null,
        valid_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await getQualityReport(ctx, { scope: 'district', unit_id: other.id })).items).toEqual([]);
  });

  it("shows analysts who asked whom instead of a request's free text", async () => {
    const analyst: ServiceContext = {
      ...ctx,
      principal: {
        kind: 'user',
        userId: 'a',
        organisationId: org.organisation.id,
        email: 'a@example.org',
        displayName: 'A',
        scopes: null,
        memberships: [{ unitId: org.unitId, unitKind: 'district', role: 'analyst' }],
      },
    };
    const items = (await getQualityReport(analyst, { scope: 'city' })).items.filter(
      (i) => i.check === 'request_overdue',
    );
    expect(items.map((i) => i.title)).toEqual(['Södra stadsdelsnämnden → Kultur']);
  });

  it('exports PDF and Excel', async () => {
    const report = await getQualityReport(ctx, { scope: 'city' });
    const pdf = await exportQualityReport(report, 'pdf', DEFAULT_TIME_ZONE);
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF');
    const xlsx = await exportQualityReport(report, 'xlsx', DEFAULT_TIME_ZONE);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.filename).toMatch(/^kvalitetsrapport-city-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await exportQualityReport(report, 'pdf', DEFAULT_TIME_ZONE, 'en')).filename).toMatch(
      /^quality-report-city-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
  });

  it('writes the Excel file wholly in Swedish, or wholly in English when asked', async () => {
    const report = await getQualityReport(ctx, { scope: 'city' });
    const cells = async (lang: 'sv' | 'en') => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        (await exportQualityReport(report, 'xlsx', DEFAULT_TIME_ZONE, lang)).body as unknown as ArrayBuffer,
      );
      const texts: string[] = [];
      book.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (typeof c.value === 'string') texts.push(c.value);
          }),
        ),
      );
      return { texts, sheets: book.worksheets.map((w) => w.name) };
    };
    const sv = await cells('sv');
    const en = await cells('en');
    // The API's detail is English; the Swedish file says each item from its facts instead.
    const english = report.items.map((i) => i.detail);
    const swedish = report.items.map((i) => QUALITY_EXPORT_TEXTS.sv.detail(i.check, i.facts));
    expect(english).toContain('baseline 1, at follow-up 3');
    expect(swedish).toContain('nollmätning 1, vid uppföljning 3');
    expect(swedish).toContain('från Södra stadsdelsnämnden, senast 2026-01-01. Status: Begärd');
    expect(sv.sheets).toEqual(['Sammanfattning', 'Brister']);
    expect(sv.texts).toEqual(expect.arrayContaining([...swedish, 'Problem utan nollmätning', 'Detalj']));
    for (const text of english) expect(sv.texts.filter((c) => c.includes(text))).toEqual([]);
    expect(en.sheets).toEqual(['Summary', 'Defects']);
    expect(en.texts).toEqual(expect.arrayContaining([...english, 'Problem without a baseline', 'Detail']));
    for (const text of swedish) expect(en.texts.filter((c) => c.includes(text))).toEqual([]);
    // Titles are what staff typed and stay as typed; every label and entity name is translated.
    expect(
      en.texts.filter((c) =>
        [
          'Kontroll',
          'Detalj',
          'Hör till',
          'Åtgärden',
          'Uppföljningen',
          'Begäran',
          'Överenskommelsen',
          'Begärd',
        ].includes(c),
      ),
    ).toEqual([]);
  });

  it('makes a measure aimed at no problem impossible in the database itself', async () => {
    const attempt = getDb()
      .db.transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('measures')
          .values({
            organisation_id: org.organisation.id,
            responsible_unit_id: culture,
            title: 'Lös',
            description: null,
            type: 'social',
            period_start: null,
            period_end: null,
            cost_estimate_sek: null,
            target_groups: { groups: [] },
            created_by: 'test',
          })
          .execute();
      });
    await expect(attempt).rejects.toThrow(/aimed at no problem/);
  });
});
