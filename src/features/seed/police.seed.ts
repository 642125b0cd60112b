import { z } from 'zod';
import type { AreaIndex } from '../../analysis/geo/area-index.js';
import { redactPersonalData } from '../../analysis/text/redact.js';
import type { NewIncidentRow } from '../../db/schema.js';
import { locateIncident } from '../incidents/locate.js';
import type { Db } from '../../core/context.js';
import {
  classifyPoliceEvent, type PoliceEvent, PoliceEventSchema, type PoliceSkipReason, parsePoliceDateTime, parsePoliceGps, policeOccurredAt,
} from './police-events.js';
import { insertIncidentRows } from './seed.repo.js';
import { readJsonFile } from './shared-data.js';

const POLICE_FILE = 'polisen/events_stockholms_lan_2022-2026.json';
/** The point the API gives every 'Stockholm' notice (polisen/location_names_gps.csv): the city's centre. */
const STOCKHOLM_CITY = { name: 'Stockholm', lon: 18.068581, lat: 59.329324 };

/**
 * Police notices are information from a partner, not cases for the city to handle: they are stored
 * closed as 'not_ours' so they count in the situation picture but never wait in anyone's inbox.
 */
export const POLICE_STATUS_NOTE = 'Polisens händelsenotis – information, ingen åtgärd i Trygg';

export interface PoliceReport {
  loaded: number;
  skipped: Record<PoliceSkipReason, number>;
}

/**
 * Turns the notices for one municipality into incident rows with precision 'municipality': the API's
 * point is the municipality's centre, so locateIncident gives them no area and no H3 cells and they
 * never enter point analyses. occurred_at comes from the title's local time, reported_at is publication.
 * Since 2026-01-20 the API files city events under the county (see policeMunicipality); those get the
 * municipality's centre point instead of the county's.
 */
export function policeIncidentRows(
  events: readonly PoliceEvent[],
  input: {
    organisationId: string;
    municipality: { name: string; lon: number; lat: number };
    index: AreaIndex;
    categoryIds: Map<string, string>;
    policeUnitId: string;
  },
): { rows: NewIncidentRow[]; report: PoliceReport } {
  const skipped: Record<PoliceSkipReason, number> = { other_location: 0, summary: 0, about_person: 0, police_activity: 0, not_an_event: 0, invalid: 0 };
  const rows: NewIncidentRow[] = [];
  for (const event of events) {
    const decision = classifyPoliceEvent(event, input.municipality.name);
    if (!decision.load) { skipped[decision.reason]++; continue; }
    const published = parsePoliceDateTime(event.datetime);
    // County-labelled notices carry the county's centre, outside the city: use the municipality's own.
    const point = event.location.name === input.municipality.name ? parsePoliceGps(event.location.gps) : input.municipality;
    const occurredAt = published && policeOccurredAt(event, published);
    const location = point && occurredAt && locateIncident(input.index, point.lon, point.lat, occurredAt, 'municipality');
    if (!published || !point || !occurredAt || !location) { skipped.invalid++; continue; }
    const redacted = redactPersonalData(`${event.name}: ${event.summary}`);
    rows.push({
      organisation_id: input.organisationId,
      occurred_at: occurredAt,
      reported_at: published,
      category_id: input.categoryIds.get(decision.category)!,
      lon: point.lon,
      lat: point.lat,
      precision: 'municipality',
      h3_r7: null, h3_r8: null, h3_r9: null, h3_r10: null,
      area_id: location.areaId,
      district_id: location.districtId,
      place_id: null,
      zone_id: null,
      description: redacted.text,
      redaction_count: redacted.count,
      source: 'police',
      source_ref: String(event.id),
      reporting_unit_id: input.policeUnitId,
      status: 'closed',
      closure_reason: 'not_ours',
      status_note: POLICE_STATUS_NOTE,
    });
  }
  return { rows, report: { loaded: rows.length, skipped } };
}

/** Reads the county file and inserts Stockholm city's notices. */
export async function seedPoliceEvents(
  db: Db,
  dir: string,
  input: { organisationId: string; index: AreaIndex; categoryIds: Map<string, string>; policeUnitId: string },
): Promise<PoliceReport> {
  const events = await readJsonFile(dir, POLICE_FILE, z.array(PoliceEventSchema));
  const { rows, report } = policeIncidentRows(events, { ...input, municipality: STOCKHOLM_CITY });
  await insertIncidentRows(db, rows);
  return report;
}
