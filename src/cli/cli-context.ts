import pino from 'pino';
import { type ConnectOptions, connect, type DbHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { SYSTEM } from '../domain/auth.js';
import { AppError } from '../domain/errors.js';
import type { ServiceContext } from '../server/context.js';
import { loadConfig } from '../server/config.js';

/** Opens and migrates the configured database (PGlite in ./data, or DATABASE_URL). */
export async function openDatabase(options: Pick<ConnectOptions, 'pgliteSettings'> = {}): Promise<DbHandle> {
  const config = loadConfig();
  const handle = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...options });
  await migrateToLatest(handle.db);
  return handle;
}

/** A service context for a CLI command acting as 'system' (or the named actor) for one organisation. */
export async function cliContext(handle: DbHandle, organisationSlug: string, actor = 'cli'): Promise<ServiceContext> {
  const org = await handle.db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', organisationSlug).executeTakeFirst();
  if (!org) throw new AppError('UNKNOWN_ORGANISATION', { details: { organisation: organisationSlug } });
  return { db: handle.db, organisation: org, principal: SYSTEM, actor, log: pino({ level: 'warn' }, pino.destination(2)) };
}
