import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../core/context.js';

export async function listAppliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

/** Every column of the current schema's tables, in table order, then column order. */
export async function listColumns(db: Db) {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; is_identity: string }>`
    SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns
    WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db);
  return rows;
}

/** The primary key columns of the current schema's tables, in key order. */
export async function listPrimaryKeyColumns(db: Db) {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT k.table_name, k.column_name FROM information_schema.table_constraints c
    JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
    WHERE c.table_schema = current_schema() AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.table_name, k.ordinal_position`.execute(
    db,
  );
  return rows;
}

/** The foreign keys of the current schema's tables, by their first column. */
export async function listForeignKeys(db: Db) {
  const { rows } = await sql<{ table_name: string; column_name: string; referenced: string }>`
    SELECT cl.relname AS table_name, a.attname AS column_name, rcl.relname AS referenced
    FROM pg_constraint con
    JOIN pg_class cl ON cl.oid = con.conrelid
    JOIN pg_class rcl ON rcl.oid = con.confrelid
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
    WHERE con.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace`.execute(db);
  return rows;
}

/** One page of `table`'s rows ordered by `key`, those after the key values `after` (from the start when null). */
export async function readTablePage(
  db: Db,
  table: string,
  key: string[],
  after: unknown[] | null,
  limit: number,
): Promise<Array<Record<string, unknown>>> {
  const keyRow = sql.join(key.map((k) => sql.ref(k)));
  const where: RawBuilder<unknown> = after
    ? sql`WHERE (${keyRow}) > (${sql.join(after.map((v) => sql`${v}`))})`
    : sql``;
  const { rows } = await sql<
    Record<string, unknown>
  >`SELECT * FROM ${sql.table(table)} ${where} ORDER BY ${keyRow} LIMIT ${limit}`.execute(db);
  return rows;
}

export async function tableHasRows(db: Db, table: string): Promise<boolean> {
  const { rows } = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}) AS any`.execute(db);
  return Boolean(rows[0]?.any);
}

/** A table as insertRows needs it: a catalog's TableInfo, without the repository importing the catalog that imports it. */
interface TableColumns {
  name: string;
  columns: ReadonlyArray<{ name: string; type: string; identity: boolean }>;
}

export async function insertRows(db: Db, table: TableColumns, columns: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const types = new Map(table.columns.map((c) => [c.name, c]));
  const overriding = columns.some((c) => types.get(c)?.identity) ? sql`OVERRIDING SYSTEM VALUE` : sql``;
  // jsonb goes over the wire as text and is cast, so a top-level JSON array is never taken for a SQL array.
  const value = (v: unknown, column: string) =>
    types.get(column)?.type === 'jsonb' && v !== null ? sql`${JSON.stringify(v)}::text::jsonb` : sql`${v}`;
  await sql`INSERT INTO ${sql.table(table.name)} (${sql.join(columns.map((c) => sql.id(c)))}) ${overriding}
    VALUES ${sql.join(rows.map((r) => sql`(${sql.join(r.map((v, i) => value(v, columns[i]!)))})`))}`.execute(db);
}

export async function disableUserTriggers(db: Db, table: string): Promise<void> {
  await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db);
}

export async function enableUserTriggers(db: Db, table: string): Promise<void> {
  await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(db);
}

export async function deleteAllRows(db: Db, table: string): Promise<void> {
  await sql`DELETE FROM ${sql.table(table)}`.execute(db);
}

export async function rebuildIncidentWeeklyCounts(db: Db): Promise<void> {
  await sql`SELECT rebuild_incident_weekly_counts()`.execute(db);
}

/** Moves the identity column's sequence past the largest value restored into it. */
export async function resetIdentitySequence(db: Db, table: string, column: string): Promise<void> {
  await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), GREATEST((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 1))`.execute(
    db,
  );
}
