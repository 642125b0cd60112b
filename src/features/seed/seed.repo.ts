import { type Insertable, sql } from 'kysely';
import type { AreaPopulationsTable, NewArea, NewPlace, NewUnit, PlaceZonesTable } from '../../db/schema.js';
import type { Db } from '../../core/context.js';

/** The id of the organisation with this slug, if it exists. */
export function findOrganisationId(db: Db, slug: string) {
  return db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
}

/** Inserts an organisation; returns its id. */
export async function insertOrganisation(
  db: Db,
  org: { slug: string; name: string; municipality_code: string; time_zone: string },
): Promise<string> {
  const { id } = await db.insertInto('organisations').values(org).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Inserts categories; returns their ids and codes. */
export async function insertCategories(
  db: Db,
  rows: Array<{
    organisation_id: string;
    code: string;
    label_sv: string;
    label_en: string;
    group_code: string;
    sort_order: number;
  }>,
) {
  return db.insertInto('incident_categories').values(rows).returning(['id', 'code']).execute();
}

/** Inserts units; returns their ids by slug. */
export function insertUnits(db: Db, rows: NewUnit[]) {
  return db.insertInto('units').values(rows).returning(['id', 'slug']).execute();
}

/** Inserts areas; returns ids with code and start date (the natural key). */
export function insertAreas(db: Db, rows: NewArea[]) {
  return db.insertInto('areas').values(rows).returning(['id', 'code', 'valid_from']).execute();
}

/** Inserts population figures. */
export async function insertPopulations(db: Db, rows: Insertable<AreaPopulationsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('area_populations').values(rows).execute();
}

/** Inserts places; returns their ids by slug. */
export function insertPlaces(db: Db, rows: NewPlace[]) {
  return db.insertInto('places').values(rows).returning(['id', 'slug']).execute();
}

/** Inserts place zones; returns ids with their place and code. */
export function insertZones(db: Db, rows: Insertable<PlaceZonesTable>[]) {
  return rows.length
    ? db.insertInto('place_zones').values(rows).returning(['id', 'place_id', 'code']).execute()
    : Promise.resolve([]);
}

/** Inserts which unit answers for what at a place. */
export async function insertResponsibilities(
  db: Db,
  rows: Array<{ organisation_id: string; place_id: string; unit_id: string; responsibility: string }>,
): Promise<void> {
  if (rows.length) await db.insertInto('place_responsibilities').values(rows).execute();
}

/**
 * Planner statistics for the tables just loaded. PGlite runs no autovacuum, so without this a seeded demo keeps
 * planning for empty tables: an indicator's count over 50,000 incidents took seconds (a nested loop probing the
 * areas per incident) instead of milliseconds.
 */
export async function analyzeSeededTables(db: Db): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
