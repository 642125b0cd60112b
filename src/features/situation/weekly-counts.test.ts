import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { isoWeek, isoWeekMonday } from '../../domain/calendar/index.js';
import { IncidentCreateSchema } from '../../domain/incidents.js';
import type { ServiceContext, Db } from '../../core/context.js';
import { createTestOrganisation, type TestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { createIncident, updateIncidentStatus } from '../incidents/incidents.service.js';

/**
 * The weekly counts must equal a recount from incidents after every kind of write. The recount puts each
 * incident in its week here in TypeScript (domain/calendar), in its organisation's time zone, not with the
 * trigger's SQL, so a wrong week boundary (time zone, daylight saving, Monday 00:00) shows up too.
 */
async function recount(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('incidents as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select([
      'i.organisation_id',
      'i.area_id',
      'i.occurred_at',
      'i.category_id',
      'i.source',
      'i.precision',
      'o.time_zone',
    ])
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = [
      r.organisation_id,
      r.area_id ?? '-',
      isoWeekMonday(isoWeek(r.occurred_at, r.time_zone)),
      r.category_id,
      r.source,
      r.precision,
    ].join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).sort();
}

async function stored(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('incident_weekly_counts').selectAll().where('count', '<>', 0).execute();
  return rows
    .map((r) => [r.organisation_id, r.area_id ?? '-', r.week, r.category_id, r.source, r.precision, r.count].join(' '))
    .sort();
}

describeEachEngine('incident weekly counts', (getDb) => {
  let org: TestOrganisation;
  let ctx: ServiceContext;
  let categories: Map<string, string>;
  const add = (occurred_at: string, extra: Record<string, unknown> = {}) =>
    createIncident(
      ctx,
      IncidentCreateSchema.parse({ category: 'klotter', lon: 18.02, lat: 59.27, occurred_at, ...extra }),
    );

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db, 'veckotal');
    ctx = testContext(getDb().db, org.organisation);
    const rows = await getDb()
      .db.selectFrom('incident_categories')
      .select(['id', 'code'])
      .where('organisation_id', '=', org.organisation.id)
      .execute();
    categories = new Map(rows.map((r) => [r.code, r.id]));
  });

  it('counts new incidents in their local week, across midnight, Monday and daylight-saving edges', async () => {
    const { db } = getDb();
    // Sunday 23:59 and Monday 00:00 local; 23:30 UTC on a Sunday is already Monday in Stockholm; the night
    // summer time ends (25 Oct 2026) and the one it starts (29 Mar 2026); a municipality-level notice.
    for (const at of [
      '2026-10-04T23:59:00+02:00',
      '2026-10-05T00:00:00+02:00',
      '2026-10-04T22:30:00Z',
      '2026-10-25T02:30:00+01:00',
      '2026-03-29T03:30:00+02:00',
    ])
      await add(at);
    await add('2026-10-01T20:00:00+02:00', {
      category: 'ordningsstorning',
      precision: 'municipality',
      source: 'police',
    });
    await add('2025-12-31T12:00:00+01:00', { lon: 18.02, lat: 59.37, category: 'vald' });
    expect(await stored(db)).toEqual(await recount(db));
    const weeks = await db
      .selectFrom('incident_weekly_counts')
      .select('week')
      .distinct()
      .where('organisation_id', '=', org.organisation.id)
      .orderBy('week')
      .execute();
    expect(weeks.map((w) => w.week)).toEqual(['2025-12-29', '2026-03-23', '2026-09-28', '2026-10-05', '2026-10-19']);
  });

  it('follows status changes (no key moves), category, area, time, source and precision changes, and deletes', async () => {
    const { db } = getDb();
    const a = await add('2026-11-02T10:00:00+01:00');
    const b = await add('2026-11-03T10:00:00+01:00', { category: 'vald' });
    const before = await db
      .selectFrom('incident_weekly_counts')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const weekVersion = async () =>
      (
        await db
          .selectFrom('incident_week_versions')
          .select('version')
          .where('organisation_id', '=', org.organisation.id)
          .where('week', '=', '2026-11-02')
          .executeTakeFirstOrThrow()
      ).version;
    const versionBefore = await weekVersion();
    await updateIncidentStatus(ctx, a.id, { status: 'in_progress' });
    // A status change moves no count: no new row appears; the week's cached parts are still renewed.
    expect(
      await db
        .selectFrom('incident_weekly_counts')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect(Number(await weekVersion())).toBeGreaterThan(Number(versionBefore));
    await db
      .updateTable('incidents')
      .set({ category_id: categories.get('brand')! })
      .where('id', '=', a.id)
      .execute();
    expect(await stored(db)).toEqual(await recount(db));
    await db.updateTable('incidents').set({ area_id: org.areas.northNew }).where('id', '=', a.id).execute();
    await db
      .updateTable('incidents')
      .set({ occurred_at: new Date('2026-11-09T00:30:00+01:00') })
      .where('id', '=', b.id)
      .execute();
    await db
      .updateTable('incidents')
      .set({ source: 'staff', precision: 'area', h3_r7: null, h3_r8: null, h3_r9: null, h3_r10: null })
      .where('id', '=', b.id)
      .execute();
    expect(await stored(db)).toEqual(await recount(db));
    await db.deleteFrom('incidents').where('id', '=', a.id).execute();
    expect(await stored(db)).toEqual(await recount(db));
  });

  it('follows multi-row statements: bulk insert, upsert by source reference, bulk move and delete, and rolls back with them', async () => {
    const { db } = getDb();
    const copy = (shift: string, ref: string) => sql`
      INSERT INTO incidents (organisation_id, occurred_at, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10, area_id, district_id, source, source_ref)
      SELECT organisation_id, occurred_at + ${shift}::interval, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10, area_id, district_id, 'import', ${ref} || id::text
      FROM incidents WHERE organisation_id = ${org.organisation.id} AND source <> 'import'`;
    await copy('7 days', 'a-').execute(db);
    // An import re-run: the same references come again with another category (the upsert's update path) and new rows.
    await sql`${copy('14 days', 'a-')} ON CONFLICT (organisation_id, source, source_ref) WHERE source_ref IS NOT NULL
      DO UPDATE SET category_id = ${categories.get('hot')!}, occurred_at = excluded.occurred_at`.execute(db);
    await copy('1 day', 'b-').execute(db);
    expect(await stored(db)).toEqual(await recount(db));
    await db
      .updateTable('incidents')
      .set({ occurred_at: sql`occurred_at - interval '3 days'` })
      .where('source', '=', 'import')
      .execute();
    await db.deleteFrom('incidents').where('source_ref', 'like', 'b-%').execute();
    expect(await stored(db)).toEqual(await recount(db));
    const counted = await stored(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await copy('2 days', 'c-').execute(trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await stored(db)).toEqual(counted);
  });

  it('equals a recount after any sequence of writes (property)', async () => {
    const { db } = getDb();
    const codes = [...categories.keys()];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('insert' as const),
        day: fc.integer({ min: 0, max: 60 }),
        hour: fc.integer({ min: 0, max: 23 }),
        category: fc.constantFrom(...codes),
        north: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('move' as const),
        pick: fc.nat(),
        hours: fc.integer({ min: -200, max: 200 }),
        category: fc.constantFrom(...codes),
      }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        for (const o of ops) {
          const ids = (
            await db
              .selectFrom('incidents')
              .select('id')
              .where('organisation_id', '=', org.organisation.id)
              .orderBy('id')
              .execute()
          ).map((r) => r.id);
          if (o.kind === 'insert') {
            const at = new Date(Date.UTC(2026, 8, 1 + o.day, o.hour, 17)).toISOString();
            await add(at, { category: o.category, ...(o.north ? { lat: 59.37 } : {}) });
          } else if (ids.length) {
            const id = ids[o.pick % ids.length]!;
            if (o.kind === 'delete') await db.deleteFrom('incidents').where('id', '=', id).execute();
            else
              await db
                .updateTable('incidents')
                .set({
                  occurred_at: sql`occurred_at + make_interval(hours => ${o.hours})`,
                  category_id: categories.get(o.category)!,
                })
                .where('id', '=', id)
                .execute();
          }
        }
        expect(await stored(db)).toEqual(await recount(db));
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it("counts an organisation's incidents in the weeks of its own time zone", async () => {
    const { db } = getDb();
    const other = await createTestOrganisation(db, 'veckotal-utc');
    await db.updateTable('organisations').set({ time_zone: 'UTC' }).where('id', '=', other.organisation.id).execute();
    const utc = testContext(db, { ...other.organisation, timeZone: 'UTC' });
    // Sunday 22:30 UTC: still Sunday in UTC, already Monday in Stockholm.
    await createIncident(
      utc,
      IncidentCreateSchema.parse({ category: 'klotter', lon: 18.02, lat: 59.27, occurred_at: '2026-10-04T22:30:00Z' }),
    );
    const weeks = await db
      .selectFrom('incident_weekly_counts')
      .select('week')
      .where('organisation_id', '=', other.organisation.id)
      .execute();
    expect(weeks.map((w) => w.week)).toEqual(['2026-09-28']);
    expect(await stored(db)).toEqual(await recount(db));
  });

  it('is rebuilt from incidents by rebuild_incident_weekly_counts() (restores load rows with triggers off)', async () => {
    const { db } = getDb();
    const expected = await stored(db);
    await sql`DELETE FROM incident_weekly_counts`.execute(db);
    await sql`SELECT rebuild_incident_weekly_counts()`.execute(db);
    expect(await stored(db)).toEqual(expected);
  });
});
