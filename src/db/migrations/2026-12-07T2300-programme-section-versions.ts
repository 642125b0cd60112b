import { type Kysely, sql } from 'kysely';

/**
 * Optimistic concurrency for a draft programme's sections, as for every other record edited through the API:
 * two admins editing the same section cannot overwrite each other without a word (a stale If-Match is 409).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE programme_sections ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE programme_sections DROP COLUMN version`.execute(db);
}
