import { type Kysely, sql } from 'kysely';

/** Tables the application may only add to and read: the audit log and the release log of records requests. */
const APPEND_ONLY_TABLES = ['audit_events', 'records_releases'] as const;

/** Kysely's bookkeeping: written by migrations (as the owner) only. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const;

/** Advisory-lock key serialising the grants of processes that start at once (retention uses 7_311_001). */
const GRANT_LOCK = 7_311_002;

/**
 * Lets `role`, the role the application runs as, use the schema the owner has just migrated without owning
 * any of it: rows of ordinary tables may be read and written, the append-only tables only read and added to,
 * sequences used. A role that does not own a table can neither alter nor disable its triggers, so the
 * append-only guard holds even against the application itself. Default privileges cover tables that later
 * migrations (run by the same owner) create; the grants are also made again at every start. Processes that
 * start at once would update the same catalog rows ("tuple concurrently updated"), so the grants run in one
 * transaction that waits for the others' first. Run on the owner's connection; the schema is its current one.
 */
// biome-ignore lint/suspicious/noExplicitAny: Kysely<Database> is no Kysely<unknown>; this runs on a database of any type
export async function grantRuntimeRole(db: Kysely<any>, role: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${GRANT_LOCK})`.execute(trx);
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(trx);
    const schema = sql.id(rows[0]!.schema);
    const grantee = sql.id(role);
    await sql`GRANT USAGE ON SCHEMA ${schema} TO ${grantee}`.execute(trx);
    await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${grantee}`.execute(trx);
    await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${grantee}`.execute(trx);
    for (const table of APPEND_ONLY_TABLES)
      await sql`REVOKE UPDATE, DELETE ON ${sql.table(table)} FROM ${grantee}`.execute(trx);
    for (const table of MIGRATION_TABLES)
      await sql`REVOKE INSERT, UPDATE, DELETE ON ${sql.table(table)} FROM ${grantee}`.execute(trx);
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${grantee}`.execute(
      trx,
    );
    await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${grantee}`.execute(trx);
  });
}

/** The role a connection acts as. */
// biome-ignore lint/suspicious/noExplicitAny: Kysely<Database> is no Kysely<unknown>; this runs on a database of any type
export async function currentRole(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(db);
  return rows[0]!.role;
}
