import { type ConnectionLog, type ConnectOptions, connect, type DbHandle } from '../db/connect.js';
import { connectReadReplica, type ReadReplica } from '../db/read-replica.js';
import { migrateToLatest } from '../db/migrate.js';
import { currentRole, grantRuntimeRole } from '../db/runtime-role.js';
import { SYSTEM } from '../domain/auth.js';
import type { ServiceContext } from '../core/context.js';
import { contextFor } from '../core/tenancy.js';
import { type Config, loadConfig } from '../server/config.js';

export interface OpenDatabaseOptions extends Pick<ConnectOptions, 'pgliteSettings' | 'log'> {
  /** The server's connections get the statement timeout of a request; commands (imports, backups) have none. */
  purpose?: 'server' | 'batch';
  /** Work as the schema's owner (MIGRATION_DATABASE_URL): a restore lifts the append-only triggers. */
  asOwner?: boolean;
}

/**
 * Opens and migrates the configured database (PGlite in ./data, or DATABASE_URL). On PostgreSQL the
 * migrations run on a connection of their own without a statement timeout, as MIGRATION_DATABASE_URL's role
 * (the owner of the tables) when it is set; the role of DATABASE_URL then gets only the rights it needs.
 */
export async function openDatabase(
  options: OpenDatabaseOptions = {},
  config: Config = loadConfig(),
): Promise<DbHandle> {
  const { purpose = 'batch', asOwner = false, ...connectOptions } = options;
  const base = { databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...connectOptions };
  if (!config.databaseUrl) {
    const handle = await connect(base);
    await migrateToLatest(handle.db);
    return handle;
  }
  const owner = await connect({
    ...base,
    databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
    maxConnections: 1,
  });
  try {
    await migrateToLatest(owner.db);
    if (asOwner) return owner;
  } catch (e) {
    await owner.close();
    throw e;
  }
  const handle = await connect({
    ...base,
    statementTimeoutMs: purpose === 'server' ? config.dbStatementTimeoutMs : 0,
    idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
  });
  try {
    // Without a migration role both connections act as the same one: nothing to grant.
    if (config.migrationDatabaseUrl) {
      const [ownerRole, runtimeRole] = await Promise.all([currentRole(owner.db), currentRole(handle.db)]);
      if (ownerRole !== runtimeRole) await grantRuntimeRole(owner.db, runtimeRole);
    }
  } catch (e) {
    await handle.close();
    throw e;
  } finally {
    await owner.close();
  }
  return handle;
}

/**
 * The read replica (DATABASE_READ_URL) for the server's heavy reads, with the server's statement timeout;
 * null without one. Not migrated: a standby follows its primary.
 */
export async function openReadReplica(
  primary: DbHandle,
  config: Config,
  log: ConnectionLog,
): Promise<ReadReplica | null> {
  if (!config.databaseReadUrl || !primary.pool) return null;
  return connectReadReplica(config.databaseReadUrl, primary.pool, {
    statementTimeoutMs: config.dbStatementTimeoutMs,
    idleInTransactionTimeoutMs: config.dbIdleInTransactionTimeoutMs,
    log,
  });
}

/** A service context for a CLI command acting as 'system' (or the named actor) for one organisation. */
export function cliContext(handle: DbHandle, organisationSlug: string, actor = 'cli'): Promise<ServiceContext> {
  return contextFor(handle.db, organisationSlug, SYSTEM, { actor });
}
