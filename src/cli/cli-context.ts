import pino from 'pino';
import { type ConnectOptions, connect, type DbHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { SYSTEM } from '../domain/auth.js';
import { AppError } from '../domain/errors.js';
import type { ServiceContext } from '../server/context.js';
import { loadConfig } from '../server/config.js';

export interface OpenDatabaseOptions extends Pick<ConnectOptions, 'pgliteSettings' | 'log'> {
  /** The server's connections get the statement timeout of a request; commands (imports, backups) have none. */
  purpose?: 'server' | 'batch';
}

/**
 * Opens and migrates the configured database (PGlite in ./data, or DATABASE_URL). On PostgreSQL the
 * migrations run on a connection of their own without a statement timeout, so a long one is not cut off.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DbHandle> {
  const config = loadConfig();
  const { purpose = 'batch', ...connectOptions } = options;
  const base = { databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...connectOptions };
  if (!config.databaseUrl) {
    const handle = await connect(base);
    await migrateToLatest(handle.db);
    return handle;
  }
  const migration = await connect({ ...base, maxConnections: 1 });
  try {
    await migrateToLatest(migration.db);
  } finally {
    await migration.close();
  }
  return connect({
    ...base,
    statementTimeoutMs: purpose === 'server' ? config.dbStatementTimeoutMs : 0,
    idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
  });
}

/** A service context for a CLI command acting as 'system' (or the named actor) for one organisation. */
export async function cliContext(handle: DbHandle, organisationSlug: string, actor = 'cli'): Promise<ServiceContext> {
  const org = await handle.db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', organisationSlug).executeTakeFirst();
  if (!org) throw new AppError('UNKNOWN_ORGANISATION', { details: { organisation: organisationSlug } });
  return { db: handle.db, organisation: org, principal: SYSTEM, actor, log: pino({ level: 'warn' }, pino.destination(2)) };
}
