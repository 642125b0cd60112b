import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `work` in a transaction, joining the caller's when `db` already is one, so services compose
 * (Open311 creates an incident and its reporter contact in one all-or-nothing unit).
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

/**
 * Lets the statements of the transaction `trx` run as long as they need (imports, retention over a whole
 * table), beyond the server sessions' statement_timeout. If the process dies, client_connection_check_interval
 * still ends them.
 */
export async function liftStatementTimeout(trx: Kysely<Database>): Promise<void> {
  await sql`SET LOCAL statement_timeout = 0`.execute(trx);
}
