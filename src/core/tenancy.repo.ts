import type { Db } from './context.js';

// The organisation and what of it other features look up: its units, areas and incident categories.

/** The organisation (tenant) of a slug, in the shape `ServiceContext` and `GET /api/organisation` use. */
export function findOrganisationBySlug(db: Db, slug: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'municipality_code', 'time_zone'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function findOrganisationName(db: Db, organisationId: string): Promise<string> {
  return (
    await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow()
  ).name;
}

export function listOrganisations(db: Db) {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute();
}

/** Whether the database holds any organisation yet (an empty one is seeded on first start). */
export async function hasAnyOrganisation(db: Db): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export function findUnit(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A place of the organisation by id, as a reference (id and name). */
export function findPlaceRef(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Of `unitIds`, those that are units of the organisation. */
export function findUnitsOfOrganisation(db: Db, organisationId: string, unitIds: readonly string[]) {
  return db
    .selectFrom('units')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', unitIds)
    .execute();
}

export function findArea(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('areas')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organisation's incident categories among `codes` (id and code; unknown codes are left out). */
export function findCategoriesByCode(db: Db, organisationId: string, codes: readonly string[]) {
  return db
    .selectFrom('incident_categories')
    .select(['id', 'code'])
    .where('organisation_id', '=', organisationId)
    .where('code', 'in', codes)
    .execute();
}
