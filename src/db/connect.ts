import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… selects real PostgreSQL; otherwise embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory://' keeps everything in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to put first on the search_path (tests isolate themselves this way). */
  searchPath?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number | undefined;
  /** PGlite server settings (e.g. BATCH_PGLITE_SETTINGS); ignored for PostgreSQL. */
  pgliteSettings?: Readonly<Record<string, string>> | undefined;
  /** A PGlite data directory dumped earlier (`PGlite.dumpDataDir`) to start from instead of an empty one. */
  loadDataDir?: Blob | undefined;
}

/**
 * For one-off batch commands such as `trygg import`: PGlite's WASM heap grows to what PostgreSQL touches
 * and never shrinks, and the default 128 MB buffer cache alone is touched at start. Smaller caches keep
 * a million-row import under 300 MB RSS; sorts and index builds spill to temporary files instead.
 */
export const BATCH_PGLITE_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '16MB', maintenance_work_mem: '16MB' };

// Both engines must hand the app the same JS values: int8 and numeric as numbers (counts, sums), date as
// the plain 'YYYY-MM-DD' text (a JS Date would shift it by the time zone).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** Opens the database the configuration names. */
export async function connect(options: ConnectOptions = {}): Promise<DbHandle> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options);
  return connectPGlite(options.dataDir ?? './data', options.pgliteSettings, options.loadDataDir);
}

async function connectPGlite(dataDir: string, settings: Readonly<Record<string, string>> = {}, loadDataDir?: Blob): Promise<DbHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    ...(loadDataDir ? { loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    parsers: {
      [pgliteTypes.INT8]: (v: string) => Number(v),
      [pgliteTypes.NUMERIC]: (v: string) => Number(v),
      [pgliteTypes.DATE]: (v: string) => v,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}

async function connectPostgres(url: string, options: ConnectOptions): Promise<DbHandle> {
  // Loaded only for PostgreSQL, so a PGlite batch job does not carry the driver.
  const { default: pg } = await import('pg');
  const parsers: Record<number, (v: string) => unknown> = {
    [INT8]: (v) => Number(v),
    [NUMERIC]: (v) => Number(v),
    [DATE]: (v) => v,
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}
