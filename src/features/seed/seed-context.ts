import type { Kysely, Transaction } from 'kysely';
import pino from 'pino';
import type { ServiceContext } from '../../core/context.js';
import type { Database } from '../../db/schema.js';
import { SYSTEM } from '../../domain/auth.js';

/**
 * The context the seed writes through services with: the system principal inside the seed's transaction, so
 * the demo goes through the same rules and audit as a user's writes, quietly.
 */
export function seedContext(
  trx: Transaction<Database> | Kysely<Database>,
  organisation: ServiceContext['organisation'],
): ServiceContext {
  return {
    db: trx as Kysely<Database>,
    organisation,
    principal: SYSTEM,
    actor: 'system',
    log: pino({ level: 'silent' }),
  };
}
