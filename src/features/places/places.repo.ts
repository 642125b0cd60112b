import type { Db } from '../../core/context.js';

const placeColumns = [
  'p.id',
  'p.slug',
  'p.name',
  'p.type',
  'p.setting',
  'p.lon',
  'p.lat',
  'p.coordinate_approximate',
  'p.coordinate_note',
  'p.address',
  'p.neighbourhood_code',
  'p.owner_unit_id',
] as const;

export function listPlaces(
  db: Db,
  organisationId: string,
  filter: {
    setting?: string | undefined;
    type?: string | undefined;
    neighbourhoodCodes?: string[] | undefined;
    q?: string | undefined;
  },
) {
  let q = db.selectFrom('places as p').select(placeColumns).where('p.organisation_id', '=', organisationId);
  if (filter.setting) q = q.where('p.setting', '=', filter.setting as never);
  if (filter.type) q = q.where('p.type', '=', filter.type);
  if (filter.neighbourhoodCodes)
    q = q.where('p.neighbourhood_code', 'in', filter.neighbourhoodCodes.length ? filter.neighbourhoodCodes : ['']);
  if (filter.q) q = q.where('p.name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.orderBy('p.name').execute();
}

export function findPlace(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('places as p')
    .select(placeColumns)
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export function listZones(db: Db, placeId: string) {
  return db
    .selectFrom('place_zones')
    .select(['id', 'code', 'name', 'name_en'])
    .where('place_id', '=', placeId)
    .orderBy('name')
    .execute();
}

export function listResponsibleUnits(db: Db, placeId: string) {
  return db
    .selectFrom('place_responsibilities as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['u.id', 'u.slug', 'u.name', 'u.name_en', 'u.kind', 'u.valid_from', 'u.valid_to', 'r.responsibility'])
    .where('r.place_id', '=', placeId)
    .orderBy('r.responsibility')
    .execute();
}

export async function countIncidentsAtPlace(db: Db, placeId: string): Promise<number> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('place_id', '=', placeId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Neighbourhood codes of an area: itself if a neighbourhood, its children if a district. */
export async function neighbourhoodCodesOf(db: Db, organisationId: string, areaId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('areas')
    .select('code')
    .where('organisation_id', '=', organisationId)
    .where('level', '=', 'neighbourhood')
    .where((eb) => eb.or([eb('id', '=', areaId), eb('parent_id', '=', areaId)]))
    .execute();
  return [...new Set(rows.map((r) => r.code))];
}
