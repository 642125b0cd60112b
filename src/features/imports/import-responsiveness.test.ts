import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { ServiceContext } from '../../core/context.js';
import { importFiles, seedStockholmForImports } from '../../../tests/factories/imports.factory.js';
import { openTestDb, type TestDb } from '../../../tests/setup/test-db.js';
import { runImport } from './imports.service.js';

/** Rows enough for an import of several seconds; each row has its own id, place and time. */
function incidentsCsv(rows: number): string {
  const lines = ['id;datum;kategori;lat;lon;beskrivning'];
  for (let i = 0; i < rows; i++) {
    const lat = (59.31 + ((i % 997) / 997) * 0.03).toFixed(6).replace('.', ',');
    const lon = (18.03 + ((i % 991) / 991) * 0.05).toFixed(6).replace('.', ',');
    lines.push(
      `R-${i};${new Date(Date.UTC(2024, 0, 1) + i * 20 * 60_000).toISOString()};Klotter;${lat};${lon};rad ${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// PGlite has one session and runs in the server's thread: there an import used to hold both until it ended.
describe('requests during an import on PGlite', () => {
  const files = importFiles();
  let testDb: TestDb;
  let ctx: ServiceContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    ctx = await seedStockholmForImports(testDb.db);
    app = await buildApp({
      db: testDb.db,
      engine: testDb.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'stockholm' },
      webRoot: null,
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await testDb.dispose();
    files.cleanup();
  });

  it('are answered while the import is still reading and staging the file', async () => {
    const file = files.write('many.csv', incidentsCsv(20_000));
    const finished: string[] = [];
    let request: Promise<number> | undefined;
    const importing = runImport(ctx, {
      filePath: file,
      fileName: basename(file),
      dryRun: true,
      onProgress: (p) => {
        // Once a first chunk is being staged, someone opens a page that reads the database.
        request ??=
          p.rowsRead > 0
            ? app.inject({ method: 'GET', url: '/api/categories' }).then((res) => {
                finished.push('request');
                return res.statusCode;
              })
            : undefined;
      },
    }).then((report) => {
      finished.push('import');
      return report;
    });

    const report = await importing;
    expect(report).toMatchObject({ status: 'validated', rows: { read: 20_000 } });
    expect(await request).toBe(200);
    expect(finished).toEqual(['request', 'import']);
  }, 120_000);
});
