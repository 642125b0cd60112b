import { type Kysely, sql } from 'kysely';

/**
 * Follow-up to the programme (issue 5): weekly digests are marked with their unit and ISO week so a rerun
 * writes nothing twice, and a local agreement's public text is the exact text a coordinator approved
 * (a flag on the internal summary would publish later edits nobody approved, so it goes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE outbox_messages ADD COLUMN unit_id uuid REFERENCES units(id);
    ALTER TABLE outbox_messages ADD COLUMN week text CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$');
    ALTER TABLE outbox_messages ADD CONSTRAINT outbox_digest_has_week CHECK ((kind = 'weekly_digest') = (week IS NOT NULL AND unit_id IS NOT NULL));
    CREATE UNIQUE INDEX outbox_messages_digest_uq ON outbox_messages (unit_id, week, recipient) WHERE kind = 'weekly_digest';

    ALTER TABLE local_agreements DROP COLUMN summary_public;
    ALTER TABLE local_agreements ADD COLUMN approved_public_text text CHECK (char_length(approved_public_text) <= 4000);
    ALTER TABLE local_agreements ADD COLUMN approved_public_by text;
    ALTER TABLE local_agreements ADD CHECK ((approved_public_text IS NULL) = (approved_public_by IS NULL));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE local_agreements DROP COLUMN approved_public_by; ALTER TABLE local_agreements DROP COLUMN approved_public_text;
    ALTER TABLE local_agreements ADD COLUMN summary_public boolean NOT NULL DEFAULT false;
    DROP INDEX outbox_messages_digest_uq; ALTER TABLE outbox_messages DROP CONSTRAINT outbox_digest_has_week;
    ALTER TABLE outbox_messages DROP COLUMN week; ALTER TABLE outbox_messages DROP COLUMN unit_id;
  `.execute(db);
}
