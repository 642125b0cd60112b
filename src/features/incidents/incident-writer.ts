import type { NewIncidentRow } from '../../db/schema.js';
import type { ServiceContext } from '../../core/context.js';
import { assignIncident } from '../responsibility/responsibility.service.js';
import type { AdmittedIncident } from './admission.js';
import { insertIncidents } from './incidents.repo.js';

/**
 * Whether a stored incident goes to the responsible unit's inbox: a report someone makes now is work to do
 * ('route'); imported and generated history is not ('none').
 */
export type Routing = 'route' | 'none';

type Decided =
  | 'organisation_id'
  | 'occurred_at'
  | 'category_id'
  | 'lon'
  | 'lat'
  | 'precision'
  | 'h3_r7'
  | 'h3_r8'
  | 'h3_r9'
  | 'h3_r10'
  | 'area_id'
  | 'district_id'
  | 'description'
  | 'redaction_count';

/** The row of an admitted incident: what admission decided, and what its writer knows besides (source, status, who reported). */
export function incidentRow(
  organisationId: string,
  admitted: AdmittedIncident,
  rest: Omit<NewIncidentRow, Decided>,
): NewIncidentRow {
  return {
    organisation_id: organisationId,
    occurred_at: admitted.occurredAt,
    category_id: admitted.categoryId,
    lon: admitted.lon,
    lat: admitted.lat,
    precision: admitted.precision,
    h3_r7: admitted.h3?.r7 ?? null,
    h3_r8: admitted.h3?.r8 ?? null,
    h3_r9: admitted.h3?.r9 ?? null,
    h3_r10: admitted.h3?.r10 ?? null,
    area_id: admitted.areaId,
    district_id: admitted.districtId,
    description: admitted.description,
    redaction_count: admitted.redactionCount,
    ...rest,
  };
}

/**
 * Stores admitted incidents in the caller's transaction and, with `routing: 'route'`, routes each to the
 * responsible unit in that same transaction (so a report is never stored without landing in an inbox).
 * Returns the new ids in the order of `rows`. (An import writes its staged rows set-based, `insertStaged`,
 * and never routes.)
 */
export async function writeIncidents(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  rows: readonly NewIncidentRow[],
  routing: Routing,
): Promise<string[]> {
  const ids = await insertIncidents(ctx.db, rows);
  if (routing === 'route') for (const id of ids) await assignIncident(ctx, id);
  return ids;
}
