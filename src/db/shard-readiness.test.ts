import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../tests/setup/test-db.js';

/**
 * Tables without an organisation: the migrator's own, and the organisations themselves (a distributed
 * PostgreSQL keeps them as a reference table, copied to every node).
 */
const NOT_DISTRIBUTED = new Set(['kysely_migration', 'kysely_migration_lock', 'organisations']);

/**
 * Ready to shard by municipality (docs/scaling.md): read from the migrated database's catalog, so a new table
 * is checked the day it is made.
 */
describeEachEngine('the schema, ready to distribute by organisation', (getDb) => {
  const tables = async () =>
    (
      await sql<{ table_name: string; nullable: 'YES' | 'NO' | null }>`
        SELECT t.table_name, c.is_nullable AS nullable
        FROM information_schema.tables t
        LEFT JOIN information_schema.columns c
          ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'organisation_id'
        WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        ORDER BY t.table_name`.execute(getDb().db)
    ).rows;

  it('gives every table but the reference ones an organisation_id that is never empty', async () => {
    const rows = await tables();
    expect(rows.length).toBeGreaterThan(80);
    const { rows: checked } = await sql<{ table_name: string }>`
      SELECT con.conrelid::regclass::text AS table_name
      FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
      WHERE n.nspname = current_schema() AND con.contype = 'c'
        AND pg_get_constraintdef(con.oid) LIKE 'CHECK ((organisation_id IS NOT NULL))%'`.execute(getDb().db);
    // The append-only audit log has a check instead, which old events need not pass (see its migration).
    const presentByCheck = new Set(checked.map((c) => c.table_name));
    expect(presentByCheck).toEqual(new Set(['audit_events']));
    const offending = rows
      .filter((r) => !NOT_DISTRIBUTED.has(r.table_name) && r.nullable !== 'NO' && !presentByCheck.has(r.table_name))
      .map((r) => `${r.table_name}: ${r.nullable === null ? 'no organisation_id' : 'organisation_id may be null'}`);
    expect(offending).toEqual([]);
  });

  it('ties a link or detail row to its parent within one organisation', async () => {
    // Each foreign key from a table to one of the tables that gained their organisation from a parent names it.
    const { rows } = await sql<{ child: string; definition: string }>`
      SELECT con.conrelid::regclass::text AS child, pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con
      JOIN pg_namespace n ON n.oid = con.connamespace
      WHERE n.nspname = current_schema() AND con.contype = 'f'
        AND con.conname IN ('measure_places_measure_id_fkey', 'problem_places_problem_id_fkey',
                            'unit_followup_goals_followup_id_fkey', 'safety_walk_units_walk_id_fkey')
      ORDER BY 1`.execute(getDb().db);
    expect(rows).toHaveLength(4);
    for (const r of rows)
      expect(r.definition).toMatch(/^FOREIGN KEY \(organisation_id, \w+\) REFERENCES \S+\(organisation_id, id\)/);
  });
});
