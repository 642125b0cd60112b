import type { Kysely, Transaction } from 'kysely';
import type { BaseLogger } from 'pino';
import type { Database } from '../db/schema.js';
import type { Principal } from '../domain/auth.js';

/** The database or an open transaction: what repositories take. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Who acts, for which organisation, on which database: passed to every service call. */
export interface ServiceContext {
  /** The primary: every write, every transaction, and reads that must see the latest writes. */
  db: Kysely<Database>;
  /**
   * The read replica for this call's heavy reads, when it may use one (http/read-routing.ts); take it through
   * `heavyReadDb(ctx)`, never directly.
   */
  readDb?: Kysely<Database> | undefined;
  /** `timeZone`: the IANA zone its weeks, local days and "today" are counted in. */
  organisation: { id: string; slug: string; timeZone: string };
  /** Who acts: a user, or anonymous (public form, Open311). */
  principal: Principal;
  /** How the audit log names the actor: the user's e-mail, 'anonymous', or 'system'/'cli' for jobs. */
  actor: string;
  remoteAddress?: string | undefined;
  log: Pick<BaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
}

/**
 * Where a heavy read (situation report, analysis, export, list page) runs: the replica when the call may use
 * one, else the primary. Inside a transaction (`{ ...ctx, db: trx }`) always the transaction, so a service
 * that wrote reads its own write. Only for reads: a standby refuses writes.
 */
export function heavyReadDb(ctx: ServiceContext): Kysely<Database> {
  return ctx.db.isTransaction ? ctx.db : (ctx.readDb ?? ctx.db);
}

/** The context for a heavy read: `ctx` with `heavyReadDb(ctx)` as its database. Never write through it. */
export function heavyReadContext<C extends ServiceContext>(ctx: C): C {
  return { ...ctx, db: heavyReadDb(ctx) };
}
