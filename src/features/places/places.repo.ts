import { sql } from 'kysely';
import type { Db } from '../../core/context.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';

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
    .select([...placeColumns, 'p.opening_hours'])
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

const unitColumns = [
  'u.id',
  'u.slug',
  'u.name',
  'u.name_en',
  'u.kind',
  'u.valid_from',
  'u.valid_to',
  'u.contact_email',
  'u.contact_phone',
] as const;

export function findUnitWithContact(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('units as u')
    .select(unitColumns)
    .where('u.organisation_id', '=', organisationId)
    .where('u.id', '=', id)
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
    .select([...unitColumns, 'r.responsibility'])
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

/** Incidents at a place since `from`, per zone and calendar month on the organisation's clock. */
export function countIncidentsByZoneAndMonth(db: Db, placeId: string, from: Date, timeZone: string) {
  // The month is named once, in a subquery: a bound zone in both SELECT and GROUP BY would be two parameters.
  const monthly = db
    .selectFrom('incidents')
    .select(['zone_id', sql<string>`to_char(occurred_at AT TIME ZONE ${timeZone}, 'YYYY-MM')`.as('month')])
    .where('place_id', '=', placeId)
    .where('occurred_at', '>=', from)
    .as('x');
  return db
    .selectFrom(monthly)
    .select(['x.zone_id', 'x.month', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['x.zone_id', 'x.month'])
    .orderBy('x.month')
    .execute();
}

/** Measures aimed at a place that `access` may see, newest period first. */
export function listMeasuresAtPlace(db: Db, organisationId: string, placeId: string, access: TierAccess) {
  return db
    .selectFrom('measure_places as mp')
    .innerJoin('measures as m', 'm.id', 'mp.measure_id')
    .innerJoin('units as u', 'u.id', 'm.responsible_unit_id')
    .select([
      'm.id',
      'm.title',
      'm.type',
      'm.status',
      'm.period_start',
      'm.period_end',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.name_en as unit_name_en',
    ])
    .where('mp.place_id', '=', placeId)
    .where('m.organisation_id', '=', organisationId)
    .where(visibleTo(access, 'measure', 'm'))
    .orderBy('m.period_start', (o) => o.desc().nullsLast())
    .orderBy('m.title')
    .execute();
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
