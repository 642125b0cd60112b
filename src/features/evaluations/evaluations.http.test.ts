import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { h3Cells } from '../../analysis/geo/h3.js';
import { addDays, localDay, startOfLocalDay } from '../../domain/calendar/index.js';
import { swedishDay } from '../../domain/labels.js';
import {
  createTestOrganisation,
  createTestUnit,
  testContext,
  type TestOrganisation,
} from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { buildApp } from '../../server/app.js';
import { createMeasure } from '../measures/measures.service.js';
import { createProblem } from '../problems/problems.service.js';

const ORG = { 'x-trygg-organisation': 'testkommun' };
type Who = 'coordinator' | 'analyst' | 'otherEditor' | 'public' | 'otherMunicipality';

/**
 * Known data, so every figure is worked by hand: the treatment library has 80 disorder incidents before and
 * 40 after, the comparison library 60 and 60, spread evenly over 26 + 26 weeks (less variation than Poisson,
 * so no inflation). RES = (80·60)/(40·60) = 2, a 50 % reduction; Var(ln RES) = 1/80 + 1/40 + 1/60 + 1/60 =
 * 0.070833, so the 95 % CI is 2·exp(±1.95996·0.266146) = 1.187–3.370 and the change −70.3 % to −15.8 %.
 */
describeEachEngine('evaluations: design, access, results with known counts', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let measureId: string;
  let comparisonId: string;
  let otherLibraryId: string;
  const as: Record<Who, Record<string, string>> = {
    public: ORG,
    coordinator: {},
    analyst: {},
    otherEditor: {},
    otherMunicipality: {},
  };
  const BEFORE = { from: '2024-01-01', to: '2024-06-30' };
  const AFTER = { from: '2024-09-02', to: '2025-03-02' };

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Who, payload?: object) =>
    app.inject({ method, url, headers: as[who], ...(payload ? { payload } : {}) });
  const design = (over: object = {}) => ({
    title: 'Högdalsmodellen, första året',
    treatment: { place_ids: [org.placeId] },
    comparison: { place_ids: [comparisonId] },
    before: BEFORE,
    after: AFTER,
    categories: ['ordningsstorning'],
    ...over,
  });

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db);
    const o = org.organisation.id;
    const library = (slug: string, lon: number, lat: number) =>
      db
        .insertInto('places')
        .values({
          organisation_id: o,
          slug,
          name: slug,
          type: 'library',
          setting: 'indoor',
          lon,
          lat,
          coordinate_note: null,
          address: null,
          neighbourhood_code: null,
          owner_unit_id: org.unitId,
          geometry: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    comparisonId = (await library('norra-biblioteket', 18.02, 59.37)).id;
    otherLibraryId = (await library('ostra-biblioteket', 18.04, 59.38)).id;
    const children = await db
      .insertInto('place_zones')
      .values({
        organisation_id: org.organisation.id,
        place_id: org.placeId,
        code: 'barn',
        name: 'Barnavdelning',
        name_en: 'Children',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cats = await db
      .selectFrom('incident_categories')
      .select(['id', 'code'])
      .where('organisation_id', '=', o)
      .where('code', 'in', ['ordningsstorning', 'klotter'])
      .execute();
    const cat = (code: string) => cats.find((c) => c.code === code)!.id;
    const rows: object[] = [];
    const cells = (lon: number, lat: number) => {
      const h = h3Cells(lon, lat);
      return { h3_r7: h.r7, h3_r8: h.r8, h3_r9: h.r9, h3_r10: h.r10 };
    };
    // n incidents spread evenly over `days` days from `from`, at noon local time.
    const spread = (
      n: number,
      from: string,
      at: { place_id: string | null; zone_id?: string | null; lon: number; lat: number },
      category = 'ordningsstorning',
      days = 182,
    ) => {
      for (let k = 0; k < n; k++) {
        const day = addDays(from, Math.floor((k * days) / n));
        rows.push({
          organisation_id: o,
          occurred_at: new Date(startOfLocalDay(day, 'Europe/Stockholm').getTime() + 12 * 3_600_000),
          category_id: cat(category),
          lon: at.lon,
          lat: at.lat,
          precision: 'place',
          place_id: at.place_id,
          zone_id: at.zone_id ?? null,
          description: null,
          source: 'staff',
          source_ref: null,
          reporting_unit_id: null,
          closure_reason: null,
          status_note: null,
          ...cells(at.lon, at.lat),
          area_id: null,
          district_id: null,
        });
      }
    };
    const treated = { place_id: org.placeId, lon: 18.02, lat: 59.27 };
    spread(60, BEFORE.from, { ...treated, zone_id: org.zoneId });
    spread(20, BEFORE.from, { ...treated, zone_id: children.id });
    spread(10, AFTER.from, { ...treated, zone_id: org.zoneId });
    spread(30, AFTER.from, { ...treated, zone_id: children.id });
    spread(60, BEFORE.from, { place_id: comparisonId, lon: 18.02, lat: 59.37 });
    spread(60, AFTER.from, { place_id: comparisonId, lon: 18.02, lat: 59.37 });
    // 100 m north of the treatment library: the buffer ring; 1 km north: outside it.
    spread(10, BEFORE.from, { place_id: null, lon: 18.02, lat: 59.2709 });
    spread(10, AFTER.from, { place_id: null, lon: 18.02, lat: 59.2709 });
    spread(7, BEFORE.from, { place_id: null, lon: 18.02, lat: 59.28 });
    // Not counted: during the implementation, and another category.
    spread(9, '2024-07-15', treated, 'ordningsstorning', 40);
    spread(9, BEFORE.from, treated, 'klotter');
    await db
      .insertInto('incidents')
      .values(rows as never)
      .execute();

    const ctx = testContext(db, org.organisation);
    const problem = await createProblem(ctx, {
      owner_unit_id: org.unitId,
      place_ids: [org.placeId],
      title: 'Stök i biblioteket',
      statement: 'Stök kvällstid.',
      categories: ['ordningsstorning'],
      affected: [],
      evidence: [],
    });
    measureId = (
      await createMeasure(ctx, {
        problem_ids: [problem.id],
        responsible_unit_id: org.unitId,
        contributing_unit_ids: [],
        place_ids: [org.placeId],
        title: 'Ny möblering',
        type: 'situational',
        target_groups: [],
        followup_dates: [],
        components: [],
      })
    ).id;
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    const other = await createTestUnit(db, o, 'kultur', 'specialist');
    as.coordinator = (await signedInAs(app, db, o, org.unitId, 'coordinator', ORG)).headers;
    as.analyst = (await signedInAs(app, db, o, org.unitId, 'analyst', ORG)).headers;
    as.otherEditor = (await signedInAs(app, db, o, other, 'unit_editor', ORG)).headers;
    const elsewhere = await createTestOrganisation(db, 'annankommun');
    as.otherMunicipality = (
      await signedInAs(app, db, elsewhere.organisation.id, elsewhere.unitId, 'coordinator', {
        'x-trygg-organisation': 'annankommun',
      })
    ).headers;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  let evaluationId: string;

  it('refuses a design whose after period starts before the before period ends, or compares a place with itself', async () => {
    const late = await call(
      'POST',
      `/api/measures/${measureId}/evaluations`,
      'coordinator',
      design({ after: { from: '2024-06-01', to: '2024-12-31' } }),
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ code: 'after_not_after_before' }],
    });
    const same = await call(
      'POST',
      `/api/measures/${measureId}/evaluations`,
      'coordinator',
      design({ comparison: { place_ids: [org.placeId] } }),
    );
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details).toEqual([expect.objectContaining({ code: 'comparison_is_treatment' })]);
    const unknown = await call(
      'POST',
      `/api/measures/${measureId}/evaluations`,
      'coordinator',
      design({ categories: ['finns_inte'] }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ code: 'unknown_category' })]);
    const count = await getDb()
      .db.selectFrom('evaluations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("lets the measure's unit attach a design, audited, and refuses analysts and other units' editors", async () => {
    expect((await call('POST', `/api/measures/${measureId}/evaluations`, 'analyst', design())).statusCode).toBe(403);
    expect((await call('POST', `/api/measures/${measureId}/evaluations`, 'otherEditor', design())).statusCode).toBe(
      403,
    );
    const created = await call('POST', `/api/measures/${measureId}/evaluations`, 'coordinator', design());
    expect(created.statusCode).toBe(201);
    const body = created.json();
    evaluationId = body.id;
    expect(body).toMatchObject({
      status: 'draft',
      buffer: { metres: 250, areas: [] },
      implementation: { from: '2024-07-01', to: '2024-09-01' },
      categories: [{ code: 'ordningsstorning' }],
      can_edit: true,
    });
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'actor'])
      .where('entity_type', '=', 'evaluation')
      .where('entity_id', '=', evaluationId)
      .execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('computes RES, difference-in-differences, displacement and the zones from the incidents', async () => {
    const res = await call('GET', `/api/evaluations/${evaluationId}/results`, 'analyst');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.counts).toEqual({
      treatment: { before: 80, after: 40 },
      comparison: { before: 60, after: 60 },
      buffer: { before: 10, after: 10 },
    });
    expect(r.weeks).toEqual({ before: 26, after: 26 });
    const effect = r.effects.find((e: { method: string }) => e.method === 'relative_effect');
    expect(effect.estimate).toBeCloseTo(2, 10);
    expect(effect.lower).toBeCloseTo(1.187, 3);
    expect(effect.upper).toBeCloseTo(3.37, 3);
    expect(effect.percent_change).toBeCloseTo(-50, 10);
    expect(effect.summary.sv).toMatch(/^Minskning med 50 % \(95 % KI 16–70 %\), sannolikt inte slump; /);
    // With one treatment and one comparison site the week effects cancel: the rate ratio is 1/RES exactly.
    const did = r.effects.find((e: { method: string }) => e.method === 'difference_in_differences');
    expect(did.estimate).toBeCloseTo(0.5, 6);
    // SM = 40/60 − 80/60 < 0; BM = 10/60 − 10/60 = 0: the buffer moved as the control did.
    expect(r.displacement).toMatchObject({ wdq: 0, reading: 'none', total_net_effect: 40 });
    expect(r.zones).toEqual([
      expect.objectContaining({ name: 'Barnavdelning', before: 20, after: 30, change: 'higher' }),
      expect.objectContaining({ name: 'Entré', before: 60, after: 10, change: 'lower' }),
    ]);
    expect(r.series.filter((w: { period: string }) => w.period === 'implementation').length).toBeGreaterThan(0);
  });

  it('adds the rate per visitors once both libraries record visitors every month', async () => {
    const months = [
      ...['01', '02', '03', '04', '05', '06', '09', '10', '11', '12'].map((m) => `2024-${m}`),
      '2025-01',
      '2025-02',
      '2025-03',
    ];
    const figures = { months: months.map((month) => ({ month, visitors: 5000, opening_hours: 200 })) };
    expect((await call('PUT', `/api/places/${org.placeId}/figures`, 'analyst', figures)).statusCode).toBe(403);
    for (const place of [org.placeId, comparisonId])
      expect((await call('PUT', `/api/places/${place}/figures`, 'coordinator', figures)).statusCode).toBe(200);
    const bad = await call('PUT', `/api/places/${org.placeId}/figures`, 'coordinator', {
      months: [{ month: '2024-13', visitors: 1, opening_hours: null }],
    });
    expect(bad.statusCode).toBe(400);
    const stored = (await call('GET', `/api/places/${org.placeId}/figures`, 'analyst')).json();
    expect(stored.months).toHaveLength(13);
    const r = (await call('GET', `/api/evaluations/${evaluationId}/results`, 'analyst')).json();
    const perVisitor = r.effects.find((e: { method: string }) => e.method === 'rate_per_visitors');
    // Equal visitors at both libraries: the exposures cancel and the rate ratio equals RES.
    expect(perVisitor.estimate).toBeCloseTo(2, 10);
    expect(perVisitor.summary.sv).toMatch(/^Per besökare: Minskning med 50 %/);
  });

  it('hides a draft from the public and shows it once published', async () => {
    expect((await call('GET', `/api/evaluations/${evaluationId}`, 'public')).statusCode).toBe(404);
    expect((await call('GET', `/api/evaluations/${evaluationId}/results`, 'public')).statusCode).toBe(404);
    for (const format of ['pdf', 'xlsx'])
      expect((await call('GET', `/api/evaluations/${evaluationId}/${format}`, 'public')).statusCode).toBe(404);
    expect((await call('GET', `/api/measures/${measureId}/evaluations`, 'public')).json()).toEqual([]);
    expect((await call('PUT', `/api/evaluations/${evaluationId}`, 'otherEditor', design())).statusCode).toBe(403);
    const published = await call(
      'PUT',
      `/api/evaluations/${evaluationId}`,
      'coordinator',
      design({ status: 'published', conclusion: 'Stöket minskade; ring 070-123 45 67 vid frågor.' }),
    );
    expect(published.statusCode).toBe(200);
    expect(published.json().conclusion).not.toContain('070-123 45 67');
    // A form filled from the version before this change may not overwrite it.
    const stale = await app.inject({
      method: 'PUT',
      url: `/api/evaluations/${evaluationId}`,
      headers: { ...as.coordinator, 'if-match': `"${published.json().version - 1}"` },
      payload: design({ status: 'published' }),
    });
    expect(stale.statusCode).toBe(409);
    expect((await call('GET', `/api/evaluations/${evaluationId}`, 'coordinator')).json().version).toBe(
      published.json().version,
    );
    const seen = await call('GET', `/api/evaluations/${evaluationId}`, 'public');
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'published', can_edit: false });
    expect((await call('GET', `/api/evaluations/${evaluationId}/results`, 'public')).statusCode).toBe(200);
  });

  it('exports a Swedish PDF report with the design, chart, effects, displacement and conclusion, and no codes', async () => {
    const r = (await call('GET', `/api/evaluations/${evaluationId}/results`, 'coordinator')).json();
    const pdf = await call('GET', `/api/evaluations/${evaluationId}/pdf`, 'coordinator');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="utvardering-sodra-biblioteket-2025.pdf"');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString().replace(/\s+/g, ' ');
    const made = swedishDay(localDay(new Date(), 'Europe/Stockholm'));
    const effect = (method: string) => r.effects.find((e: { method: string }) => e.method === method);
    for (const s of [
      'Utvärdering av Ny möblering, Södra biblioteket',
      'Högdalsmodellen, första året',
      `Publicerad. Upprättad ${made} kl. `,
      'Jämförelseplatser norra-biblioteket',
      'Ring på 250 meter runt åtgärdsplatsen',
      'Före-period 1 januari 2024 – 30 juni 2024, 182 dagar',
      'Genomförande (räknas inte) 1 juli 2024 – 1 september 2024',
      'Efter-period 2 september 2024 – 2 mars 2025',
      'Händelser som räknas Ordningsstörning',
      'Händelser per vecka, före och efter',
      'Åtgärden på plats',
      // RES 2 with 1,187–3,370: the worked figures, as the results API gives them.
      '2,00',
      '1,19 till 3,37',
      '-50 % (-70 % till -16 %)',
      'Skillnad i skillnader, veckovis 0,50 0,30 till 0,84 -50 % (-70 % till -16 %)',
      // The readings as written, their minus signs (U+2212, missing from the PDF font) as hyphen-minus.
      effect('relative_effect').summary.sv,
      effect('interrupted_time_series').summary.sv.replace(/\u2212/g, '-'),
      'Viktad förflyttningskvot (WDQ)',
      'Total nettoeffekt (händelser) 40,0',
      r.displacement.summary.sv,
      'Större andel',
      'Mindre andel',
      'Att tänka på',
      'Utvärderarens slutsats Stöket minskade',
      'Underskrift',
      'Sida 1 av',
    ])
      expect(text).toContain(s);
    expect(effect('interrupted_time_series').summary.sv).toContain('\u2212');
    expect(text).not.toMatch(/\u2212|[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|\b[a-z]+_[a-z_]+\b|ordningsstorning/);
    // An analyst reads no free text of the measure: its title stays out rather than showing as a label with an id.
    const analyst = await call('GET', `/api/evaluations/${evaluationId}/pdf`, 'analyst');
    const analystText = execFileSync('pdftotext', ['-', '-'], { input: analyst.rawPayload }).toString();
    expect(analystText.replace(/\s+/g, ' ')).toContain('Utvärdering, Södra biblioteket');
    expect(analystText).not.toMatch(/Ny möblering|Åtgärd [0-9a-f]{8}/);
  });

  it('exports an Excel workbook with the design, effects and weekly series as numbers and dates', async () => {
    const r = (await call('GET', `/api/evaluations/${evaluationId}/results`, 'coordinator')).json();
    const file = await call('GET', `/api/evaluations/${evaluationId}/xlsx`, 'coordinator');
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Upplägg',
      'Antal',
      'Effekter',
      'Förflyttning',
      'Per zon',
      'Per vecka',
    ]);
    const design = book.getWorksheet('Upplägg')!;
    const before = design.getColumn(1).values.indexOf('Före-period');
    expect(design.getRow(before).getCell(3).value).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(design.getRow(before).getCell(3).numFmt).toBe('yyyy-mm-dd');
    const effects = book.getWorksheet('Effekter')!;
    expect(effects.getRow(1).values).toContain('Skattning');
    const res = effects.getRow(2);
    expect(res.getCell(1).value).toBe('Relativ effektstorlek (RES)');
    expect(res.getCell(2).value).toBeCloseTo(2, 10);
    expect(res.getCell(3).value).toBeCloseTo(1.187, 3);
    expect(res.getCell(5).value).toBeCloseTo(-0.5, 10);
    expect([res.getCell(2).numFmt, res.getCell(5).numFmt]).toEqual(['0.00', '0.0%']);
    const weeks = book.getWorksheet('Per vecka')!;
    expect(weeks.rowCount - 1).toBe(r.series.length);
    const column = (n: number) => (weeks.getColumn(n).values as unknown[]).slice(2);
    expect(column(5)).toEqual(r.series.map((w: { treatment: number }) => w.treatment));
    expect(column(6)).toEqual(r.series.map((w: { comparison: number }) => w.comparison));
    expect(weeks.getRow(2).getCell(3).value).toBeInstanceOf(Date);
  });

  it('refuses the export exactly as it refuses the evaluation: another municipality finds neither', async () => {
    for (const who of ['public', 'analyst', 'otherEditor', 'otherMunicipality'] as const) {
      const read = (await call('GET', `/api/evaluations/${evaluationId}`, who)).statusCode;
      for (const format of ['pdf', 'xlsx'])
        expect([who, (await call('GET', `/api/evaluations/${evaluationId}/${format}`, who)).statusCode]).toEqual([
          who,
          read,
        ]);
    }
    expect((await call('GET', `/api/evaluations/${evaluationId}/pdf`, 'otherMunicipality')).statusCode).toBe(404);
  });

  it('suggests libraries with a similar before period, explained in Swedish', async () => {
    const q = `treatment_place_ids=${org.placeId}&categories=ordningsstorning&before_from=${BEFORE.from}&before_to=${BEFORE.to}`;
    const res = await call('GET', `/api/evaluations/comparison-suggestions?${q}`, 'analyst');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.treatment.before_count).toBe(80);
    expect(body.suggestions.map((s: { place: { id: string } }) => s.place.id)).toEqual([comparisonId, otherLibraryId]);
    expect(body.suggestions[0].reason.sv).toMatch(
      /^Samma typ av plats \(bibliotek\)\. Under före-perioden 60 händelser mot 80/,
    );
    expect((await call('GET', `/api/evaluations/comparison-suggestions?${q}`, 'public')).statusCode).toBe(401);
  });
});
