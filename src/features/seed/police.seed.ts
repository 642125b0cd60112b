import { z } from 'zod';
import type { AreaIndex } from '../../analysis/geo/area-index.js';
import { DEFAULT_CATEGORIES } from '../../domain/categories.js';
import { incidentRow, writeIncidents } from '../incidents/incident-writer.js';
import { categoryResolver } from '../imports/lookups.js';
import { PoliceEventSchema, type PoliceSkipReason } from '../imports/police-events.js';
import { mapPoliceRecord, POLICE_STATUS_NOTE, type PoliceContext } from '../imports/police-mapper.js';
import type { Db } from '../../core/context.js';
import { readJsonFile } from './shared-data.js';

const POLICE_FILE = 'polisen/events_stockholms_lan_2022-2026.json';
/** The point the API gives every 'Stockholm' notice (imports/police-locations.ts): the city's centre. */
const STOCKHOLM_CITY = { name: 'Stockholm', lon: 18.068581, lat: 59.329324 };

export interface PoliceReport {
  loaded: number;
  skipped: Record<PoliceSkipReason, number>;
}

/** The import's reasons for leaving a notice out, in the seed report's words. */
const SKIPPED_AS: Record<string, PoliceSkipReason> = {
  county: 'other_location',
  other_municipality: 'other_location',
  summary: 'summary',
  about_person: 'about_person',
  police_activity: 'police_activity',
  not_an_event: 'not_an_event',
};

/**
 * Loads the Stockholm-city notices of the county file as the police import would (`mapPoliceRecord`, so
 * through the one admission): precision 'municipality' — the API's point is the municipality's centre, so
 * they get no area and no H3 cells and never enter point analyses — stored closed as partner information
 * and, like any import, not routed. A notice the import would refuse is counted 'invalid'.
 */
export async function seedPoliceEvents(
  db: Db,
  dir: string,
  input: {
    organisation: { id: string; slug: string };
    index: AreaIndex;
    timeZone: string;
    categoryIds: ReadonlyMap<string, string>;
    policeUnitId: string;
  },
): Promise<PoliceReport> {
  const events = await readJsonFile(dir, POLICE_FILE, z.array(PoliceEventSchema));
  const categories = DEFAULT_CATEGORIES.map((c) => ({ ...c, id: input.categoryIds.get(c.code)!, active: true }));
  const resolver = categoryResolver(categories, new Map(), true);
  const ctx: PoliceContext = {
    lookups: {
      areas: input.index,
      timeZone: input.timeZone,
      category: (name) => resolver.resolve(name)?.category ?? null,
      now: Date.now(),
    },
    categories: resolver,
    municipality: STOCKHOLM_CITY,
    swapCoordinates: false,
  };
  const skipped: Record<PoliceSkipReason, number> = {
    other_location: 0,
    summary: 0,
    about_person: 0,
    police_activity: 0,
    not_an_event: 0,
    invalid: 0,
  };
  const rows = events.flatMap((event, i) => {
    const mapped = mapPoliceRecord({ kind: 'police', row: i + 1, event }, ctx);
    if (mapped.kind === 'skip') skipped[SKIPPED_AS[mapped.reason] ?? 'invalid']++;
    if (mapped.kind === 'error') skipped.invalid++;
    if (mapped.kind !== 'ok') return [];
    const { candidate } = mapped;
    return [
      incidentRow(input.organisation.id, candidate, {
        // A police notice always carries its publication time.
        reported_at: candidate.reportedAt!,
        place_id: null,
        zone_id: null,
        source: 'police',
        source_ref: candidate.sourceRef,
        reporting_unit_id: input.policeUnitId,
        status: 'closed',
        closure_reason: 'not_ours',
        status_note: POLICE_STATUS_NOTE,
      }),
    ];
  });
  await writeIncidents({ db, organisation: { ...input.organisation, timeZone: input.timeZone } }, rows, 'none');
  return { loaded: rows.length, skipped };
}
