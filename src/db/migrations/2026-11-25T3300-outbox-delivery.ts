import { type Kysely, sql } from 'kysely';

/**
 * Delivery bookkeeping for the outbox (issue 5): the mailer leases a message before sending, so two server
 * processes never send it twice at once; a failed send is retried with backoff and given up after a limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE outbox_messages ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0);
    ALTER TABLE outbox_messages ADD COLUMN next_attempt_at timestamptz;
    ALTER TABLE outbox_messages ADD COLUMN last_error text CHECK (char_length(last_error) <= 1000);
    ALTER TABLE outbox_messages ADD COLUMN failed_at timestamptz;
    ALTER TABLE outbox_messages ADD CHECK (sent_at IS NULL OR failed_at IS NULL);
    DROP INDEX outbox_messages_pending_idx;
    CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at) WHERE sent_at IS NULL AND failed_at IS NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX outbox_messages_pending_idx;
    CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at) WHERE sent_at IS NULL;
    ALTER TABLE outbox_messages DROP COLUMN failed_at; ALTER TABLE outbox_messages DROP COLUMN last_error;
    ALTER TABLE outbox_messages DROP COLUMN next_attempt_at; ALTER TABLE outbox_messages DROP COLUMN attempts;
  `.execute(db);
}
