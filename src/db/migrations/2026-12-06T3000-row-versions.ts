import { type Kysely, sql } from 'kysely';

/**
 * Optimistic concurrency: every record edited through the API carries a version, raised by one on each
 * change. Readers get it as the ETag; a write with `If-Match` naming an older version is refused (409)
 * instead of overwriting what someone else saved in between.
 */
const TABLES = ['incidents', 'measures', 'problems', 'contribution_requests', 'local_agreements', 'meetings', 'meeting_actions', 'annotations'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN version integer NOT NULL DEFAULT 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN version`.execute(db);
}
