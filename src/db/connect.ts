import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
  /** PostgreSQL: the pool's connections now (for metrics); PGlite has one in-process connection and none. */
  poolStats?: () => PoolStats;
  /** PostgreSQL: the pool itself, which a read replica falls back to (read-replica.ts). */
  pool?: Pool;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** Queries waiting for a free connection: above zero the pool is too small for the load. */
  waiting: number;
  max: number;
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
  /** PostgreSQL: longest a statement may run, in ms (0 = no limit). */
  statementTimeoutMs?: number | undefined;
  /** PostgreSQL: longest a session may sit idle inside a transaction before the server ends it, in ms (0 = no limit). */
  idleInTransactionTimeoutMs?: number | undefined;
  /** Where lost connections are reported; they are never allowed to end the process. */
  log?: ConnectionLog | undefined;
}

export interface ConnectionLog {
  warn(details: object, message: string): void;
}

/**
 * How often a PostgreSQL backend checks, during a long statement, that its client is still there: without
 * it a killed process's statement runs on to its end and keeps its locks (minutes for an import).
 */
const CLIENT_CHECK_INTERVAL_MS = 5000;

/**
 * For one-off batch commands such as `trygg import`: PGlite's WASM heap grows to what PostgreSQL touches
 * and never shrinks, and the default 128 MB buffer cache alone is touched at start. Smaller caches keep
 * a million-row import under 300 MB RSS; sorts and index builds spill to temporary files instead.
 */
export const BATCH_PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  maintenance_work_mem: '16MB',
};

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

async function connectPGlite(
  dataDir: string,
  settings: Readonly<Record<string, string>> = {},
  loadDataDir?: Blob,
): Promise<DbHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    ...(loadDataDir ? { loadDataDir } : {}),
    startParams: [
      ...PGlite.defaultStartParams,
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
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
  const pool = await openPool(url, options);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const max = options.maxConnections ?? 10;
  return {
    db,
    engine: 'postgres',
    close: () => db.destroy(),
    pool,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
  };
}

/** A pg pool for `url` with the app's type parsers, timeouts and connection-loss handling. */
export async function openPool(url: string, options: ConnectOptions): Promise<Pool> {
  // Loaded only for PostgreSQL, so a PGlite batch job does not carry the driver.
  const { default: pg } = await import('pg');
  const parsers: Record<number, (v: string) => unknown> = {
    [INT8]: (v) => Number(v),
    [NUMERIC]: (v) => Number(v),
    [DATE]: (v) => v,
  };
  const log = options.log ?? { warn: (details: object, message: string) => console.warn(message, details) };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // A database that does not answer fails the request instead of holding it forever.
    connectionTimeoutMillis: 10_000,
    // The URL's application_name (or PGAPPNAME) wins, so an operator can tell processes apart in pg_stat_activity.
    fallback_application_name: 'trygg',
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.idleInTransactionTimeoutMs
      ? { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs }
      : {}),
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A backend that ends (terminated, database restarted) makes its client emit 'error', and the pool repeats
  // it for an idle client. Unheard, either event ends the process; heard, the pool drops the client and opens
  // a new one when needed, and only the statement that was running fails.
  pool.on('error', () => {
    /* the client's own listener below has reported it */
  });
  pool.on('connect', (client) => {
    let reported = false;
    client.on('error', (error) => {
      // The server's "terminating connection" and the socket's end arrive as two errors: report the loss once.
      if (!reported) log.warn({ err: error }, 'database connection lost');
      reported = true;
    });
    client.query(`SET client_connection_check_interval = ${CLIENT_CHECK_INTERVAL_MS}`).catch(() => {
      /* PostgreSQL before 14 lacks it */
    });
  });
  return pool;
}

/** SQLSTATE classes and codes that mean the database went away or refused to go on, not that the query was wrong. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)|^57014$/;
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;
const UNAVAILABLE_SYSCALL = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/** Of those, a statement past its time limit (a bug) and insufficient resources (disk, memory, connections: an emergency). */
const OVERRUN_SQLSTATE = /^(53|57014$)/;

/**
 * True when a query failed because the database is unreachable, its backend was terminated, it is
 * restarting, or a statement ran past its time limit (57014): a request can be answered "try again",
 * and the process goes on.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SYSCALL.has(code))) return true;
  return UNAVAILABLE_MESSAGES.test(error.message);
}

/** True when the database refused to go on because a statement ran past its time limit or it ran out of resources. */
export function isDatabaseOverrun(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && OVERRUN_SQLSTATE.test(code);
}
