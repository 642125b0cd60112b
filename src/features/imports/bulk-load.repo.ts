import { sql } from 'kysely';
import type { Db } from '../../core/context.js';

/**
 * Whether this session may drop and re-create the incidents table's indexes and foreign keys: only its owner
 * may, and the server runs as a role that owns nothing (README, "Running as a non-owner database role").
 */
export async function ownsIncidents(db: Db): Promise<boolean> {
  const { rows } = await sql<{ owns: boolean }>`
    SELECT pg_has_role(current_user, relowner, 'USAGE') AS owns FROM pg_class WHERE oid = 'incidents'::regclass`.execute(
    db,
  );
  return rows[0]?.owns === true;
}

/**
 * Runs `write` with the incidents table's secondary indexes and foreign keys dropped, then builds them
 * again — all inside the caller's transaction, so a failure or a kill restores them with everything else,
 * and re-adding a foreign key checks every row, as the per-row checks would have. The primary key stays
 * (other tables reference it). The definitions are read from the catalog, so indexes that later
 * migrations add are handled too. The table is locked exclusively from here until the commit: readers
 * wait for the load (seconds), not for the whole file.
 */
export async function withoutIncidentIndexes(db: Db, write: () => Promise<void>): Promise<void> {
  await sql`LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE`.execute(db);
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
    WHERE x.indrelid = 'incidents'::regclass AND NOT x.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`.execute(db);
  const foreignKeys = await sql<{ name: string; definition: string }>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE conrelid = 'incidents'::regclass AND contype = 'f'`.execute(db);
  for (const fk of foreignKeys.rows) await sql`ALTER TABLE incidents DROP CONSTRAINT ${sql.id(fk.name)}`.execute(db);
  for (const index of indexes.rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  await write();
  for (const index of indexes.rows) await sql.raw(index.definition).execute(db);
  if (foreignKeys.rows.length) {
    // One ALTER TABLE: PostgreSQL validates each foreign key with one join over the table.
    await sql
      .raw(
        `ALTER TABLE incidents ${foreignKeys.rows.map((fk) => `ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`).join(', ')}`,
      )
      .execute(db);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Fresh planner statistics for incidents (PGlite never collects them by itself). */
export async function analyzeIncidents(db: Db): Promise<void> {
  await sql`ANALYZE incidents`.execute(db);
}
