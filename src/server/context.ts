import type { Kysely } from 'kysely';
import type { BaseLogger } from 'pino';
import type { Database } from '../db/schema.js';

/** Who acts, for which organisation, on which database: passed to every service call. */
export interface ServiceContext {
  db: Kysely<Database>;
  organisation: { id: string; slug: string };
  /** 'anonymous' until sign-in exists; 'system' for seeds and jobs. */
  actor: string;
  remoteAddress?: string | undefined;
  log: Pick<BaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
}
