import type { Kysely, Transaction } from 'kysely';
import type { BaseLogger } from 'pino';
import type { Database } from '../db/schema.js';
import type { Principal } from '../domain/auth.js';

/** The database or an open transaction: what repositories take. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Who acts, for which organisation, on which database: passed to every service call. */
export interface ServiceContext {
  db: Kysely<Database>;
  /** `timeZone`: the IANA zone its weeks, local days and "today" are counted in. */
  organisation: { id: string; slug: string; timeZone: string };
  /** Who acts: a user, or anonymous (public form, Open311). */
  principal: Principal;
  /** How the audit log names the actor: the user's e-mail, 'anonymous', or 'system'/'cli' for jobs. */
  actor: string;
  remoteAddress?: string | undefined;
  log: Pick<BaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
}
