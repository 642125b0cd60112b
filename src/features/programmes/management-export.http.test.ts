import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, DEFAULT_TIME_ZONE, today } from '../../domain/calendar/index.js';
import { buildApp } from '../../server/app.js';
import {
  createTestOrganisation,
  createTestUnit,
  type TestOrganisation,
  testContext,
} from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { documentedManagementColumns } from '../../../tests/support/management-columns.js';
import { createIncident } from '../incidents/incidents.service.js';
import { createProblem } from '../problems/problems.service.js';
import { addProgrammeSection } from './programme-sections.service.js';
import { createProgramme } from './programmes.service.js';

const ORG = { 'x-trygg-organisation': 'ledningssystem' };
const DAY = today(DEFAULT_TIME_ZONE);
const YEAR = Number(DAY.slice(0, 4));
/** A 30-day baseline ending 171 days ago: the year's outcome period (30 days to today) never overlaps it. */
const BASELINE = { from: addDays(DAY, -200), to: addDays(DAY, -171) };
const OUTCOME = { from: addDays(DAY, -29), to: DAY };
const TITLE = 'Program för trygghet 2024–2027';

const DOCUMENTED = documentedManagementColumns();

describeEachEngine('export to the management system: goal → committee → indicator with assessment', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let version = '';
  let subGoalKey = '';
  const ids = {} as Record<'met' | 'partly' | 'noBaseline' | 'secret', string>;
  const as = {} as Record<'admin' | 'editor' | 'cultureEditor' | 'analyst', Record<string, string>>;
  const get = (url: string, who: Record<string, string>) => app.inject({ url, headers: who });
  const csvLines = async (who: Record<string, string>, year = YEAR) => {
    const res = await get(`/api/programme-versions/${version}/management-export/csv?year=${year}`, who);
    expect(res.statusCode).toBe(200);
    return res.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
  };

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'ledningssystem');
    const ctx = testContext(db, org.organisation);
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'ledningssystem' },
      webRoot: null,
    });
    const culture = await createTestUnit(db, org.organisation.id, 'kultur', 'specialist', 'Kulturnämnden');
    // Four incidents in the baseline period, two in the year's outcome period, all graffiti at the library.
    for (const day of [-195, -190, -185, -180, -10, -5])
      await createIncident(ctx, {
        occurred_at: `${addDays(DAY, day)}T12:00:00+01:00`,
        category: 'klotter',
        lon: 18.02,
        lat: 59.27,
        precision: 'place',
        place_id: org.placeId,
        source: 'staff',
      });
    const problem = async (title: string, owner: string, extra: object) =>
      (
        await createProblem(ctx, {
          owner_unit_id: owner,
          place_ids: [org.placeId],
          title,
          statement: 's',
          categories: ['klotter'],
          affected: [],
          evidence: [],
          ...extra,
        })
      ).id;
    ids.met = await problem('Klotter vid biblioteket', org.unitId, {
      baseline: { ...BASELINE, target_value: 2, direction: 'lower' },
    });
    ids.partly = await problem('Klotter i läsesalen', culture, {
      baseline: { ...BASELINE, target_value: 1, direction: 'lower' },
    });
    ids.noBaseline = await problem('Bränder i papperskorgar', org.unitId, {});
    ids.secret = await problem('Hemlig bevakning av arkivet', culture, {
      baseline: { ...BASELINE, target_value: 3, direction: 'lower' },
      confidentiality: 'restricted',
    });
    const created = await createProgramme(ctx, { name: 'Program', title: TITLE, period_from: 2024, period_to: 2027 });
    version = created.id;
    await addProgrammeSection(ctx, version, {
      kind: 'goal',
      body: '=Stockholm ska vara tryggt',
      indicator_problem_ids: [],
    });
    const withGoals = await addProgrammeSection(ctx, version, {
      kind: 'sub_goal',
      heading: 'Trygga offentliga miljöer',
      body: 'Offentliga miljöer ska upplevas trygga.',
      indicator_problem_ids: [ids.noBaseline, ids.met, ids.secret, ids.partly],
    });
    subGoalKey = withGoals.sections.find((s) => s.kind === 'sub_goal')!.key;
    await addProgrammeSection(ctx, version, {
      kind: 'sub_goal',
      heading: 'Färre skadegörelser',
      body: 'Skadegörelsen ska minska.',
      indicator_problem_ids: [ids.met],
    });
    const admin = await createTestUnit(db, org.organisation.id, 'stadsledningskontoret', 'specialist');
    as.admin = (await signedInAs(app, db, org.organisation.id, admin, 'admin', ORG)).headers;
    as.editor = (await signedInAs(app, db, org.organisation.id, org.unitId, 'unit_editor', ORG)).headers;
    as.cultureEditor = (await signedInAs(app, db, org.organisation.id, culture, 'unit_editor', ORG)).headers;
    as.analyst = (await signedInAs(app, db, org.organisation.id, org.unitId, 'analyst', ORG)).headers;
  }, 120_000);
  afterAll(async () => app.close());

  it('writes CSV as Swedish Excel opens it, with the documented columns and goal → committee → indicator rows', async () => {
    const res = await get(`/api/programme-versions/${version}/management-export/csv?year=${YEAR}`, as.admin);
    expect([res.statusCode, res.headers['content-type'], res.headers['content-disposition']]).toEqual([
      200,
      'text/csv; charset=utf-8',
      `attachment; filename="ils-trygghetsprogram-2024-2027-${YEAR}.csv"`,
    ]);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = await csvLines(as.admin);
    expect(DOCUMENTED).toHaveLength(18);
    expect(header!.split(';')).toEqual(DOCUMENTED);
    // Sub-goal 2.1: Kulturnämnden before Södra stadsdelsnämnden, indicators alphabetically; then 2.2.
    expect(rows.map((r) => r.split(';').slice(3, 7).join(' | '))).toEqual([
      '2.1 | Trygga offentliga miljöer | Kulturnämnden | Hemlig bevakning av arkivet',
      '2.1 | Trygga offentliga miljöer | Kulturnämnden | Klotter i läsesalen',
      '2.1 | Trygga offentliga miljöer | Södra stadsdelsnämnden | Bränder i papperskorgar',
      '2.1 | Trygga offentliga miljöer | Södra stadsdelsnämnden | Klotter vid biblioteket',
      '2.2 | Färre skadegörelser | Södra stadsdelsnämnden | Klotter vid biblioteket',
    ]);
    expect(rows[3]!.split(';')).toEqual([
      `${subGoalKey}/${ids.met}`,
      TITLE,
      String(YEAR),
      '2.1',
      'Trygga offentliga miljöer',
      'Södra stadsdelsnämnden',
      'Klotter vid biblioteket',
      'Södra biblioteket',
      'Lägre är bättre (färre händelser)',
      '4',
      BASELINE.from,
      BASELINE.to,
      '2',
      '2',
      OUTCOME.from,
      OUTCOME.to,
      'Uppnås helt',
      'Utfallet når årsmålet',
    ]);
    expect(rows[1]!.split(';').slice(9)).toEqual([
      '4',
      BASELINE.from,
      BASELINE.to,
      '1',
      '2',
      OUTCOME.from,
      OUTCOME.to,
      'Uppnås delvis',
      'Bättre än nollmätningen men årsmålet nås inte',
    ]);
    expect(rows[2]!.split(';').slice(9)).toEqual([
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'Kan inte bedömas',
      'Indikatorn saknar nollmätning',
    ]);
  });

  it('has no outcome for a year before the baseline or one that has not begun', async () => {
    for (const year of [YEAR - 2, YEAR + 1]) {
      const row = (await csvLines(as.admin, year))[4]!.split(';');
      expect([row[2], row[13], row[16], row[17]]).toEqual([
        String(year),
        '',
        'Kan inte bedömas',
        'Inget utfall för året: året har inte börjat eller perioden överlappar nollmätningen',
      ]);
    }
  });

  it('writes the same table to Excel, numbers as numbers', async () => {
    const res = await get(`/api/programme-versions/${version}/management-export/xlsx?year=${YEAR}`, as.admin);
    expect([res.statusCode, res.headers['content-type'], res.headers['content-disposition']]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `attachment; filename="ils-trygghetsprogram-2024-2027-${YEAR}.xlsx"`,
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Måluppföljning')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(DOCUMENTED);
    expect(sheet.rowCount).toBe(6);
    expect(values(5).slice(3, 18)).toEqual([
      '2.1',
      'Trygga offentliga miljöer',
      'Södra stadsdelsnämnden',
      'Klotter vid biblioteket',
      'Södra biblioteket',
      'Lägre är bättre (färre händelser)',
      4,
      BASELINE.from,
      BASELINE.to,
      2,
      2,
      OUTCOME.from,
      OUTCOME.to,
      'Uppnås helt',
      'Utfallet når årsmålet',
    ]);
    expect(book.getWorksheet('Om exporten')!.getRow(2).values).toEqual([undefined, 'Program', TITLE]);
  });

  it('leaves a restricted problem out for readers outside its unit, and titles out for analysts', async () => {
    const editor = await csvLines(as.editor);
    expect(editor).toHaveLength(5);
    expect(editor.join('\n')).not.toContain('Hemlig bevakning');
    expect(editor.join('\n')).not.toContain(ids.secret);
    const xlsx = await get(`/api/programme-versions/${version}/management-export/xlsx?year=${YEAR}`, as.editor);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('Måluppföljning')!.rowCount).toBe(5);
    expect((await csvLines(as.cultureEditor)).some((l) => l.includes('Hemlig bevakning av arkivet'))).toBe(true);
    const analyst = (await csvLines(as.analyst)).join('\n');
    expect(analyst).not.toContain('Klotter vid biblioteket');
    expect(analyst).not.toContain(ids.secret);
  });

  it('refuses the anonymous, an unknown version and a year that is not one', async () => {
    const url = `/api/programme-versions/${version}/management-export/csv`;
    expect((await get(`${url}?year=${YEAR}`, {})).statusCode).toBe(401);
    const unknown = await get(
      `/api/programme-versions/00000000-0000-4000-8000-000000000000/management-export/xlsx?year=${YEAR}`,
      as.admin,
    );
    expect(unknown.statusCode).toBe(404);
    const bad = await get(`${url}?year=tjugo`, as.admin);
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
