import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../core/context.js';
import { seedStockholmForImports } from '../../../tests/factories/imports.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { withoutIncidentIndexes } from './bulk-load.repo.js';
import { repeatsOfKeptRows, wantsBulkLoad } from './stage-writer.js';
import { createStage, dropStage, markExistingStatement, prepareStage, updateStagedStatement } from './stage.repo.js';

describe('repeatsOfKeptRows', () => {
  it('drops a row near a kept earlier row, and keeps a row whose only near neighbour was dropped', () => {
    // 1–2 near, 2–3 near, 1–3 not: 2 repeats 1; 3 is near only 2, which is gone, so 3 stays.
    expect(
      repeatsOfKeptRows([
        { later: 2, earlier: 1 },
        { later: 3, earlier: 2 },
      ]),
    ).toEqual([{ row: 2, of: 1 }]);
  });
  it('names the first kept partner when a row has several', () => {
    expect(
      repeatsOfKeptRows([
        { later: 2, earlier: 1 },
        { later: 4, earlier: 2 },
        { later: 4, earlier: 3 },
      ]),
    ).toEqual([
      { row: 2, of: 1 },
      { row: 4, of: 3 },
    ]);
  });
});

describe('wantsBulkLoad', () => {
  it('only for many new rows that are a good part of the table', () => {
    expect(wantsBulkLoad(49_999, 0)).toBe(false);
    expect(wantsBulkLoad(50_000, 200_000)).toBe(true);
    expect(wantsBulkLoad(50_000, 200_001)).toBe(false);
  });
});

const definitions = async (ctx: ServiceContext) =>
  (
    await sql<{ d: string }>`
  SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index WHERE indrelid = 'incidents'::regclass
  UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'incidents'::regclass
  ORDER BY 1`.execute(ctx.db)
  ).rows.map((r) => r.d);

describeEachEngine('bulk load without the incidents indexes', (getDb) => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await seedStockholmForImports(getDb().db);
  });

  it('drops the secondary indexes and foreign keys while writing and rebuilds exactly the same ones', async () => {
    const before = await definitions(ctx);
    expect(before.some((d) => d.includes('FOREIGN KEY (category_id)'))).toBe(true);
    await ctx.db.transaction().execute(async (trx) => {
      await withoutIncidentIndexes(trx, async () => {
        const fks = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'incidents'::regclass AND contype = 'f'`.execute(
          trx,
        );
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

/** Node types of a plan with, for scans, the table they read. */
function planNodes(
  plan: Record<string, unknown>,
): Array<{ type: string; relation?: string; children: Array<{ type: string; relation?: string }> }> {
  const children = (plan.Plans as Array<Record<string, unknown>> | undefined) ?? [];
  const describe = (p: Record<string, unknown>) => ({
    type: String(p['Node Type']),
    ...(p['Relation Name'] ? { relation: String(p['Relation Name']) } : {}),
  });
  return [{ ...describe(plan), children: children.map(describe) }, ...children.flatMap(planNodes)];
}

describeEachEngine('de-duplication plans without statistics', (getDb) => {
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = await seedStockholmForImports(getDb().db);
  });

  it('finds stored rows through an index or a hash, never a sequential scan inside a nested loop', async () => {
    const rows = 3000;
    const category = await ctx.db
      .selectFrom('incident_categories')
      .select('id')
      .where('organisation_id', '=', ctx.organisation.id)
      .executeTakeFirstOrThrow();
    // A file imported before, as it is stored; then the same file staged again.
    await sql`INSERT INTO incidents (organisation_id, occurred_at, category_id, lon, lat, precision, source, source_ref)
      SELECT ${ctx.organisation.id}, now() - make_interval(mins => g), ${category.id}, 18.06, 59.33, 'area', 'import', 'R' || g FROM generate_series(1, ${rows}) g`.execute(
      ctx.db,
    );
    const plans = await ctx.db.transaction().execute(async (trx) => {
      await createStage(trx);
      await sql`INSERT INTO import_stage (row, id, occurred_at, category_id, lon, lat, precision, redaction_count, source_ref)
        SELECT g, gen_random_uuid(), now() - make_interval(mins => g), ${category.id}, 18.06, 59.33, 'area', 0, 'R' || g FROM generate_series(1, ${rows}) g`.execute(
        trx,
      );
      await prepareStage(trx);
      const explain = async (statement: ReturnType<typeof markExistingStatement>) =>
        planNodes(
          (
            await sql<{
              'QUERY PLAN': Array<{ Plan: Record<string, unknown> }>;
            }>`EXPLAIN (FORMAT JSON) ${statement}`.execute(trx)
          ).rows[0]!['QUERY PLAN'][0]!.Plan,
        );
      const found = [
        await explain(markExistingStatement(ctx.organisation.id, 'import')),
        await explain(updateStagedStatement(ctx.organisation.id)),
      ];
      await dropStage(trx);
      return found;
    });
    for (const nodes of plans) {
      // The inner side of a nested loop runs once per outer row: a sequential scan there makes it quadratic.
      const loopsOverScans = nodes.filter((n) => n.type === 'Nested Loop' && n.children[1]?.type === 'Seq Scan');
      expect(loopsOverScans).toEqual([]);
    }
  });
});
