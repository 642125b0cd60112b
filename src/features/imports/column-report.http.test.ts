import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, localMinute } from '../../domain/calendar/index.js';
import { buildApp } from '../../server/app.js';
import type { ServiceContext } from '../../core/context.js';
import { multipartUpload as upload, seedStockholmForImports } from '../../../tests/factories/imports.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

describeEachEngine('imports: split date and time, every column reported, preview, place matches', (getDb) => {
  let app: FastifyInstance;
  let ctx: ServiceContext;
  let headers: Record<string, string>;

  beforeAll(async () => {
    ctx = await seedStockholmForImports(getDb().db);
    app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'stockholm' },
      webRoot: null,
    });
    const unit = await getDb()
      .db.selectFrom('units')
      .select('id')
      .where('organisation_id', '=', ctx.organisation.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    ({ headers } = await signedInAs(app, getDb().db, ctx.organisation.id, unit.id, 'coordinator'));
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (query: string, name: string, content: string) => {
    const body = upload(name, content);
    return app.inject({
      method: 'POST',
      url: `/api/imports?${query}`,
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const storedLocal = async (ref: string) => {
    const row = await ctx.db
      .selectFrom('incidents')
      .select('occurred_at')
      .where('source_ref', '=', ref)
      .executeTakeFirstOrThrow();
    return localMinute(row.occurred_at, DEFAULT_TIME_ZONE);
  };

  // Each file its own days, so no row is a near repeat of one committed by another case.
  it.each([
    [
      'datum + tid (Swedish)',
      'id;datum;tid;kategori;lat;lon\nS1;2026-11-20;18:45;Klotter;59,3293;18,0686\nS2;2026-07-01;07:05;Klotter;59,3180;18,0750\n',
      'datum',
      'tid',
      'header',
      ['2026-11-20 18:45', '2026-07-01 07:05'],
    ],
    [
      'date + time (English, day first)',
      'id,date,time,category,lat,lon\nE1,21/11/2026,18:45,graffiti,59.3293,18.0686\nE2,02/07/2026,07:05:30,graffiti,59.3180,18.0750\n',
      'date',
      'time',
      'header',
      ['2026-11-21 18:45', '2026-07-02 07:05'],
    ],
    [
      'brottsdatum + klockslag with dots',
      'id;Brottsdatum;Klockslag;Kategori;Lat;Lon\nB1;2026-10-25;02.30;Klotter;59,3293;18,0686\nB2;2026-03-29;7.05;Klotter;59,3180;18,0750\n',
      'Brottsdatum',
      'Klockslag',
      'header',
      ['2026-10-25 02:30', '2026-03-29 07:05'],
    ],
    [
      'a time column with another name, found by its content',
      'id;Datum;Inträffade kl;Kategori;Lat;Lon\nC1;2026-11-23;18:45;Klotter;59,3293;18,0686\nC2;2026-07-04;07:05;Klotter;59,3180;18,0750\n',
      'Datum',
      'Inträffade kl',
      'content',
      ['2026-11-23 18:45', '2026-07-04 07:05'],
    ],
  ])(
    'combines %s into the local time, and says so in the dry run',
    async (_label, file, dateColumn, timeColumn, via, local) => {
      const dry = await post('', 'split.csv', file);
      expect(dry.statusCode).toBe(200);
      const report = dry.json();
      expect(report.columns).toMatchObject({ occurred_at: dateColumn, occurred_time: timeColumn });
      expect(report.source_columns).toContainEqual({ name: timeColumn, use: 'mapped', field: 'occurred_time', via });
      expect(report.warnings.time_missing ?? 0).toBe(0);
      expect(report.preview.map((p: { occurred_local: string }) => p.occurred_local)).toEqual(local);
      expect(report.preview[0]).toMatchObject({
        category: 'klotter',
        category_label: { sv: 'Klotter', en: 'Graffiti' },
        precision: 'exact',
        place: null,
      });

      const done = await post('dry_run=false', 'split.csv', file);
      expect(done.json()).toMatchObject({ status: 'committed', rows: { inserted: 2 } });
      const refs = file
        .split('\n')
        .slice(1, 3)
        .map((l) => l.split(/[;,]/)[0]!);
      expect([await storedLocal(refs[0]!), await storedLocal(refs[1]!)]).toEqual(local);
    },
  );

  it('lists every column of the file: mapped to which field, ignored by the profile, or not used', async () => {
    const profile = {
      name: 'med-ignorerad',
      source_label: 'Fil med extra kolumner',
      format: 'csv',
      columns: {},
      options: { ignore_columns: ['Handläggare'] },
    };
    expect(
      (await app.inject({ method: 'POST', url: '/api/import-profiles', headers, payload: profile })).statusCode,
    ).toBe(201);
    const file =
      'id;datum;tid;kategori;lat;lon;Handläggare;Väder\nX1;2026-11-21;21:10;Klotter;59,3293;18,0686;A;Regn\n';
    const report = (await post('profile=med-ignorerad', 'extra.csv', file)).json();
    expect(report.source_columns).toEqual([
      { name: 'id', use: 'mapped', field: 'source_ref', via: 'header' },
      { name: 'datum', use: 'mapped', field: 'occurred_at', via: 'header' },
      { name: 'tid', use: 'mapped', field: 'occurred_time', via: 'header' },
      { name: 'kategori', use: 'mapped', field: 'category', via: 'header' },
      { name: 'lat', use: 'mapped', field: 'lat', via: 'header' },
      { name: 'lon', use: 'mapped', field: 'lon', via: 'header' },
      { name: 'Handläggare', use: 'ignored', field: null, via: null },
      { name: 'Väder', use: 'unused', field: null, via: null },
    ]);
  });

  it('never stores a date without a time silently at 00:00: such rows are counted in the dry run', async () => {
    // The date column holds full times, so 'Tid' is left unused and listed as such; the second file has dates only.
    const withTimes = (
      await post('', 'whole.csv', 'id;datum;Tid;kategori;lat;lon\nW1;2026-11-20 18:45;kväll;Klotter;59,3293;18,0686\n')
    ).json();
    expect(withTimes.source_columns).toContainEqual({ name: 'Tid', use: 'unused', field: null, via: null });
    expect(withTimes.preview[0].occurred_local).toBe('2026-11-20 18:45');
    const datesOnly = (
      await post(
        '',
        'dates.csv',
        'id;datum;kategori;lat;lon\nD1;2026-11-20;Klotter;59,3293;18,0686\nD2;2026-11-21;Klotter;59,3180;18,0750\n',
      )
    ).json();
    expect(datesOnly.warnings).toMatchObject({ time_missing: 2 });
    expect(datesOnly.preview[0].occurred_local).toBe('2026-11-20 00:00');
  });

  it('refuses a row whose time cell is not a time of day, naming the time column', async () => {
    const good = ['08:00', '09:15', '10:30', '11:45'].map((t, i) => `G${i};2026-11-20;${t};Klotter;59,3293;18,0686`);
    const res = await post(
      '',
      'bad.csv',
      ['id;datum;tid;kategori;lat;lon', ...good, 'T2;2026-11-20;25:99;Klotter;59,3293;18,0686', ''].join('\n'),
    );
    expect(res.json().errors).toEqual([expect.objectContaining({ row: 6, column: 'tid', code: 'invalid_time' })]);
  });

  it('matches place names case- and accent-insensitively and shows each match and each miss', async () => {
    const file =
      'id;datum;tid;kategori;plats\nP1;2026-11-20;18:45;Klotter;HÖTORGET\nP2;2026-11-20;19:00;Klotter;hotorget\nP3;2026-11-20;19:15;Klotter;skarholmens CENTRUM\nP4;2026-11-20;19:30;Klotter;Ingenstans torg\n';
    const report = (await post('', 'places.csv', file)).json();
    expect(report.places).toHaveLength(4);
    expect(report.places).toEqual(
      expect.arrayContaining([
        { value: 'HÖTORGET', place: 'Hötorget', precision: 'place', rows: 1 },
        { value: 'hotorget', place: 'Hötorget', precision: 'place', rows: 1 },
        { value: 'Ingenstans torg', place: null, precision: null, rows: 1 },
        { value: 'skarholmens CENTRUM', place: 'Skärholmens centrum', precision: 'place', rows: 1 },
      ]),
    );
    expect(report.preview.map((p: { place: string; precision: string }) => [p.place, p.precision])).toEqual([
      ['Hötorget', 'place'],
      ['Hötorget', 'place'],
      ['Skärholmens centrum', 'place'],
    ]);
    expect(report.errors).toEqual([expect.objectContaining({ row: 5, code: 'unknown_place' })]);
  });

  it('matches the names of districts and neighbourhoods in force on the day, as area precision, and stores no more than the name says', async () => {
    const file = [
      'id;datum;tid;kategori;plats',
      'A1;2022-05-10;18:45;Klotter;Rinkeby-Kista',
      'A2;2022-05-11;18:45;Klotter;rinkeby kista',
      'A3;2026-11-20;18:45;Klotter;Södermalm',
      'A4;2026-11-20;18:45;Klotter;HOGDALEN',
      'A5;2026-11-20;18:45;Klotter;RINKEBY-KISTA',
      '',
    ].join('\n');
    const dry = (await post('', 'areas.csv', file)).json();
    expect(dry.places).toEqual(
      expect.arrayContaining([
        { value: 'Rinkeby-Kista', place: 'Rinkeby-Kista', precision: 'area', rows: 1 },
        { value: 'rinkeby kista', place: 'Rinkeby-Kista', precision: 'area', rows: 1 },
        { value: 'Södermalm', place: 'Södermalm', precision: 'area', rows: 1 },
        { value: 'HOGDALEN', place: 'Högdalen', precision: 'area', rows: 1 },
        { value: 'RINKEBY-KISTA', place: null, precision: null, rows: 1 },
      ]),
    );
    // Rinkeby-Kista became part of Järva on 2023-07-01: in 2026 the name is in force nowhere.
    expect(dry.errors).toEqual([expect.objectContaining({ row: 6, code: 'unknown_place' })]);
    expect(dry.preview.map((p: { place: string; precision: string }) => [p.place, p.precision])).toContainEqual([
      'Högdalen',
      'area',
    ]);

    const committed = (await post('dry_run=false&skip_invalid=true', 'areas.csv', file)).json();
    expect(committed, JSON.stringify(committed).slice(0, 400)).toMatchObject({ rows: { inserted: 4 } });
    const stored = await ctx.db
      .selectFrom('incidents as i')
      .leftJoin('areas as n', 'n.id', 'i.area_id')
      .innerJoin('areas as d', 'd.id', 'i.district_id')
      .select(['i.source_ref', 'i.precision', 'i.place_id', 'i.h3_r9', 'n.name as neighbourhood', 'd.name as district'])
      .where('i.source_ref', 'in', ['A1', 'A3', 'A4'])
      .orderBy('i.source_ref')
      .execute();
    expect(stored).toEqual([
      {
        source_ref: 'A1',
        precision: 'area',
        place_id: null,
        h3_r9: null,
        neighbourhood: null,
        district: 'Rinkeby-Kista',
      },
      { source_ref: 'A3', precision: 'area', place_id: null, h3_r9: null, neighbourhood: null, district: 'Södermalm' },
      {
        source_ref: 'A4',
        precision: 'area',
        place_id: null,
        h3_r9: null,
        neighbourhood: 'Högdalen',
        district: 'Enskede-Årsta-Vantör',
      },
    ]);
  });
});
