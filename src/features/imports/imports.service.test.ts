import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.js';
import type { ServiceContext } from '../../core/context.js';
import {
  countIncidents,
  importFiles,
  seedStockholmForImports,
  windows1252,
} from '../../../tests/factories/imports.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { insertRun } from './imports.repo.js';
import { failAbandonedImportRuns, getImportRun, runImport } from './imports.service.js';
import { createImportProfile } from './profiles.service.js';

const HEADER = 'id;datum;kategori;lat;lon;beskrivning';

describeEachEngine('imports service', (getDb) => {
  let ctx: ServiceContext;
  const files = importFiles();
  beforeAll(async () => {
    ctx = await seedStockholmForImports(getDb().db);
  });
  afterAll(() => files.cleanup());

  const commit = (path: string, extra: Partial<Parameters<typeof runImport>[1]> = {}) =>
    runImport(ctx, { filePath: path, fileName: 'test.csv', dryRun: false, ...extra });
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  };

  it('imports a windows-1252, semicolon, decimal-comma file with Swedish dates, placed and redacted', async () => {
    const path = files.write(
      'kommunal.csv',
      windows1252(
        `${HEADER}\r\nA1;2026-11-20 18:00;Skadegörelse;59,3293;18,0686;Krossad ruta, ring 070-123 45 67\r\nA2;25/11/2026;klotter;59,315;18,07;Klotter på gården\r\n`,
      ),
    );
    const before = await countIncidents(ctx.db);
    const report = await commit(path);
    expect(report).toMatchObject({
      status: 'committed',
      file: { encoding: 'windows-1252', delimiter: ';', format: 'csv' },
      rows: { read: 2, ok: 2, inserted: 2 },
    });
    expect(report.redactions).toEqual({ rows: 1, replacements: 1 });
    const rows = await ctx.db
      .selectFrom('incidents')
      .selectAll()
      .where('source', '=', 'import')
      .where('source_ref', 'in', ['A1', 'A2'])
      .orderBy('source_ref')
      .execute();
    expect(rows.map((r) => [r.description, r.precision, r.occurred_at.toISOString()])).toEqual([
      ['Krossad ruta, ring [telefon]', 'exact', '2026-11-20T17:00:00.000Z'],
      ['Klotter på gården', 'exact', '2026-11-24T23:00:00.000Z'],
    ]);
    expect(rows.every((r) => r.area_id && r.district_id && r.h3_r9 && r.import_run_id === report.run_id)).toBe(true);
    expect(await countIncidents(ctx.db)).toBe(before + 2);
    const run = await ctx.db
      .selectFrom('import_runs')
      .selectAll()
      .where('id', '=', report.run_id)
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'committed', rows_inserted: 2, file_name: 'test.csv' });
    expect(run.file_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is idempotent: the same file again changes nothing; a changed row updates its incident', async () => {
    const path = files.write(
      'again.csv',
      `id,datum,kategori,lat,lon,beskrivning\nB1,2026-11-01T10:00:00+01:00,brand,59.33,18.06,Brand i soptunna\nB2,2026-11-01T11:00:00+01:00,brand,59.34,18.05,\n`,
    );
    expect((await commit(path)).rows).toMatchObject({ inserted: 2 });
    const before = await countIncidents(ctx.db);
    expect((await commit(path)).rows).toMatchObject({ inserted: 0, unchanged: 2, updated: 0 });
    const version = async () =>
      (await ctx.db.selectFrom('incidents').select('version').where('source_ref', '=', 'B1').executeTakeFirstOrThrow())
        .version;
    const versionBefore = await version();
    const changed = files.write(
      'changed.csv',
      `id,datum,kategori,lat,lon,beskrivning\nB1,2026-11-01T10:00:00+01:00,brand,59.33,18.06,Brand i soptunna – släckt\n`,
    );
    expect((await commit(changed)).rows).toMatchObject({ inserted: 0, updated: 1 });
    expect(await countIncidents(ctx.db)).toBe(before);
    const b1 = await ctx.db
      .selectFrom('incidents')
      .select('description')
      .where('source_ref', '=', 'B1')
      .executeTakeFirstOrThrow();
    expect(b1.description).toBe('Brand i soptunna – släckt');
    // A change like any other: an edit form filled from the version before gets 409.
    expect(await version()).toBe(versionBefore + 1);
  });

  it('gives rows without an id a content hash, so re-importing them is idempotent too', async () => {
    const path = files.write(
      'noid.csv',
      'datum\tkategori\tlat\tlon\n2026-10-01 08:00\tnedskrapning\t59.33\t18.03\n2026-10-01 09:00\tnedskrapning\t59.32\t18.02\n',
    );
    expect((await commit(path)).rows).toMatchObject({ inserted: 2 });
    expect((await commit(path)).rows).toMatchObject({ inserted: 0, unchanged: 2 });
  });

  it('reports row problems in a dry run and refuses to commit them, changing nothing', async () => {
    const path = files.write(
      'problems.csv',
      [
        HEADER,
        'C1;2026-11-20 18:00;Klotter;59,33;18,06;=HYPERLINK("http://x","y")',
        'C2;2026-11-20 19:00;Ufo;59,33;18,07;okänd kategori',
        'C3;2026-11-20 20:00;Klotter;59,858;17,639;Uppsala',
        'C4;2026-11-20 21:00;Klotter;18,0686;59,3293;omkastade',
        'C5;igår;Klotter;59,33;18,06;fel datum',
        'C6;2099-01-01;Klotter;59,33;18,06;framtid',
      ].join('\n'),
    );
    const before = await countIncidents(ctx.db);
    const report = await runImport(ctx, { filePath: path, fileName: 'problems.csv', dryRun: true });
    expect(report).toMatchObject({
      status: 'validated',
      rows: { read: 6, ok: 1, with_errors: 5 },
      outside_organisation: 1,
      unknown_categories: { Ufo: 1 },
      warnings: { formula_text: 1 },
    });
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'unknown_category'],
      [4, 'outside_organisation'],
      [5, 'swapped_coordinates'],
      [6, 'invalid_date'],
      [7, 'in_future'],
    ]);
    expect(report.errors.find((e) => e.code === 'swapped_coordinates')?.suggestion).toMatch(/--swap-coordinates/);
    const refused = await refusal(commit(path));
    expect(refused.code).toBe('IMPORT_HAS_ERRORS');
    expect(await countIncidents(ctx.db)).toBe(before);

    const partial = await commit(path, { skipInvalid: true, swapCoordinates: true });
    expect(partial.rows).toMatchObject({ inserted: 2, with_errors: 4 });
    expect(partial.warnings).toMatchObject({ swapped_coordinates_fixed: 1 });
    const stored = await ctx.db
      .selectFrom('incidents')
      .select(['source_ref', 'description', 'lon', 'lat'])
      .where('source_ref', 'in', ['C1', 'C4'])
      .orderBy('source_ref')
      .execute();
    expect(stored).toEqual([
      { source_ref: 'C1', description: '=HYPERLINK("http://x","y")', lon: 18.06, lat: 59.33 },
      { source_ref: 'C4', description: 'omkastade', lon: 18.0686, lat: 59.3293 },
    ]);
  });

  it.each([
    ['an empty file', 'EMPTY_FILE', ''],
    ['binary garbage', 'UNREADABLE_FILE', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['a header only', 'HEADER_ONLY', `${HEADER}\n`],
    ['no category column', 'MISSING_COLUMN', 'id;datum;lat;lon\n1;2026-11-20;59.33;18.06\n'],
    [
      'a 10 MB single line',
      'RECORD_TOO_LARGE',
      `${HEADER}\n1;2026-11-20;klotter;59.33;18.06;${'x'.repeat(10 * 1024 * 1024)}\n`,
    ],
  ])('refuses %s with %s and records the refusal', async (_label, code, content) => {
    const path = files.write(`bad-${code}.csv`, content);
    const before = await countIncidents(ctx.db);
    const error = await refusal(commit(path));
    expect(error.code).toBe(code);
    expect(await countIncidents(ctx.db)).toBe(before);
    const run = await ctx.db
      .selectFrom('import_runs')
      .select(['status', 'error_code'])
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ status: 'rejected', error_code: code });
  });

  it('reads SWEREF 99 18 00 and SWEREF 99 TM coordinates and known place names', async () => {
    const path = files.write(
      'sweref.csv',
      [
        'id,datum,kategori,x,y,crs,plats',
        'D1,2026-09-01 12:00,hot,153369.673,6579457.649,EPSG:3011,',
        'D2,2026-09-01 13:00,hot,674032,6580822,SWEREF 99 TM,',
        'D3,2026-09-01 14:00,hot,,,,Sveavägen 73',
      ].join('\n'),
    );
    const report = await commit(path);
    expect(report.rows).toMatchObject({ inserted: 3, with_errors: 0 });
    const rows = await ctx.db
      .selectFrom('incidents')
      .select(['source_ref', 'lon', 'lat', 'precision', 'place_id'])
      .where('source_ref', 'in', ['D1', 'D2', 'D3'])
      .orderBy('source_ref')
      .execute();
    expect(rows[0]!.lat).toBeCloseTo(59.330231, 5);
    expect(rows[0]!.lon).toBeCloseTo(18.059196, 5);
    expect(rows[1]!.lat).toBeCloseTo(59.330231, 4);
    expect(rows[2]).toMatchObject({ precision: 'place' });
    expect(rows[2]!.place_id).not.toBeNull();
  });

  it('skips repeated ids and near duplicates (same category, ≤ 25 m, ≤ 10 min) in the file and against the database', async () => {
    const path = files.write(
      'dupes.csv',
      [
        'id,datum,kategori,lat,lon',
        'E1,2026-08-01 12:00,ordningsstorning,59.3400,18.0500',
        'E1,2026-08-01 12:00,ordningsstorning,59.3400,18.0500',
        'E2,2026-08-01 12:05,ordningsstorning,59.34010,18.05010',
        'E3,2026-08-01 12:30,ordningsstorning,59.34010,18.05010',
      ].join('\n'),
    );
    const report = await commit(path);
    expect(report.rows).toMatchObject({ inserted: 2 });
    expect(report.duplicates).toMatchObject({ source_ref_in_file: 1, near_in_file: 1 });
    const later = files.write(
      'dupes2.csv',
      'id,datum,kategori,lat,lon\nF1,2026-08-01 12:31,ordningsstorning,59.34012,18.05012\n',
    );
    const second = await commit(later);
    expect(second.duplicates.near_in_database).toBe(1);
    expect(second.rows.inserted).toBe(0);
  });

  it('reads the first sheet of an .xlsx with date cells and keeps a formula cell as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Händelser');
    sheet.addRow(['Ärendenr', 'Datum', 'Typ', 'Lat', 'Lon', 'Beskrivning']);
    sheet.addRow([
      'X1',
      new Date(Date.UTC(2026, 6, 1, 18, 0)),
      'Klotter/tag',
      59.31,
      18.08,
      { formula: 'HYPERLINK("http://x","y")', result: 'y' },
    ]);
    await createImportProfile(ctx, {
      name: 'bostadsbolaget',
      source_label: 'Bostadsbolaget felanmälan',
      format: 'xlsx',
      columns: { source_ref: 'Ärendenr' },
      options: { date_order: 'dmy', swap_coordinates: false, keep_near_duplicates: false, ignore_columns: [] },
      category_map: { 'Klotter/tag': 'klotter' },
    });
    const path = files.write('bolag.bin', Buffer.from(await workbook.xlsx.writeBuffer()));
    const report = await commit(path, { profile: 'bostadsbolaget' });
    expect(report).toMatchObject({ file: { format: 'xlsx' }, profile: 'bostadsbolaget', rows: { inserted: 1 } });
    const row = await ctx.db
      .selectFrom('incidents')
      .select(['description', 'occurred_at'])
      .where('source_ref', '=', 'X1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      description: '=HYPERLINK("http://x","y")',
      occurred_at: new Date('2026-07-01T16:00:00.000Z'),
    });
  });

  it('reads GeoJSON points, properties as columns', async () => {
    const path = files.write(
      'points.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [18.0, 59.3] },
            properties: { id: 'G1', date: '2026-05-05T10:00:00Z', category: 'trasig_belysning' },
          },
        ],
      }),
    );
    const report = await commit(path);
    expect(report).toMatchObject({ file: { format: 'geojson' }, rows: { inserted: 1 } });
  });

  it('marks runs left running by a killed process as failed at the next start, audited', async () => {
    const { db, engine } = getDb();
    const run = (name: string) =>
      insertRun(db, {
        organisation_id: ctx.organisation.id,
        profile_id: null,
        actor: 'test',
        file_name: name,
        file_sha256: 'a'.repeat(64),
        file_size: 1,
        dry_run: false,
      });
    const killed = await run('killed.csv');
    const now = new Date(Date.now() + 5 * 60_000);
    await db
      .updateTable('import_runs')
      .set({ heartbeat_at: new Date(now.getTime() - 10 * 60_000) })
      .where('id', '=', killed.id)
      .execute();
    // On PostgreSQL another server may be importing right now: a run with a fresh heartbeat is left alone there.
    const beating = await run('beating.csv');
    await db
      .updateTable('import_runs')
      .set({ heartbeat_at: new Date(now.getTime() - 1000) })
      .where('id', '=', beating.id)
      .execute();

    expect(await failAbandonedImportRuns(db, engine, now)).toBe(engine === 'pglite' ? 2 : 1);
    expect(await getImportRun(ctx, killed.id)).toMatchObject({
      status: 'failed',
      error_code: 'IMPORT_ABANDONED',
      abandoned: false,
    });
    expect((await getImportRun(ctx, beating.id)).status).toBe(engine === 'pglite' ? 'failed' : 'running');
    const audit = await db.selectFrom('audit_events').select('after').where('entity_id', '=', killed.id).execute();
    expect(audit.map((a) => a.after)).toEqual([{ status: 'failed', error_code: 'IMPORT_ABANDONED' }]);
    await db
      .updateTable('import_runs')
      .set({ status: 'failed', finished_at: new Date() })
      .where('status', '=', 'running')
      .execute();
  });
});
