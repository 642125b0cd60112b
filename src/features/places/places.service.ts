import { publicCount } from '../../analysis/stats/disclosure.js';
import type { ServiceContext } from '../../core/context.js';
import { canReadFreeText, checkPolicy, tierAccess } from '../../core/policy.js';
import { localParts, startOfLocalMonth } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import type { PlaceSummary } from '../../domain/org.js';
import { toUnit } from '../org/org.service.js';
import {
  countIncidentsAtPlace,
  countIncidentsByZoneAndMonth,
  findPlace,
  findUnitWithContact,
  listMeasuresAtPlace,
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

/** The months a place page shows incidents for: the twelve before the current one, and the current one. */
export const PLACE_MONTHS = 13;

/**
 * A place as a resource of the local work: its owner and the units responsible for its environment with the
 * way to reach them, its opening hours, its zones with incidents per zone and month, the measures aimed at it,
 * and its incident count. For those who may not read incidents, a figure of 1..k-1 is withheld (null)
 * (analysis/stats/disclosure.ts).
 */
export async function getPlace(ctx: ServiceContext, id: string) {
  const place = await findPlace(ctx.db, ctx.organisation.id, id);
  if (!place) throw new AppError('NOT_FOUND', { details: { entity: 'place', id } });
  const now = localParts(new Date(), ctx.organisation.timeZone);
  const firstMonth = new Date(Date.UTC(now.year, now.month - PLACE_MONTHS, 1));
  const from = startOfLocalMonth(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + 1, ctx.organisation.timeZone);
  const [owner, responsible, zones, incidentCount, zoneMonths, measures] = await Promise.all([
    place.owner_unit_id ? findUnitWithContact(ctx.db, ctx.organisation.id, place.owner_unit_id) : undefined,
    listResponsibleUnits(ctx.db, id),
    listZones(ctx.db, id),
    countIncidentsAtPlace(ctx.db, id),
    countIncidentsByZoneAndMonth(ctx.db, id, from, ctx.organisation.timeZone),
    listMeasuresAtPlace(ctx.db, ctx.organisation.id, id, tierAccess(ctx.principal)),
  ]);
  const readsIncidents = checkPolicy(ctx.principal, 'incidents:read') === 'ok';
  const shownCount = (n: number) => (readsIncidents ? n : publicCount(n));
  const readsText = canReadFreeText(ctx.principal);
  const { opening_hours, ...rest } = place;
  return {
    ...rest,
    owner_unit: owner ? withContact(owner) : null,
    responsible_units: responsible.map((r) => ({ ...withContact(r), responsibility: r.responsibility })),
    zones,
    incident_count: shownCount(incidentCount),
    opening_hours: opening_hours ?? null,
    zone_months: zoneMonths.map((z) => ({ zone_id: z.zone_id, month: z.month, count: shownCount(Number(z.count)) })),
    measures: measures.map((m) => ({
      id: m.id,
      title: readsText ? m.title : null,
      type: m.type,
      status: m.status,
      period_start: m.period_start,
      period_end: m.period_end,
      responsible_unit: { id: m.unit_id, name: m.unit_name, name_en: m.unit_name_en },
    })),
  };
}

function withContact<
  U extends Parameters<typeof toUnit>[0] & { contact_email: string | null; contact_phone: string | null },
>(u: U) {
  return { ...toUnit(u), contact_email: u.contact_email, contact_phone: u.contact_phone };
}
