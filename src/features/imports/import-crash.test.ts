import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type ConnectOptions } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import { SYSTEM } from '../../domain/auth.js';
import { countIncidents, importFiles, seedStockholmForImports } from '../../../tests/factories/imports.factory.js';
import { TEST_POSTGRES_URL } from '../../../tests/setup/test-db.js';
import { BULK_MIN_ROWS } from './stage-writer.js';
import { runImport } from './imports.service.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** So many rows that the import is surely still reading the file when it is killed. */
const STAGING_ROWS = 150_000;
/** Just enough new rows for the bulk load: a few of them lie outside Stockholm and are refused. */
const BULK_ROWS = BULK_MIN_ROWS + 1000;

/** Klotter rows spread over inner Stockholm; `occurredAt` gives row i's time. */
function incidentsCsv(rows: number, occurredAt: (i: number) => string): string {
  const lines = ['id;datum;kategori;lat;lon;beskrivning'];
  for (let i = 0; i < rows; i++) {
    const lat = (59.31 + ((i % 997) / 997) * 0.03).toFixed(6).replace('.', ',');
    const lon = (18.03 + ((i % 991) / 991) * 0.05).toFixed(6).replace('.', ',');
    lines.push(`K-${i};${occurredAt(i)};Klotter;${lat};${lon};rad ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

const crowdedTime = (i: number) => `2026-0${1 + (i % 9)}-${10 + (i % 18)} ${10 + (i % 13)}:${10 + (i % 49)}`;
/** 20 minutes apart: no row has another within its ±10-minute near-duplicate window, so those checks before the bulk load stay quick. */
const spreadTime = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 20 * 60_000).toISOString();

/** What a killed import must leave exactly as it was: the incidents and the incidents table's indexes and foreign keys. */
async function stateOf(db: Kysely<Database>) {
  const indexes = await sql<{ name: string; definition: string; valid: boolean }>`
    SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS definition, x.indisvalid AS valid
    FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE x.indrelid = 'incidents'::regclass ORDER BY 1`.execute(
    db,
  );
  const foreignKeys = await sql<{ name: string; definition: string; validated: boolean }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition, convalidated AS validated
    FROM pg_constraint WHERE conrelid = 'incidents'::regclass AND contype = 'f' ORDER BY 1`.execute(db);
  const runs = await db.selectFrom('import_runs').select(['status', 'rows_inserted']).execute();
  return { incidents: await countIncidents(db), indexes: indexes.rows, foreignKeys: foreignKeys.rows, runs };
}

async function withDatabase<T>(options: ConnectOptions, body: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const handle = await connect(options);
  try {
    return await body(handle.db);
  } finally {
    await handle.close();
  }
}

async function seededState(options: ConnectOptions) {
  return withDatabase(options, async (db) => {
    await migrateToLatest(db);
    await seedStockholmForImports(db, { police: true });
    return stateOf(db);
  });
}

/** The one trace a killed import leaves: its run, still 'running' with nothing inserted. */
const killedRun = [{ status: 'running', rows_inserted: 0 }];

/** Looks at the import from outside: what it saw when the moment to kill has come, else undefined. */
type KillCue<T> = (stderr: string) => T | undefined | Promise<T | undefined>;

/** Runs `trygg import incidents` as a user would and SIGKILLs it as soon as `cue` (asked every 10 ms) sees something. */
function importAndKill<T>(
  file: string,
  env: Record<string, string>,
  cue: KillCue<T>,
): Promise<{ signal: NodeJS.Signals | null; seen: T }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'import', 'incidents', file, '--org', 'stockholm', '--skip-invalid'],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    let seen: T | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const watch = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        seen = await cue(stderr);
      } catch (e) {
        child.kill('SIGKILL');
        reject(e);
        return;
      }
      if (seen === undefined) setTimeout(watch, 10);
      else child.kill('SIGKILL');
    };
    void watch();
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal && seen !== undefined
        ? resolve({ signal, seen })
        : reject(new Error(`import ended before it was killed:\n${stderr}`)),
    );
  });
}

/** The rows read, from the CLI's progress lines on stderr, once past three chunks: at least two are then staged in the open transaction. */
const readPast15000: KillCue<number> = (stderr) => {
  const rows = Math.max(
    0,
    ...[...stderr.matchAll(/%\s([\d\s\u00a0]+) rader/g)].map((m) => Number(m[1]!.replace(/[\s\u00a0]/g, ''))),
  );
  return rows >= 15_000 ? rows : undefined;
};

/**
 * PGlite's relation files (main fork, not temporary) in its data directory. During an import only the bulk
 * load's CREATE INDEX makes new ones: the staging table is temporary, and dropped indexes keep their files
 * until the commit.
 */
function relationFiles(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'base'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    /^\d+$/.test(basename(f)),
  );
}

/** The import's statement while it re-creates the dropped indexes and foreign keys, seen from another session. */
function rebuildStatement(watcher: pg.Client): KillCue<string> {
  return async () => {
    const { rows } = await watcher.query<{ query: string }>(`
      SELECT query FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
        AND query ~* '^\\s*(CREATE (UNIQUE )?INDEX|ALTER TABLE incidents ADD CONSTRAINT)'`);
    return rows[0]?.query.trim();
  };
}

/** A database of its own for the CLI (which migrates its public schema), dropped afterwards. */
async function withPostgresDatabase(body: (databaseUrl: string) => Promise<void>): Promise<void> {
  const name = `trygg_crash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    await body(TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`));
  } finally {
    // The killed process's backend may linger a moment after its client vanished.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        break;
      } catch (e) {
        // biome-ignore lint/correctness/noUnsafeFinally: a database left behind must fail the run, even over the test's own error
        if (attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    await admin.end();
  }
}

describe('an import killed mid-way (SIGKILL) leaves the database as it was', () => {
  const files = importFiles();
  const stagingCsv = files.write('staging.csv', incidentsCsv(STAGING_ROWS, crowdedTime));
  const bulkCsv = files.write('bulk.csv', incidentsCsv(BULK_ROWS, spreadTime));
  const afterwardsCsv = files.write(
    'afterwards.csv',
    'id;datum;kategori;lat;lon\nAFTER-1;2026-10-05 12:00;Klotter;59,3365;18,0710\nAFTER-2;2026-10-06 12:00;Klotter;59,3190;18,0480\n',
  );
  afterAll(() => files.cleanup());

  /** Initialising and seeding a PGlite data directory takes seconds: it is done once and each test works on a copy. */
  let pgliteSeed: Promise<{ dataDir: string; state: Awaited<ReturnType<typeof stateOf>> }> | undefined;
  async function seededPglite(name: string) {
    pgliteSeed ??= (async () => {
      const dataDir = join(files.dir, 'pglite-seeded');
      return { dataDir, state: await seededState({ dataDir }) };
    })();
    const seed = await pgliteSeed;
    const dataDir = join(files.dir, name);
    cpSync(seed.dataDir, dataDir, { recursive: true });
    return { dataDir, before: seed.state };
  }

  /** Nothing but the killed run's row changed, and the next import (in this process, as the API runs it) works as usual. */
  async function expectUntouchedAndUsable(options: ConnectOptions, before: Awaited<ReturnType<typeof stateOf>>) {
    await withDatabase(options, async (db) => {
      expect(await stateOf(db)).toEqual({ ...before, runs: killedRun });
      const organisation = await db
        .selectFrom('organisations')
        .select(['id', 'slug', 'time_zone as timeZone'])
        .where('slug', '=', 'stockholm')
        .executeTakeFirstOrThrow();
      const ctx = { db, organisation, principal: SYSTEM, actor: 'test', log: pino({ level: 'silent' }) };
      const report = await runImport(ctx, {
        filePath: afterwardsCsv,
        fileName: basename(afterwardsCsv),
        dryRun: false,
      });
      expect(report).toMatchObject({ status: 'committed', rows: { inserted: 2 } });
      expect(await countIncidents(db)).toBe(before.incidents + 2);
    });
  }

  it('on PGlite with an on-disk data directory, while staging rows', async () => {
    const { dataDir, before } = await seededPglite('pglite-staging');
    const { signal, seen } = await importAndKill(
      stagingCsv,
      { TRYGG_DATA_DIR: dataDir, DATABASE_URL: '' },
      readPast15000,
    );
    expect(signal).toBe('SIGKILL');
    expect(seen).toBeGreaterThanOrEqual(15_000);
    expect(await withDatabase({ dataDir }, stateOf)).toEqual({ ...before, runs: killedRun });
  }, 180_000);

  it('on PostgreSQL, while staging rows', async () => {
    await withPostgresDatabase(async (databaseUrl) => {
      const before = await seededState({ databaseUrl });
      const { signal } = await importAndKill(stagingCsv, { DATABASE_URL: databaseUrl }, readPast15000);
      expect(signal).toBe('SIGKILL');
      expect(await withDatabase({ databaseUrl }, stateOf)).toEqual({ ...before, runs: killedRun });
    });
  }, 180_000);

  it('on PGlite with an on-disk data directory, once the bulk load has started re-creating the dropped indexes', async () => {
    const { dataDir, before } = await seededPglite('pglite-bulk');
    expect(before.indexes.length).toBeGreaterThan(1);
    expect(before.foreignKeys.length).toBeGreaterThan(0);
    const existing = new Set(relationFiles(dataDir));
    const { signal, seen } = await importAndKill(bulkCsv, { TRYGG_DATA_DIR: dataDir, DATABASE_URL: '' }, () =>
      relationFiles(dataDir).find((f) => !existing.has(f)),
    );
    expect(signal).toBe('SIGKILL');
    expect(seen).toMatch(/^\d+[/\\]\d+$/);
    await expectUntouchedAndUsable({ dataDir }, before);
  }, 180_000);

  it('on PostgreSQL, while the bulk load re-creates the dropped indexes and foreign keys', async () => {
    await withPostgresDatabase(async (databaseUrl) => {
      const before = await seededState({ databaseUrl });
      expect(before.indexes.length).toBeGreaterThan(1);
      expect(before.foreignKeys.length).toBeGreaterThan(0);
      const watcher = new pg.Client({ connectionString: databaseUrl });
      await watcher.connect();
      try {
        const { signal, seen } = await importAndKill(bulkCsv, { DATABASE_URL: databaseUrl }, rebuildStatement(watcher));
        expect(signal).toBe('SIGKILL');
        expect(seen).toMatch(/^(CREATE (UNIQUE )?INDEX|ALTER TABLE incidents ADD CONSTRAINT)/);
      } finally {
        await watcher.end();
      }
      await expectUntouchedAndUsable({ databaseUrl }, before);
    });
  }, 180_000);
});
