import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type ConnectOptions } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { countIncidents, importFiles } from '../../../tests/factories/imports.factory.js';
import { TEST_POSTGRES_URL } from '../../../tests/setup/test-db.js';
import { seedStockholm } from '../seed/seed.service.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ROWS = 150_000;

/** A big enough file that the import is surely mid-way when it is killed. */
function bigCsv(): string {
  const lines = ['id;datum;kategori;lat;lon;beskrivning'];
  for (let i = 0; i < ROWS; i++) {
    const lat = (59.31 + (i % 997) / 997 * 0.03).toFixed(6).replace('.', ',');
    const lon = (18.03 + (i % 991) / 991 * 0.05).toFixed(6).replace('.', ',');
    lines.push(`K-${i};2026-0${1 + (i % 9)}-${10 + (i % 18)} ${10 + (i % 13)}:${10 + (i % 49)};Klotter;${lat};${lon};rad ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

async function seeded(options: ConnectOptions): Promise<number> {
  const handle = await connect(options);
  await migrateToLatest(handle.db);
  await seedStockholm(handle.db, { demoIncidents: 0, police: true });
  const n = await countIncidents(handle.db);
  await handle.close();
  return n;
}

async function countAfter(options: ConnectOptions) {
  const handle = await connect(options);
  try {
    const runs = await handle.db.selectFrom('import_runs').select(['status', 'rows_inserted']).execute();
    return { incidents: await countIncidents(handle.db), runs };
  } finally {
    await handle.close();
  }
}

/** Runs `trygg import incidents` as a user would and SIGKILLs it once it has staged a few chunks. */
function importAndKill(file: string, env: Record<string, string>): Promise<{ signal: NodeJS.Signals | null; rowsSeen: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'incidents', file, '--org', 'stockholm', '--skip-invalid'], {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let rowsSeen = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const m of stderr.matchAll(/%\s([\d\s\u00a0]+) rader/g)) rowsSeen = Math.max(rowsSeen, Number(m[1]!.replace(/[\s\u00a0]/g, '')));
      // Three chunks read means at least two were staged inside the open transaction.
      if (rowsSeen >= 15_000 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal ? resolve({ signal, rowsSeen }) : reject(new Error(`import ended before it was killed:\n${stderr}`))));
  });
}

describe('an import killed mid-way (SIGKILL) leaves the database as it was', () => {
  const files = importFiles();
  const csv = files.write('big.csv', bigCsv());
  afterAll(() => files.cleanup());

  it('on PGlite with an on-disk data directory', async () => {
    const dataDir = join(files.dir, 'pglite');
    const before = await seeded({ dataDir });
    const { signal, rowsSeen } = await importAndKill(csv, { TRYGG_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(signal).toBe('SIGKILL');
    expect(rowsSeen).toBeGreaterThanOrEqual(15_000);
    const after = await countAfter({ dataDir });
    expect(after.incidents).toBe(before);
    expect(after.runs).toEqual([{ status: 'running', rows_inserted: 0 }]);
  }, 180_000);

  it('on PostgreSQL', async () => {
    const name = `trygg_crash_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const databaseUrl = TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`);
    try {
      const before = await seeded({ databaseUrl });
      const { signal } = await importAndKill(csv, { DATABASE_URL: databaseUrl });
      expect(signal).toBe('SIGKILL');
      const after = await countAfter({ databaseUrl });
      expect(after.incidents).toBe(before);
      expect(after.runs).toEqual([{ status: 'running', rows_inserted: 0 }]);
    } finally {
      // The killed process's backend may linger a moment after its client vanished.
      for (let attempt = 0; ; attempt++) {
        try { await admin.query(`DROP DATABASE IF EXISTS ${name}`); break; } catch (e) {
          if (attempt >= 20) throw e;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      await admin.end();
    }
  }, 180_000);
});
