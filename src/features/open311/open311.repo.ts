import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

export interface RequestFilter {
  ids?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  statuses?: Array<'new' | 'in_progress' | 'closed'> | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset?: number | undefined;
}

/** Incidents in the shape of service requests: category, place or area as address, district as agency. */
export function listServiceRequests(db: Db, organisationId: string, access: TierAccess, filter: RequestFilter) {
  let q = db
    .selectFrom('incidents as i')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .leftJoin('areas as a', 'a.id', 'i.area_id')
    .leftJoin('areas as d', 'd.id', 'i.district_id')
    .leftJoin('units as u', 'u.id', 'd.owner_unit_id')
    .select([
      'i.id',
      'i.status',
      'i.closure_reason',
      'i.reported_at',
      'i.updated_at',
      'i.lat',
      'i.lon',
      'i.precision',
      'i.source',
      'c.code as service_code',
      'c.label_sv as service_name',
      'p.name as place_name',
      'a.name as area_name',
      'u.name as agency_name',
    ])
    .where('i.organisation_id', '=', organisationId)
    // Police notices are information from a partner, not requests to the city.
    .where('i.source', '!=', 'police')
    .where(visibleTo(access, 'incident', 'i'));
  if (filter.ids) {
    q = q.where('i.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  } else {
    if (filter.serviceCodes) q = q.where('c.code', 'in', filter.serviceCodes);
    if (filter.statuses) q = q.where('i.status', 'in', filter.statuses);
    if (filter.from) q = q.where('i.reported_at', '>=', filter.from);
    if (filter.to) q = q.where('i.reported_at', '<=', filter.to);
  }
  return q
    .orderBy('i.reported_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
}
export type ServiceRequestRow = Awaited<ReturnType<typeof listServiceRequests>>[number];

/** The organisation's places with their points: what an address_string may name. */
export function listPlacePoints(db: Db, organisationId: string) {
  return db
    .selectFrom('places')
    .select(['id', 'lon', 'lat', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** An active (not revoked) client key of the organisation by the hash of its secret; marks it used. */
export function findApiKey(db: Db, organisationId: string, keyHash: string) {
  return db
    .selectFrom('open311_api_keys')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Notes a key's use; 0 rows when it was revoked in the meantime. */
export async function markApiKeyUsed(db: Db, organisationId: string, id: string, at: Date): Promise<number> {
  const r = await db
    .updateTable('open311_api_keys')
    .set({ last_used_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function insertApiKey(
  db: Db,
  row: { organisation_id: string; name: string; key_hash: string; created_by: string },
) {
  return db
    .insertInto('open311_api_keys')
    .values(row)
    .returning(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
}

export function listApiKeys(db: Db, organisationId: string) {
  return db
    .selectFrom('open311_api_keys')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Revokes a key once; 0 rows when unknown or already revoked. */
export async function revokeApiKey(db: Db, organisationId: string, id: string, at: Date): Promise<number> {
  const r = await db
    .updateTable('open311_api_keys')
    .set({ revoked_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
