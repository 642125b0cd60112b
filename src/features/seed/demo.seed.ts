import { z } from 'zod';
import { isInForce } from '../../analysis/geo/area-index.js';
import type { NewIncidentRow } from '../../db/schema.js';
import { localDay } from '../../domain/calendar/index.js';
import { type AdmissionLookups, type AdmittedIncident, admitIncident } from '../incidents/admission.js';
import { incidentRow, writeIncidents } from '../incidents/incident-writer.js';
import type { Db } from '../../core/context.js';
import type { SeededAreas } from './areas.seed.js';
import {
  CATEGORY_MIX,
  CATEGORY_PROFILE,
  FOUND_LATER,
  HOT_PLACES,
  JITTER_M,
  neighbourhoodIntensity,
  PLACE_SHARE,
  PLACE_TYPE_WEIGHT,
  STAFF_SHARE,
  statusFor,
  DEMO_YEARS,
  YEARLY_CHANGE,
  ZONE_WEIGHT,
} from './demo-model.js';
import { occurrenceDrawer, type RoomTime } from './demo-occurrence.js';
import { AFTER_HOURS, TEMPLATES } from './demo-texts.js';
import { createRng, cumulative, type Rng } from './demo-rng.js';
import { hourSlots } from './demo-time.js';
import { interiorPoint, offsetMetres } from '../../analysis/geo/interior-point.js';
import type { SeededPlace } from './places.seed.js';
import { featureCollection, PointSchema, readJsonFile } from './shared-data.js';

const BUS_STOPS_FILE = 'poi/stockholm_region_bus_stops.geojson';
// Three 365-day years and a leap day: a 29 February inside the window does not cut off the oldest day.
const DAYS = DEMO_YEARS * 365 + 1;
const HOUR_MS = 3_600_000;

export interface DemoInput {
  organisation: { id: string; slug: string };
  count: number;
  seed: number;
  /** The generated years end at the last whole hour before this instant. */
  now: Date;
  /** The organisation's zone: the demo's hours, days and opening hours are lived on its wall clock. */
  timeZone: string;
  areas: SeededAreas;
  places: readonly SeededPlace[];
  /** Street-report anchor points by neighbourhood id (bus stops and an interior point). */
  anchors: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  categoryIds: ReadonlyMap<string, string>;
}

type Point = readonly [number, number];

/**
 * Reproducible demo reports over the three years before `now` (same input and seed → identical rows, in the
 * same order); `count` is the total, spread by season and a modest yearly rise. The shape follows
 * demo-model.ts: 60 % at places, the rest around bus stops weighted by neighbourhood intensity; hours by
 * category profile; at indoor rooms inside opening hours, except break-ins and vandalism at night (after
 * hours, with their own texts); status by age. Every row is admitted by `admitIncident` (placed,
 * H3 cells, category and time checked), and a point outside every area is drawn again, so all rows have a
 * neighbourhood, district and H3 cells.
 */
export function generateDemoIncidents(input: DemoInput): NewIncidentRow[] {
  const rng = createRng(input.seed);
  const now = input.now.getTime();
  const times = occurrenceDrawer(hourSlots(input.now, DAYS, input.timeZone), YEARLY_CHANGE);
  const today = localDay(input.now, input.timeZone);

  const hoods = input.areas.neighbourhoods
    .filter((n) => isInForce(n, today) && (input.anchors.get(n.id)?.length ?? 0) > 0)
    .sort((a, b) => a.code.localeCompare(b.code));
  const hoodTable = cumulative(
    hoods.map((n) => neighbourhoodIntensity(n.code) * Math.sqrt(input.anchors.get(n.id)!.length)),
  );
  const places = input.places
    .filter((p) => PLACE_TYPE_WEIGHT[p.type] !== undefined)
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const placeTable = cumulative(places.map((p) => PLACE_TYPE_WEIGHT[p.type]! * (HOT_PLACES[p.slug] ?? 1)));
  const mixes = new Map(
    Object.entries(CATEGORY_MIX).map(([k, mix]) => [
      k,
      { codes: Object.keys(mix), table: cumulative(Object.values(mix)) },
    ]),
  );
  const lookups: AdmissionLookups = {
    areas: input.areas.index,
    timeZone: input.timeZone,
    now,
    category: (code) => (input.categoryIds.has(code) ? { id: input.categoryIds.get(code)!, code, active: true } : null),
  };

  const rows: NewIncidentRow[] = [];
  for (let i = 0; i < input.count; i++) {
    const place = rng.next() < PLACE_SHARE ? places[rng.pick(placeTable)]! : undefined;
    const mix = mixes.get(place?.type ?? 'area')!;
    const category = mix.codes[rng.pick(mix.table)]!;
    const profile = CATEGORY_PROFILE[category]!;
    const hours = place?.setting === 'indoor' ? place.openingHours : null;
    const afterHours = AFTER_HOURS[category];
    const when: RoomTime = !hours
      ? 'any'
      : afterHours && rng.next() < afterHours.share && times.ever(hours, profile, 'closed')
        ? 'closed'
        : 'open';
    const occurredAt = times.draw(rng, profile, hours, when);

    let admitted: AdmittedIncident | undefined;
    for (let attempt = 0; !admitted; attempt++) {
      if (attempt === 100) throw new Error(`demo row ${i}: no point inside an area after 100 draws`);
      const drawn = place
        ? placePoint(rng, place)
        : { point: streetPoint(rng, hoods[rng.pick(hoodTable)]!.id, input.anchors), precision: 'exact' as const };
      // The text is drawn last (the generator's sequence is the seed's contract); no template holds personal data (demo-model.test.ts).
      const admission = admitIncident(
        {
          occurredAt,
          category,
          point: { lon: drawn.point[0], lat: drawn.point[1] },
          precision: drawn.precision,
          description: null,
        },
        lookups,
      );
      if (admission.ok) admitted = admission.incident;
      else if (admission.issues.some((issue) => issue.field !== 'location'))
        throw new Error(`demo row ${i}: ${admission.issues.map((issue) => issue.code).join(', ')}`);
    }

    const zone = place && place.zones.length > 0 && rng.next() < 0.85 ? pickZone(rng, place.zones) : null;
    const byStaff = place !== undefined && rng.next() < (STAFF_SHARE[place.type] ?? 0);
    const meanDelayMs = FOUND_LATER.has(category) ? 6 * HOUR_MS : 25 * 60_000;
    const reportedAt = Math.min(
      now,
      occurredAt.getTime() + 60_000 + Math.round(-Math.log(1 - rng.next()) * meanDelayMs),
    );
    const { status, closure } = statusFor((now - reportedAt) / (24 * HOUR_MS), rng.next());
    const [outdoor, indoor] = TEMPLATES[category]!;
    const texts = when === 'closed' ? afterHours!.texts : place?.setting === 'indoor' && indoor ? indoor : outdoor;

    rows.push({
      ...incidentRow(input.organisation.id, admitted, {
        reported_at: new Date(reportedAt),
        place_id: place?.id ?? null,
        zone_id: zone,
        source: 'demo',
        source_ref: null,
        reporting_unit_id: byStaff ? place.ownerUnitId : null,
        status,
        closure_reason: closure,
        status_note: null,
      }),
      description: texts[Math.floor(rng.next() * texts.length)]!,
    });
  }
  return rows;
}

/** Indoor reports name the place (precision 'place'); outdoors half carry a GPS fix scattered around it. */
function placePoint(rng: Rng, place: SeededPlace): { point: Point; precision: 'exact' | 'place' } {
  if (place.setting === 'indoor' || rng.next() < 0.5) return { point: [place.lon, place.lat], precision: 'place' };
  const sigma = JITTER_M[place.type] ?? 50;
  return {
    point: offsetMetres(place.lon, place.lat, rng.gaussian() * sigma, rng.gaussian() * sigma),
    precision: 'exact',
  };
}

function streetPoint(rng: Rng, hoodId: string, anchors: DemoInput['anchors']): Point {
  const list = anchors.get(hoodId)!;
  const [lon, lat] = list[Math.floor(rng.next() * list.length)]!;
  const sigma = JITTER_M.area!;
  return offsetMetres(lon, lat, rng.gaussian() * sigma, rng.gaussian() * sigma);
}

function pickZone(rng: Rng, zones: SeededPlace['zones']): string {
  return zones[rng.pick(cumulative(zones.map((z) => ZONE_WEIGHT[z.code] ?? 1)))]!.id;
}

/**
 * Street-report anchors: every bus stop (GTFS, via stockholms-puls) in a neighbourhood in force on the
 * day, plus the neighbourhood's interior point so that areas without stops still get a few reports.
 * Bus stops stand in for where people are: streets, centres, housing — not lakes or forests.
 */
async function loadStreetAnchors(dir: string, areas: SeededAreas, day: string): Promise<Map<string, Point[]>> {
  const stops = await readJsonFile(dir, BUS_STOPS_FILE, featureCollection(z.object({ name: z.string() }), PointSchema));
  const anchors = new Map<string, Point[]>();
  for (const n of areas.neighbourhoods.filter((x) => isInForce(x, day)))
    anchors.set(n.id, [interiorPoint(n.geometry).point]);
  for (const f of stops.features) {
    const [lon, lat] = f.geometry.coordinates;
    const hit = areas.index.containing(lon, lat, day)[0];
    if (hit) anchors.get(hit.id)?.push([lon, lat]);
  }
  return anchors;
}

/** Generates the demo years and stores them, unrouted (it is history, not work waiting); returns the number of rows. */
export async function seedDemoIncidents(db: Db, dir: string, input: Omit<DemoInput, 'anchors'>): Promise<number> {
  const anchors = await loadStreetAnchors(dir, input.areas, localDay(input.now, input.timeZone));
  const rows = generateDemoIncidents({ ...input, anchors });
  await writeIncidents({ db, organisation: { ...input.organisation, timeZone: input.timeZone } }, rows, 'none');
  return rows.length;
}
