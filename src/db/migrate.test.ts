import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../tests/setup/test-db.js';

describeEachEngine('migrations', (getDb) => {
  it('creates every table from an empty database', async () => {
    const { rows } = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() ORDER BY table_name`.execute(getDb().db);
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'areas',
        'audit_events',
        'incident_categories',
        'incidents',
        'organisations',
        'places',
        'units',
      ]),
    );
  });

  it('returns counts as numbers and dates as plain strings on every engine', async () => {
    const { rows } = await sql<{ n: number; d: string }>`SELECT count(*) AS n, DATE '2023-07-01' AS d`.execute(
      getDb().db,
    );
    expect(rows[0]).toEqual({ n: 1, d: '2023-07-01' });
  });

  it('rolls a failed transaction back', async () => {
    const { db } = getDb();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('organisations')
          .values({ slug: 'rollback-test', name: 'X', municipality_code: null })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const left = await db.selectFrom('organisations').where('slug', '=', 'rollback-test').selectAll().execute();
    expect(left).toHaveLength(0);
  });
});

describe('migration list', () => {
  it('is applied in timestamp order', async () => {
    const { default: fs } = await import('node:fs');
    const files = fs.readdirSync(new URL('./migrations', import.meta.url)).filter((f) => f.endsWith('.ts'));
    expect(files).toEqual([...files].sort());
  });
});
