import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { TABLE_PERSONAL_DATA } from './personal-data-tables.js';
import { processingRecord, RETENTION_RULES } from './processing-record.js';

/** Column names that always hold a person's contact or trace; each must be declared where it occurs. */
const CONTACT_COLUMN = /email|recipient|remote_address|^address$|user_agent|display_name|file_name/;
/** A place's street address is not about a person. */
const NOT_PERSONAL = new Set(['places.address']);

describeEachEngine('personal data and retention', (getDb) => {
  const columns = async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT c.table_name, c.column_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name NOT LIKE 'kysely_%'`.execute(
      getDb().db,
    );
    const byTable = new Map<string, string[]>();
    for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
    return byTable;
  };

  it('every table in the database says what personal data it holds, and every column it names exists', async () => {
    const tables = await columns();
    expect([...tables.keys()].sort()).toEqual(Object.keys(TABLE_PERSONAL_DATA).sort());
    for (const [table, entry] of Object.entries(TABLE_PERSONAL_DATA)) {
      for (const column of entry.columns) expect(tables.get(table), `${table}.${column}`).toContain(column);
    }
  });

  it('every column with a contact or trace of a person is declared as personal data', async () => {
    const undeclared = [...(await columns())].flatMap(([table, cols]) =>
      cols
        .filter((c) => CONTACT_COLUMN.test(c) && !NOT_PERSONAL.has(`${table}.${c}`))
        .filter(
          (c) =>
            !(
              TABLE_PERSONAL_DATA[table as keyof typeof TABLE_PERSONAL_DATA]?.columns as readonly string[] | undefined
            )?.includes(c),
        )
        .map((c) => `${table}.${c}`),
    );
    expect(undeclared).toEqual([]);
  });
});

it('every table with personal data has a retention rule or a processing activity that says how long it is kept', () => {
  const record = processingRecord('Stockholm');
  const rules = new Set(RETENTION_RULES.map((r) => r.target));
  const activities = new Set(record.activities.map((a) => a.name.en));
  const without = Object.entries(TABLE_PERSONAL_DATA)
    .filter(([, e]) => e.columns.length > 0)
    .filter(([, e]) => !('rule' in e && rules.has(e.rule)) && !('activity' in e && activities.has(e.activity)))
    .map(([table]) => table);
  expect(without).toEqual([]);
  // And no rule is about nothing.
  const used = new Set(Object.values(TABLE_PERSONAL_DATA).flatMap((e) => ('rule' in e ? [e.rule] : [])));
  expect(
    RETENTION_RULES.map((r) => r.target).filter((t) => !used.has(t) && t !== 'unconfirmed_reporter_contact'),
  ).toEqual([]);
});
