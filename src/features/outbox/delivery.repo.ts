import { sql } from 'kysely';
import type { Db } from '../../core/context.js';
import type { OutboxMessagesTable } from '../../db/schema.js';

/** A message leased for sending. */
export interface LeasedMessage {
  id: string;
  organisation_id: string;
  recipient: string;
  subject: string;
  body: string;
  kind: OutboxMessagesTable['kind'];
  attempts: number;
}

/**
 * Leases up to `limit` due messages, oldest first: their attempt count goes up and they are not due again until
 * `leaseUntil`, so a second mailer process (or a crash mid-send) cannot send them twice at once.
 * SKIP LOCKED lets two processes lease disjoint batches concurrently.
 */
export async function leaseDueMessages(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<LeasedMessage[]> {
  const result = await sql<LeasedMessage>`
    UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM outbox_messages
      WHERE sent_at IS NULL AND failed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
      ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, organisation_id, recipient, subject, body, kind, attempts`.execute(db);
  return result.rows;
}

export async function markSent(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({ sent_at: at, next_attempt_at: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failed try: due again at `retryAt`, or given up when `retryAt` is null. */
export async function markFailedAttempt(
  db: Db,
  id: string,
  error: string,
  at: Date,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({ last_error: error.slice(0, 1000), next_attempt_at: retryAt, failed_at: retryAt ? null : at })
    .where('id', '=', id)
    .execute();
}

/** Pending, sent and given-up message counts of an organisation. */
export async function outboxCounts(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('outbox_messages')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('sent_at', 'is', null).filterWhere('failed_at', 'is', null).as('pending'),
      eb.fn.countAll<number>().filterWhere('sent_at', 'is not', null).as('sent'),
      eb.fn.countAll<number>().filterWhere('failed_at', 'is not', null).as('failed'),
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), sent: Number(row.sent), failed: Number(row.failed) };
}
