import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../core/context.js';
import { importFiles, seedStockholmForImports } from '../../../tests/factories/imports.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { runImport } from './imports.service.js';
import { MAX_QUOTED } from './quoted-values.js';

const PNR = '811218-9876';

describeEachEngine('personal data in imported files', (getDb) => {
  let ctx: ServiceContext;
  const files = importFiles();
  beforeAll(async () => {
    ctx = await seedStockholmForImports(getDb().db);
  });
  afterAll(() => files.cleanup());

  const storedRun = async (runId: string) =>
    JSON.stringify(
      await getDb().db.selectFrom('import_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow(),
    );

  it.each([true, false])('keeps no cell or file name with personal data in the run (dry run %s)', async (dryRun) => {
    const path = files.write(
      `bad-${dryRun}.csv`,
      [
        `id;datum;kategori;plats;beskrivning;x`,
        `C1;2026-11-20 18:00;Anmäld av ${PNR};;Klotter;x`,
        `C2;2026-11-20 18:00;klotter;Hos ${PNR} på Drottninggatan med en lång adress som fortsätter;Klotter;x`,
        `C3;inte ${PNR};klotter;;Klotter;x`,
      ].join('\n'),
    );
    const report = await runImport(ctx, { filePath: path, fileName: `anmälan ${PNR}.csv`, dryRun, skipInvalid: true });
    expect(report.rows.with_errors).toBe(3);
    const stored = await storedRun(report.run_id);
    for (const value of [PNR, PNR.replace('-', '')]) expect(stored).not.toContain(value);
    expect(stored).toContain('[personnummer]');
    const quotes = report.errors.flatMap((e) => [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((q) => q.length <= MAX_QUOTED)).toBe(true);
    expect(report.errors.map((e) => e.message)).toContain("'Anmäld av [personnummer]' is not a category");
  });

  it('stores no identity number as a row reference, and tells that the row was identified by its content', async () => {
    const path = files.write('ids.csv', `id;datum;kategori;lat;lon\n${PNR};2026-11-20 18:00;klotter;59.3293;18.0686\n`);
    const report = await runImport(ctx, { filePath: path, fileName: 'ids.csv', dryRun: false });
    expect(report.rows.inserted).toBe(1);
    expect(report.warnings).toMatchObject({ personal_data_in_ref: 1 });
    const refs = await getDb()
      .db.selectFrom('incidents')
      .select('source_ref')
      .where('import_run_id', '=', report.run_id)
      .execute();
    expect(refs.map((r) => r.source_ref)).toEqual([expect.stringMatching(/^sha256:/)]);
  });
});
