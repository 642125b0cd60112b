import { type Kysely, sql } from 'kysely';

/**
 * Issue 6, item 5: the release log of records requests is append-only like the audit log. The row trigger of
 * 2026-11-25T2900 stops UPDATE and DELETE; TRUNCATE fires no row triggers, so it gets a statement trigger
 * too. A restore lifts both with DISABLE TRIGGER USER inside its own transaction, as for audit_events.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TRIGGER records_releases_no_truncate BEFORE TRUNCATE ON records_releases
      FOR EACH STATEMENT EXECUTE FUNCTION records_releases_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER records_releases_no_truncate ON records_releases`.execute(db);
}
