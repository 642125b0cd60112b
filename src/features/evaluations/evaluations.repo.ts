import { sql } from 'kysely';
import type { Db } from '../../core/context.js';
import type { EvaluationSiteRole, EvaluationsTable } from '../../db/schema.js';
import type { Insertable, Updateable } from 'kysely';

/** One site of a design, as stored. */
export interface SiteInput {
  role: EvaluationSiteRole;
  place_id?: string;
  area_id?: string;
}

export async function insertEvaluation(db: Db, row: Insertable<EvaluationsTable>): Promise<string> {
  const { id } = await db.insertInto('evaluations').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateEvaluationRow(
  db: Db,
  organisationId: string,
  id: string,
  row: Updateable<EvaluationsTable>,
): Promise<void> {
  await db
    .updateTable('evaluations')
    .set({ ...row, updated_at: sql`now()` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Replaces the design's sites and outcome categories. */
export async function replaceDesignLinks(
  db: Db,
  organisationId: string,
  evaluationId: string,
  sites: readonly SiteInput[],
  categoryIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('evaluation_sites').where('evaluation_id', '=', evaluationId).execute();
  await db.deleteFrom('evaluation_categories').where('evaluation_id', '=', evaluationId).execute();
  if (sites.length)
    await db
      .insertInto('evaluation_sites')
      .values(
        sites.map((s) => ({
          evaluation_id: evaluationId,
          organisation_id: organisationId,
          role: s.role,
          place_id: s.place_id ?? null,
          area_id: s.area_id ?? null,
        })),
      )
      .execute();
  if (categoryIds.length)
    await db
      .insertInto('evaluation_categories')
      .values(
        categoryIds.map((c) => ({ evaluation_id: evaluationId, organisation_id: organisationId, category_id: c })),
      )
      .execute();
}

export function findEvaluation(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('evaluations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listEvaluationRows(db: Db, organisationId: string, measureId: string, publishedOnly: boolean) {
  let q = db
    .selectFrom('evaluations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('measure_id', '=', measureId);
  if (publishedOnly) q = q.where('status', '=', 'published');
  return q.orderBy('created_at').execute();
}

/** The sites of evaluations with the place's or area's name and the place's kind and position. */
export function listSites(db: Db, evaluationIds: readonly string[]) {
  if (!evaluationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('evaluation_sites as s')
    .leftJoin('places as p', 'p.id', 's.place_id')
    .leftJoin('areas as a', 'a.id', 's.area_id')
    .select([
      's.evaluation_id',
      's.role',
      's.place_id',
      's.area_id',
      'p.name as place_name',
      'p.type',
      'p.setting',
      'p.lon',
      'p.lat',
      'a.name as area_name',
    ])
    .where('s.evaluation_id', 'in', evaluationIds)
    .orderBy('p.name')
    .orderBy('a.name')
    .execute();
}

export function listEvaluationCategories(db: Db, evaluationIds: readonly string[]) {
  if (!evaluationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('evaluation_categories as e')
    .innerJoin('incident_categories as c', 'c.id', 'e.category_id')
    .select(['e.evaluation_id', 'c.id', 'c.code', 'c.label_sv', 'c.label_en'])
    .where('e.evaluation_id', 'in', evaluationIds)
    .orderBy('c.sort_order')
    .execute();
}

/** The organisation's places among `ids`, with what a design needs of them. */
export function findPlaces(db: Db, organisationId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('places')
    .select(['id', 'name', 'type', 'setting', 'lon', 'lat', 'owner_unit_id'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();
}

export function findAreas(db: Db, organisationId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('areas')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();
}

/** Places of the given types, the candidates for comparison. */
export function listPlacesOfTypes(db: Db, organisationId: string, types: readonly string[]) {
  return db
    .selectFrom('places')
    .select(['id', 'name', 'type', 'setting', 'lon', 'lat'])
    .where('organisation_id', '=', organisationId)
    .where('type', 'in', types)
    .orderBy('name')
    .execute();
}

/** Incidents of the categories per place in [from, mid) and [mid, to): the level and trend of a before period. */
export function countByPlaceAndHalf(
  db: Db,
  organisationId: string,
  input: { placeIds: readonly string[]; categoryIds: readonly string[]; from: Date; mid: Date; to: Date },
) {
  return db
    .selectFrom('incidents')
    .select([
      'place_id',
      sql<number>`count(*) FILTER (WHERE occurred_at < ${input.mid})::int`.as('first'),
      sql<number>`count(*) FILTER (WHERE occurred_at >= ${input.mid})::int`.as('second'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('place_id', 'in', input.placeIds)
    .where('category_id', 'in', input.categoryIds)
    .where('occurred_at', '>=', input.from)
    .where('occurred_at', '<', input.to)
    .groupBy('place_id')
    .execute();
}

/**
 * The incidents of the categories in [from, to) that can belong to a site: at one of the places, in one of
 * the areas (as neighbourhood or district), or inside the box around the buffer ring.
 */
export function listOutcomeIncidents(
  db: Db,
  organisationId: string,
  input: {
    categoryIds: readonly string[];
    from: Date;
    to: Date;
    placeIds: readonly string[];
    areaIds: readonly string[];
    box: { minLon: number; minLat: number; maxLon: number; maxLat: number } | null;
  },
) {
  return db
    .selectFrom('incidents')
    .select(['occurred_at', 'lon', 'lat', 'place_id', 'zone_id', 'area_id', 'district_id'])
    .where('organisation_id', '=', organisationId)
    .where('category_id', 'in', input.categoryIds)
    .where('occurred_at', '>=', input.from)
    .where('occurred_at', '<', input.to)
    .where((eb) => {
      const any = [];
      if (input.placeIds.length) any.push(eb('place_id', 'in', input.placeIds));
      if (input.areaIds.length) {
        any.push(eb('area_id', 'in', input.areaIds));
        any.push(eb('district_id', 'in', input.areaIds));
      }
      if (input.box)
        any.push(
          eb.and([
            eb('lon', '>=', input.box.minLon),
            eb('lon', '<=', input.box.maxLon),
            eb('lat', '>=', input.box.minLat),
            eb('lat', '<=', input.box.maxLat),
          ]),
        );
      return any.length ? eb.or(any) : eb.val(false);
    })
    .execute();
}

export function listZonesOf(db: Db, placeIds: readonly string[]) {
  if (!placeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('place_zones')
    .select(['id', 'place_id', 'code', 'name', 'name_en'])
    .where('place_id', 'in', placeIds)
    .orderBy('code')
    .execute();
}

/** Monthly figures of places in [fromMonth, toMonth] (first days of months). */
export function listMonthFigures(
  db: Db,
  organisationId: string,
  placeIds: readonly string[],
  range?: { from: string; to: string },
) {
  if (!placeIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('place_month_figures')
    .select(['place_id', sql<string>`to_char(month, 'YYYY-MM')`.as('month'), 'visitors', 'opening_hours'])
    .where('organisation_id', '=', organisationId)
    .where('place_id', 'in', placeIds);
  if (range) q = q.where('month', '>=', range.from).where('month', '<=', range.to);
  return q.orderBy('place_id').orderBy('month').execute();
}

export async function upsertMonthFigures(
  db: Db,
  organisationId: string,
  placeId: string,
  months: ReadonlyArray<{ month: string; visitors: number | null; opening_hours: number | null }>,
): Promise<void> {
  await db
    .insertInto('place_month_figures')
    .values(
      months.map((m) => ({
        organisation_id: organisationId,
        place_id: placeId,
        month: `${m.month}-01`,
        visitors: m.visitors,
        opening_hours: m.opening_hours,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['place_id', 'month']).doUpdateSet((eb) => ({
        visitors: eb.ref('excluded.visitors'),
        opening_hours: eb.ref('excluded.opening_hours'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}
