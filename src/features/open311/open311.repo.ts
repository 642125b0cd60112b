import type { TierAccess } from '../auth/policy.js';
import { visibleTo } from '../auth/visibility.repo.js';
import type { Db } from '../org/org.repo.js';

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
      'i.id', 'i.status', 'i.closure_reason', 'i.reported_at', 'i.updated_at',
      'i.lat', 'i.lon', 'i.precision', 'i.source', 'c.code as service_code', 'c.label_sv as service_name',
      'p.name as place_name', 'a.name as area_name', 'u.name as agency_name',
    ])
    .where('i.organisation_id', '=', organisationId)
    // Police notices are information from a partner, not requests to the city.
    .where('i.source', '!=', 'police')
    .where(visibleTo(access, 'incident'));
  if (filter.ids) {
    q = q.where('i.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  } else {
    if (filter.serviceCodes) q = q.where('c.code', 'in', filter.serviceCodes);
    if (filter.statuses) q = q.where('i.status', 'in', filter.statuses);
    if (filter.from) q = q.where('i.reported_at', '>=', filter.from);
    if (filter.to) q = q.where('i.reported_at', '<=', filter.to);
  }
  return q.orderBy('i.reported_at', 'desc').orderBy('i.id', 'desc').limit(filter.limit).offset(filter.offset ?? 0).execute();
}
export type ServiceRequestRow = Awaited<ReturnType<typeof listServiceRequests>>[number];

export function findPlaceByName(db: Db, organisationId: string, name: string) {
  return db.selectFrom('places').select(['id', 'lon', 'lat', 'name'])
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .orderBy('name').limit(1).executeTakeFirst();
}

export async function insertReporterContact(db: Db, organisationId: string, incidentId: string, email: string): Promise<void> {
  await db.insertInto('reporter_contacts').values({ organisation_id: organisationId, incident_id: incidentId, email }).execute();
}
