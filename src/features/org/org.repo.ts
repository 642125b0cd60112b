import type { Db } from '../../core/context.js';

export function listUnits(
  db: Db,
  organisationId: string,
  filter: { kind?: string | undefined; at?: string | undefined },
) {
  let q = db.selectFrom('units').selectAll().where('organisation_id', '=', organisationId);
  if (filter.kind) q = q.where('kind', '=', filter.kind as never);
  if (filter.at) {
    const at = filter.at;
    q = q
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', at)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', at)]));
  }
  return q.orderBy('kind').orderBy('name').execute();
}

const areaSummaryColumns = [
  'id',
  'code',
  'name',
  'level',
  'parent_id',
  'owner_unit_id',
  'valid_from',
  'valid_to',
  'approximate',
  'min_lon',
  'min_lat',
  'max_lon',
  'max_lat',
] as const;

export function listAreas(
  db: Db,
  organisationId: string,
  filter: { level?: string | undefined; at?: string | undefined; parentId?: string | undefined },
  withGeometry: boolean,
) {
  let q = db.selectFrom('areas').select(areaSummaryColumns).where('organisation_id', '=', organisationId);
  if (filter.level) q = q.where('level', '=', filter.level as never);
  if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
  if (filter.at) {
    const at = filter.at;
    q = q.where('valid_from', '<=', at).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', at)]));
  }
  return q
    .$if(withGeometry, (qb) => qb.select('geometry'))
    .orderBy('level')
    .orderBy('name')
    .execute() as Promise<Array<AreaSummaryRow & { geometry?: unknown }>>;
}

export type AreaSummaryRow = {
  id: string;
  code: string;
  name: string;
  level: 'district' | 'neighbourhood' | 'focus';
  parent_id: string | null;
  owner_unit_id: string | null;
  valid_from: string;
  valid_to: string | null;
  approximate: boolean;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
};

/** Neighbourhood polygons of every layout, for the point-in-area index. */
export function listNeighbourhoodGeometries(db: Db, organisationId: string) {
  return db
    .selectFrom('areas')
    .select([
      'id',
      'code',
      'parent_id',
      'valid_from',
      'valid_to',
      'geometry',
      'min_lon',
      'min_lat',
      'max_lon',
      'max_lat',
    ])
    .where('organisation_id', '=', organisationId)
    .where('level', '=', 'neighbourhood')
    .execute();
}

/** A cheap fingerprint of the area table: changes whenever an area is added, removed or edited. */
export async function areaVersion(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.latest ? new Date(row.latest as Date).toISOString() : ''}`;
}

export function latestPopulation(db: Db, organisationId: string, level: 'district' | 'neighbourhood', code: string) {
  return db
    .selectFrom('area_populations')
    .select(['year', 'population'])
    .where('organisation_id', '=', organisationId)
    .where('level', '=', level)
    .where('area_code', '=', code)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every row of an area named by id or by code (a code names one row per layout it lived through). */
export function listAreasByRef(db: Db, organisationId: string, by: 'id' | 'code', ref: string) {
  return db
    .selectFrom('areas')
    .select(areaSummaryColumns)
    .where('organisation_id', '=', organisationId)
    .where(by, '=', ref)
    .execute();
}
