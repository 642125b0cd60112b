import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartUpload as upload } from '../../../tests/factories/imports.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { buildApp } from '../../server/app.js';
import { seedStockholm } from '../seed/seed.service.js';

const ORG = { 'x-trygg-organisation': 'stockholm' };
const CITY = 'Stockholms stads trygghetsmätning';
const WORRIED = 'Ofta orolig för att utsättas för brott (senaste 12 månaderna)';
const HEADER = 'survey,year,area_name,area_level,question,value_percent,respondents,source';
type Who = 'admin' | 'coordinator' | 'analyst' | 'partner' | 'public';

interface Catalogue {
  surveys: Array<{ id: string; name: string; reference_area_id: string | null }>;
  areas: Array<{ id: string; name: string; level: string; area: { valid_to: string | null } | null }>;
  questions: Array<{ id: string; survey_id: string; text: string; kind: string; direction: string }>;
  series: Array<{ question_id: string; survey_area_id: string; years: number[] }>;
}

describeEachEngine('safety surveys: published figures, series with Wilson intervals, import, indicator', (getDb) => {
  let app: FastifyInstance;
  let catalogue: Catalogue;
  const as: Record<Who, Record<string, string>> = { public: ORG, admin: {}, coordinator: {}, analyst: {}, partner: {} };

  const get = (url: string, who: Who) => app.inject({ method: 'GET', url, headers: as[who] });
  const send = (query: string, fileName: string, content: string | Buffer, who: Who = 'coordinator') => {
    const body = upload(fileName, content);
    return app.inject({
      method: 'POST',
      url: `/api/surveys/results/import${query}`,
      headers: { ...as[who], ...body.headers },
      payload: body.payload,
    });
  };
  const count = async () =>
    Number(
      (
        await getDb()
          .db.selectFrom('survey_results')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const area = (name: string) => catalogue.areas.find((a) => a.name === name)!;
  // The same wording can be a question of several surveys (the response rate): the city's unless named.
  const question = (text: string, survey = CITY) => {
    const surveyId = catalogue.surveys.find((s) => s.name === survey)?.id;
    return catalogue.questions.find((q) => q.text === text && q.survey_id === surveyId)!;
  };
  const series = (q: string, a: string) =>
    get(`/api/surveys/series?question_id=${question(q).id}&survey_area_id=${area(a).id}`, 'analyst');

  beforeAll(async () => {
    const db = getDb().db;
    const report = await seedStockholm(db, { demoIncidents: 0, police: false, now: new Date() });
    expect(report.surveyResults).toBe(51);
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
        .executeTakeFirstOrThrow();
    const farsta = (await unit('Farsta')).id;
    as.admin = (await signedInAs(app, db, orgId, farsta, 'admin', ORG)).headers;
    as.coordinator = (await signedInAs(app, db, orgId, farsta, 'coordinator', ORG)).headers;
    as.analyst = (await signedInAs(app, db, orgId, farsta, 'analyst', ORG)).headers;
    as.partner = (await signedInAs(app, db, orgId, (await unit('Polismyndigheten')).id, 'partner_viewer', ORG)).headers;
    catalogue = (await get('/api/surveys/catalogue', 'analyst')).json();
  }, 240_000);
  afterAll(async () => app?.close());

  it('seeds the published figures with their areas at their own levels, districts merged in 2023 included', () => {
    expect(catalogue.surveys.map((s) => s.name)).toContain(CITY);
    const city = catalogue.surveys.find((s) => s.name === CITY)!;
    expect(city.reference_area_id).toBe(area('Stockholms stad').id);
    expect(area('Rinkeby-Kista')).toMatchObject({ level: 'stadsdelsomrade', area: { valid_to: '2023-06-30' } });
    expect(area('Järva')).toMatchObject({ level: 'lokalpolisomrade', area: null });
    expect(area('Stockholms län').level).toBe('lan');
    // The police ask who feels safe (higher is better), the city who worries (lower is better).
    const police = 'Polisregion Stockholms trygghetsmätning';
    expect(question('Trygg när man rör sig ute sena kvällar (i bostadsområdet)', police).direction).toBe('higher');
    expect(question(WORRIED).direction).toBe('lower');
    expect(question('Svarsfrekvens (response rate)').kind).toBe('response_rate');
    expect(catalogue.series.reduce((n, s) => n + s.years.length, 0)).toBe(51);
  });

  it("draws an area's series beside the city's, with a Wilson interval only where respondents are known", async () => {
    const res = await series(WORRIED, 'Rinkeby-Kista');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.points.map((p: { year: number; share: number }) => [p.year, p.share])).toEqual([
      [2017, 21],
      [2020, 11],
    ]);
    expect(
      body.points.every((p: { ci: unknown; respondents: unknown }) => p.ci === null && p.respondents === null),
    ).toBe(true);
    expect(body.reference.area.name).toBe('Stockholms stad');
    const city = body.reference.points;
    expect(city.map((p: { year: number }) => p.year)).toEqual([2014, 2017, 2020]);
    // 11 % of 17,669: ± 1.96·√(0.11·0.89/17,669) ≈ ± 0.46 points (at this n Wilson and Wald agree to 0.01).
    expect(city[1].ci.low).toBeCloseTo(10.54, 1);
    expect(city[1].ci.high).toBeCloseTo(11.46, 1);
    expect(city[0].ci).toBeNull();
    // A response rate is a share of those asked: no interval even with respondents.
    const rate = (await series('Svarsfrekvens (response rate)', 'Stockholms stad')).json();
    expect(rate.points.find((p: { year: number }) => p.year === 2017)).toMatchObject({ respondents: 17669, ci: null });
    expect(rate.reference).toBeNull();
  });

  it('refuses a file with wrong sums, negative counts and unknown names, row by row, writing nothing', async () => {
    const before = await count();
    const file = [
      'survey,year,area_name,area_level,question,respondents,share: Ja,share: Nej',
      `${CITY},2023,Farsta,stadsdelsomrade,${WORRIED},400,12,88`,
      `${CITY},2023,Skarpnäck,stadsdelsomrade,${WORRIED},400,12,88`,
      `${CITY},2023,Farsta,stadsdelsomrade,Finns inte,400,12,88`,
      `${CITY},2023,Rinkeby-Kista,stadsdelsomrade,${WORRIED},-5,12,88`,
      `${CITY},2023,Spånga-Tensta,stadsdelsomrade,${WORRIED},300,60,60`,
      `${CITY},2023,Stockholms stad,kommun,${WORRIED},300,30,50`,
      `${CITY},2023,Farsta,stadsdelsomrade,${WORRIED},400,12,88`,
    ].join('\n');
    const res = await send('', 'fel.csv', file);
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('IMPORT_HAS_ERRORS');
    expect(error.messages.sv).toBe(
      'Ingenting importerades: rader i filen har fel. Rätta raderna och skicka filen igen.',
    );
    const issues = error.details.errors.map((i: { row: number; code: string; column: string | null }) => [
      i.row,
      i.code,
      i.column,
    ]);
    expect(issues).toEqual([
      [3, 'unknown_area', 'area_name'],
      [4, 'unknown_question', 'question'],
      [5, 'negative_count', 'respondents'],
      [6, 'shares_exceed_100', null],
      [7, 'shares_not_100', null],
      [8, 'duplicate_row', null],
    ]);
    const negative = error.details.errors.find((i: { code: string }) => i.code === 'negative_count');
    expect(negative.messages).toEqual({
      sv: 'Antalet svarande kan inte vara negativt (-5).',
      en: 'The number of respondents cannot be negative (-5).',
    });
    expect(error.details.errors.find((i: { code: string }) => i.code === 'shares_exceed_100').messages.sv).toBe(
      'Andelarna summerar till 120 procent, mer än 100.',
    );
    expect(error.details.rows).toEqual({ read: 7, ok: 1, with_errors: 6 });
    expect(await count()).toBe(before);
  });

  it('names a missing column, a share out of range and an unknown answer option', async () => {
    const noQuestion = await send(
      '',
      'kolumn.csv',
      'survey,year,area_name,area_level,value_percent\nx,2020,y,kommun,5',
    );
    expect(noQuestion.statusCode).toBe(422);
    expect(noQuestion.json().error.details.errors[0]).toMatchObject({ row: 1, code: 'missing_column' });
    const res = await send(
      '',
      'andelar.csv',
      `survey,year,area_name,area_level,question,value_percent,share: Kanske\n${CITY},2023,Farsta,stadsdelsomrade,${WORRIED},140,\n${CITY},2024,Farsta,stadsdelsomrade,${WORRIED},,5`,
    );
    expect(res.json().error.details.errors.map((i: { code: string }) => i.code)).toEqual([
      'share_out_of_range',
      'unknown_option',
    ]);
  });

  it('imports a CSV all at once, audited, and a corrected file replaces the same year', async () => {
    const before = await count();
    const file = `${HEADER}\n${CITY},2023,Farsta,stadsdelsomrade,${WORRIED},10,500,test\n${CITY},2023,Stockholms stad,kommun,${WORRIED},9,12000,test`;
    const dry = await send('?dry_run=true', 'ok.csv', file);
    expect(dry.json()).toEqual({ status: 'validated', rows: { read: 2, inserted: 0, updated: 0 } });
    expect(await count()).toBe(before);
    const res = await send('', 'ok.csv', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'committed', rows: { read: 2, inserted: 2, updated: 0 } });
    expect(await count()).toBe(before + 2);
    const farsta = (await series(WORRIED, 'Farsta')).json();
    const y2023 = farsta.points.find((p: { year: number }) => p.year === 2023);
    expect(y2023).toMatchObject({ share: 10, respondents: 500, shares: [{ option: 'Ja', share: 10 }] });
    // Wilson 95 % for 50 of 500: 7.67 % to 12.94 % (score interval, checked against the closed form by hand).
    expect(y2023.ci.low).toBeCloseTo(7.67, 1);
    expect(y2023.ci.high).toBeCloseTo(12.94, 1);

    const again = await send('', 'rättad.csv', file.replace(',10,500,', ',11,520,'));
    expect(again.json().rows).toEqual({ read: 2, inserted: 0, updated: 2 });
    expect((await series(WORRIED, 'Farsta')).json().points.at(-1)).toMatchObject({ share: 11, respondents: 520 });
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'actor', 'after'])
      .where('entity_type', '=', 'survey_results')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, (a.after as { inserted: number }).inserted])).toEqual([
      ['import', 2],
      ['import', 0],
    ]);
  });

  it('imports an Excel workbook with a share per answer option', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Resultat');
    sheet.addRow(['survey', 'year', 'area_name', 'area_level', 'question', 'respondents', 'share: Ja', 'share: Nej']);
    sheet.addRow([CITY, 2023, 'Rinkeby-Kista', 'stadsdelsomrade', WORRIED, 350, 14, 86]);
    const res = await send('', 'resultat.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.inserted).toBe(1);
    const rk = (await series(WORRIED, 'Rinkeby-Kista')).json();
    expect(rk.points.at(-1)).toMatchObject({
      year: 2023,
      share: 14,
      shares: expect.arrayContaining([
        { option: 'Ja', share: 14 },
        { option: 'Nej', share: 86 },
      ]),
    });
  });

  it('grows the catalogue: a survey, an area and a question, each audited, then imports against them', async () => {
    const post = (url: string, payload: object, who: Who = 'coordinator') =>
      app.inject({ method: 'POST', url, headers: as[who], payload });
    const skarpnack = await post('/api/surveys/areas', { name: 'Skarpnäck', level: 'stadsdelsomrade' });
    expect(skarpnack.statusCode).toBe(201);
    expect((await post('/api/surveys/areas', { name: ' skarpnäck ', level: 'stadsdelsomrade' })).statusCode).toBe(409);
    const survey = await post('/api/surveys', {
      name: 'Skarpnäcks egen enkät',
      reference_area_id: skarpnack.json().id,
    });
    expect(survey.statusCode).toBe(201);
    const payload = {
      survey_id: survey.json().id,
      text: 'Problem med nedskräpning i området',
      options: ['Stort problem', 'Litet problem', 'Inget problem'],
      key_option: 'Stort problem',
      direction: 'lower',
    };
    const unknownKey = await post('/api/surveys/questions', { ...payload, key_option: 'Vet ej' });
    expect(unknownKey.statusCode).toBe(400);
    expect(unknownKey.json().error.details[0]).toMatchObject({ path: 'key_option' });
    expect((await post('/api/surveys/questions', payload, 'analyst')).statusCode).toBe(403);
    const created = await post('/api/surveys/questions', payload);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'item', key_option: 'Stort problem' });
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['entity_type', 'entity_id'])
      .where('entity_type', 'in', ['survey', 'survey_area', 'survey_question'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { entity_type: 'survey_area', entity_id: skarpnack.json().id },
      { entity_type: 'survey', entity_id: survey.json().id },
      { entity_type: 'survey_question', entity_id: created.json().id },
    ]);
    const file = [
      'survey,year,area_name,area_level,question,respondents,share: Stort problem,share: Litet problem,share: Inget problem',
      `Skarpnäcks egen enkät,2024,Skarpnäck,stadsdelsomrade,${payload.text},210,18,41,41`,
    ].join('\n');
    const res = await send('', 'skarpnack.csv', file);
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.inserted).toBe(1);
  });

  it('describes its routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/surveys/catalogue', '/api/surveys/series', '/api/surveys/results/import']),
    );
    expect(doc.paths['/api/surveys/questions'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['survey_id', 'text', 'options', 'key_option', 'direction']),
    );
  });

  describe('access', () => {
    it.each([
      ['public', 401],
      ['partner', 200],
      ['analyst', 200],
    ] as const)('the catalogue to %s: %i', async (who, status) => {
      expect((await get('/api/surveys/catalogue', who)).statusCode).toBe(status);
    });
    it.each([
      ['public', 401],
      ['analyst', 403],
      ['partner', 403],
    ] as const)('an import by %s: %i, nothing written', async (who, status) => {
      const before = await count();
      const res = await send('', 'ok.csv', `${HEADER}\n${CITY},2024,Farsta,stadsdelsomrade,${WORRIED},10,,`, who);
      expect(res.statusCode).toBe(status);
      expect(await count()).toBe(before);
    });
    it('answers 404 for a series of an unknown question', async () => {
      const res = await get(
        `/api/surveys/series?question_id=00000000-0000-4000-8000-000000000000&survey_area_id=${area('Farsta').id}`,
        'analyst',
      );
      expect(res.statusCode).toBe(404);
    });
  });

  it("links a survey item to a problem as its indicator, shown with the problem's evidence", async () => {
    const problems = (await get('/api/problems', 'admin')).json();
    const problem = problems[0];
    const link = {
      kind: 'survey_item',
      ref: question(WORRIED).id,
      filter: { survey_area_id: area('Spånga-Tensta').id },
    };
    const res = await app.inject({
      method: 'POST',
      url: `/api/problems/${problem.id}/evidence`,
      headers: as.admin,
      payload: link,
    });
    expect(res.statusCode).toBe(200);
    const survey = res.json().evidence.find((e: { kind: string }) => e.kind === 'survey_item').survey;
    expect(survey).toMatchObject({
      area: 'Spånga-Tensta',
      direction: 'lower',
      first: { year: 2017, share: 26, ci: null },
      latest: { year: 2020, share: 13, ci: null },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: `/api/problems/${problem.id}/evidence`,
      headers: as.admin,
      payload: { ...link, filter: { survey_area_id: question(WORRIED).id } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ path: 'ref', code: 'unknown_survey_item' });
  });
});
