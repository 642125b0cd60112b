import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../server/context.js';
import { seedStockholmForImports } from '../../../tests/factories/imports.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { wantsBulkLoad, withoutIncidentIndexes } from './bulk-load.js';
import { repeatsOfKeptRows } from './stage-writer.js';

describe('repeatsOfKeptRows', () => {
  it('drops a row near a kept earlier row, and keeps a row whose only near neighbour was dropped', () => {
    // 1–2 near, 2–3 near, 1–3 not: 2 repeats 1; 3 is near only 2, which is gone, so 3 stays.
    expect(repeatsOfKeptRows([{ later: 2, earlier: 1 }, { later: 3, earlier: 2 }])).toEqual([{ row: 2, of: 1 }]);
  });
  it('names the first kept partner when a row has several', () => {
    expect(repeatsOfKeptRows([{ later: 2, earlier: 1 }, { later: 4, earlier: 2 }, { later: 4, earlier: 3 }])).toEqual([{ row: 2, of: 1 }, { row: 4, of: 3 }]);
  });
});

describe('wantsBulkLoad', () => {
  it('only for many new rows that are a good part of the table', () => {
    expect(wantsBulkLoad(49_999, 0)).toBe(false);
    expect(wantsBulkLoad(50_000, 200_000)).toBe(true);
    expect(wantsBulkLoad(50_000, 200_001)).toBe(false);
  });
});

const definitions = async (ctx: ServiceContext) => (await sql<{ d: string }>`
  SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index WHERE indrelid = 'incidents'::regclass
  UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'incidents'::regclass
  ORDER BY 1`.execute(ctx.db)).rows.map((r) => r.d);

describeEachEngine('bulk load without the incidents indexes', (getDb) => {
  let ctx: ServiceContext;
  beforeAll(async () => { ctx = await seedStockholmForImports(getDb().db); });

  it('drops the secondary indexes and foreign keys while writing and rebuilds exactly the same ones', async () => {
    const before = await definitions(ctx);
    expect(before.some((d) => d.includes('FOREIGN KEY (category_id)'))).toBe(true);
    await ctx.db.transaction().execute(async (trx) => {
      await withoutIncidentIndexes(trx, async () => {
        const fks = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'incidents'::regclass AND contype = 'f'`.execute(trx);
        expect(fks.rows[0]!.n).toBe(0);
      });
    });
    expect(await definitions(ctx)).toEqual(before);
  });

  it('checks every written row when the foreign keys come back: a bad reference undoes the whole transaction', async () => {
    const before = await definitions(ctx);
    const write = ctx.db.transaction().execute(async (trx) => {
      await withoutIncidentIndexes(trx, async () => {
        await sql`INSERT INTO incidents (organisation_id, occurred_at, category_id, lon, lat, precision, source)
          VALUES (${ctx.organisation.id}, now(), gen_random_uuid(), 18.06, 59.33, 'area', 'import')`.execute(trx);
      });
    });
    await expect(write).rejects.toThrow(/foreign key/);
    expect(await definitions(ctx)).toEqual(before);
  });
});
