import { publicCount } from '../../analysis/stats/disclosure.js';
import { AppError } from '../../domain/errors.js';
import type { PlaceSummary } from '../../domain/org.js';
import type { ServiceContext } from '../../core/context.js';
import { checkPolicy } from '../../core/policy.js';
import { findUnit } from '../../core/tenancy.repo.js';
import { toUnit } from '../org/org.service.js';
import {
  countIncidentsAtPlace,
  findPlace,
  listPlaces as listPlaceRows,
  listResponsibleUnits,
  listZones,
  neighbourhoodCodesOf,
} from './places.repo.js';

/** Public places, indoor and outdoor, optionally within an area of any level. */
export async function listPlaces(
  ctx: ServiceContext,
  query: {
    setting?: string | undefined;
    type?: string | undefined;
    area_id?: string | undefined;
    q?: string | undefined;
  },
): Promise<PlaceSummary[]> {
  const neighbourhoodCodes = query.area_id
    ? await neighbourhoodCodesOf(ctx.db, ctx.organisation.id, query.area_id)
    : undefined;
  return listPlaceRows(ctx.db, ctx.organisation.id, {
    setting: query.setting,
    type: query.type,
    q: query.q,
    neighbourhoodCodes,
  });
}

/**
 * A place with its owner, the units responsible for its environment, its zones and incident count — for
 * those who may not read incidents, withheld (null) when 1..k-1 (analysis/stats/disclosure.ts).
 */
export async function getPlace(ctx: ServiceContext, id: string) {
  const place = await findPlace(ctx.db, ctx.organisation.id, id);
  if (!place) throw new AppError('NOT_FOUND', { details: { entity: 'place', id } });
  const [owner, responsible, zones, incidentCount] = await Promise.all([
    place.owner_unit_id ? findUnit(ctx.db, ctx.organisation.id, place.owner_unit_id) : undefined,
    listResponsibleUnits(ctx.db, id),
    listZones(ctx.db, id),
    countIncidentsAtPlace(ctx.db, id),
  ]);
  return {
    ...place,
    owner_unit: owner ? toUnit(owner) : null,
    responsible_units: responsible.map((r) => ({ ...toUnit(r), responsibility: r.responsibility })),
    zones,
    incident_count: checkPolicy(ctx.principal, 'incidents:read') === 'ok' ? incidentCount : publicCount(incidentCount),
  };
}
