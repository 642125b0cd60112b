import { type Kysely, sql } from 'kysely';

/**
 * Optimistic concurrency for a unit's follow-up draft, as for the programme's sections: a unit's editor and
 * coordinator writing the same draft cannot overwrite each other without a word (a stale If-Match is 409).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE unit_followups ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE unit_followups DROP COLUMN version`.execute(db);
}
