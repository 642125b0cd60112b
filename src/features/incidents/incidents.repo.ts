import { sql } from 'kysely';
import type { IncidentRowUpdate, NewIncidentRow } from '../../db/schema.js';
import type { Confidentiality } from '../../domain/confidentiality.js';
import type { HexbinQuery, IncidentListQuery } from '../../domain/incidents.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

const incidentColumns = [
  'i.id',
  'i.occurred_at',
  'i.reported_at',
  'c.code as category',
  'i.lon',
  'i.lat',
  'i.precision',
  'i.h3_r7',
  'i.h3_r8',
  'i.h3_r9',
  'i.h3_r10',
  'i.area_id',
  'i.district_id',
  'i.place_id',
  'i.zone_id',
  'i.description',
  'i.redaction_count',
  'i.source',
  'i.source_ref',
  'i.reporting_unit_id',
  'i.status',
  'i.closure_reason',
  'i.status_note',
  'i.closed_at',
  'i.forwarded_to_unit_id',
  'i.confidentiality',
  'i.version',
] as const;

function selectIncidents(db: Db, organisationId: string) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .select(incidentColumns)
    .where('i.organisation_id', '=', organisationId);
}
export type IncidentRecord = Awaited<ReturnType<ReturnType<typeof selectIncidents>['executeTakeFirstOrThrow']>>;

/**
 * Rows per multi-row INSERT. ~25 columns × 1,000 rows stays far below PostgreSQL's 65,535 bind
 * parameters, and larger batches gained nothing measurable on either engine.
 */
const INSERT_BATCH = 1000;

/** Inserts incidents in multi-row batches (the caller's transaction makes the set atomic); returns their ids in order. */
export async function insertIncidents(db: Db, rows: readonly NewIncidentRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const inserted = await db
      .insertInto('incidents')
      .values(rows.slice(i, i + INSERT_BATCH))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** One incident; with `access`, only if the caller may see its tier. */
export function findIncident(db: Db, organisationId: string, id: string, access?: TierAccess) {
  const q = selectIncidents(db, organisationId).where('i.id', '=', id);
  return (access ? q.where(visibleTo(access, 'incident', 'i')) : q).executeTakeFirst();
}

/**
 * The neighbourhoods an area of any level and any layout stands for: matched through neighbourhood codes,
 * which stay the same when districts are merged, so "Järva" also finds 2022 incidents filed under Rinkeby-Kista.
 */
function neighbourhoodsOf(db: Db, areaId: string) {
  const codes = db
    .selectFrom('areas as a')
    .innerJoin('areas as target', (j) => j.on('target.id', '=', areaId))
    .select('a.code')
    .where((w) =>
      w.or([w.and([w('target.level', '=', 'neighbourhood'), w('a.id', '=', areaId)]), w('a.parent_id', '=', areaId)]),
    );
  return db.selectFrom('areas as n').select('n.id').where('n.level', '=', 'neighbourhood').where('n.code', 'in', codes);
}

export type IncidentFilter = Omit<IncidentListQuery, 'limit' | 'cursor' | 'format' | 'coarse'>;

function applyFilter<Q extends ReturnType<typeof selectIncidents>>(db: Db, q: Q, filter: IncidentFilter): Q {
  let r = q as ReturnType<typeof selectIncidents>;
  if (filter.area_id) r = r.where('i.area_id', 'in', neighbourhoodsOf(db, filter.area_id));
  if (filter.category) r = r.where('c.code', 'in', filter.category);
  if (filter.source) r = r.where('i.source', 'in', filter.source);
  if (filter.status) r = r.where('i.status', 'in', filter.status);
  if (filter.precision) r = r.where('i.precision', 'in', filter.precision);
  if (filter.place_id) r = r.where('i.place_id', '=', filter.place_id);
  if (filter.import_run_id) r = r.where('i.import_run_id', '=', filter.import_run_id);
  if (filter.from) r = r.where('i.occurred_at', '>=', new Date(filter.from));
  if (filter.to) r = r.where('i.occurred_at', '<', new Date(filter.to));
  if (filter.bbox) {
    const b = filter.bbox;
    r = r
      .where('i.lon', '>=', b.minLon)
      .where('i.lon', '<=', b.maxLon)
      .where('i.lat', '>=', b.minLat)
      .where('i.lat', '<=', b.maxLat);
  }
  return r as Q;
}

/**
 * Newest first, keyset-paged on (occurred_at, id) so pages stay stable while new rows arrive. In an area, the
 * newest `limit` are taken per neighbourhood (each an ordered index scan) and merged: a page then reads at most
 * `limit` rows per neighbourhood instead of every incident the area ever had.
 */
export function listIncidents(
  db: Db,
  organisationId: string,
  query: IncidentFilter,
  page: { limit: number; after?: { occurredAt: Date; id: string } },
  access?: TierAccess,
) {
  const { area_id: areaId, ...rest } = query;
  const newest = (filter: IncidentFilter) => {
    let q = applyFilter(db, selectIncidents(db, organisationId), filter);
    if (access) q = q.where(visibleTo(access, 'incident', 'i'));
    if (page.after) {
      const { occurredAt, id } = page.after;
      q = q.where((eb) =>
        eb.or([
          eb('i.occurred_at', '<', occurredAt),
          eb.and([eb('i.occurred_at', '=', occurredAt), eb('i.id', '<', id)]),
        ]),
      );
    }
    return q.orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc').limit(page.limit);
  };
  if (!areaId) return newest(rest).execute();
  return db
    .selectFrom(neighbourhoodsOf(db, areaId).as('n'))
    .innerJoinLateral(
      (eb) => newest(rest).where('i.area_id', '=', eb.ref('n.id')).as('x'),
      (j) => j.onTrue(),
    )
    .selectAll('x')
    .orderBy('x.occurred_at', 'desc')
    .orderBy('x.id', 'desc')
    .limit(page.limit)
    .execute();
}

/** How many incidents match a filter: indicators of problems and measures count this way. */
export async function countIncidents(db: Db, organisationId: string, filter: IncidentFilter): Promise<number> {
  const row = await applyFilter(db, selectIncidents(db, organisationId), filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts per H3 cell of the chosen resolution; only exact and place-precision incidents have cells. */
export function countByCell(db: Db, organisationId: string, query: HexbinQuery) {
  const column = sql.ref(`i.h3_r${query.resolution}`);
  const q = applyFilter(db, selectIncidents(db, organisationId), query);
  return q
    .clearSelect()
    .select([sql<string>`${column}`.as('cell'), (eb) => eb.fn.countAll<number>().as('count')])
    .where(sql<boolean>`${column} IS NOT NULL`)
    .groupBy(column)
    .execute();
}

export async function updateIncidentStatus(
  db: Db,
  organisationId: string,
  id: string,
  change: Pick<IncidentRowUpdate, 'status' | 'closure_reason' | 'status_note' | 'closed_at' | 'forwarded_to_unit_id'>,
) {
  const result = await db
    .updateTable('incidents')
    .set({ ...change, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Sets an incident's tier; the caller has locked the row and checked the tier it changes from. */
export async function updateIncidentConfidentiality(
  db: Db,
  organisationId: string,
  id: string,
  to: Confidentiality,
): Promise<void> {
  await db
    .updateTable('incidents')
    .set({ confidentiality: to, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** The incident a public receipt code belongs to. */
export function findIncidentByReceipt(db: Db, organisationId: string, receiptCode: string) {
  return db
    .selectFrom('incidents')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('receipt_code', '=', receiptCode)
    .executeTakeFirst();
}

export function findCategoryByCode(db: Db, organisationId: string, code: string) {
  return db
    .selectFrom('incident_categories')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function findPlaceForIncident(db: Db, organisationId: string, placeId: string) {
  return db
    .selectFrom('places')
    .select(['id', 'lon', 'lat'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', placeId)
    .executeTakeFirst();
}

export function findZone(db: Db, zoneId: string) {
  return db.selectFrom('place_zones').select(['id', 'place_id']).where('id', '=', zoneId).executeTakeFirst();
}

/** Polygons of the given areas, for drawing coarse incidents as the area they are known to lie in. */
export function listAreaGeometries(db: Db, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('areas')
    .select(['id', 'geometry'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
}
