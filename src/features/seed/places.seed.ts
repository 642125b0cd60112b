import { z } from 'zod';
import type { NewPlace } from '../../db/schema.js';
import type { OpeningHours, PlaceSetting } from '../../domain/org.js';
import type { Db } from '../../core/context.js';
import type { SeededAreas } from './areas.seed.js';
import { planLibraries } from './libraries.seed.js';
import { planOutdoorPlaces } from './outdoor-places.seed.js';
import { planSchoolYards } from './schools.seed.js';
import type { PlaceContext } from './place-context.js';
import { insertPlaces, insertResponsibilities, insertZones } from './seed.repo.js';
import { featureCollection, PointSchema, readJsonFile } from './shared-data.js';
import { unitId } from './units.seed.js';

const STATIONS_FILE = 'poi/stockholm_rail_metro_stations.geojson';
const StationProps = z.object({ name: z.string(), mode: z.string() });

/** A seeded place as the demo generator needs it. */
export interface SeededPlace {
  id: string;
  slug: string;
  name: string;
  type: string;
  setting: PlaceSetting;
  lon: number;
  lat: number;
  ownerUnitId: string;
  zones: Array<{ id: string; code: string }>;
  /** Indoor rooms: when they are open (demo reports there happen inside them, break-ins aside). */
  openingHours: OpeningHours | null;
}

/** Places seeded per setting and type, and the candidates left out. */
export interface PlacesReport {
  bySetting: Record<PlaceSetting, number>;
  byType: Record<string, number>;
  /** Source rows or candidate places that were not seeded, and why. */
  skipped: Array<{ name: string; reason: string }>;
}

/**
 * Libraries, archive reading rooms and museums (indoor), metro stations, squares, parks and school yards (outdoor),
 * with zones and the units responsible for them. Only places inside a Stockholm neighbourhood are kept.
 */
export async function seedPlaces(
  db: Db,
  organisationId: string,
  dir: string,
  unitIds: Map<string, string>,
  areas: SeededAreas,
  day: string,
): Promise<{ places: SeededPlace[]; report: PlacesReport }> {
  const stationFile = await readJsonFile(dir, STATIONS_FILE, featureCollection(StationProps, PointSchema));
  const stations = stationFile.features.map((f) => ({
    ...f.properties,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
  const ctx: PlaceContext = { areas, stations, day };
  const indoor = await planLibraries(ctx, dir);
  const outdoor = planOutdoorPlaces(ctx);
  const schools = await planSchoolYards(ctx, dir);
  const planned = [...indoor.planned, ...outdoor.planned, ...schools.planned];
  const slugs = new Set<string>();
  for (const p of planned) {
    if (slugs.has(p.slug)) throw new Error(`duplicate place slug '${p.slug}'`);
    slugs.add(p.slug);
  }

  const inserted = await insertPlaces(
    db,
    planned.map(
      (p): NewPlace => ({
        organisation_id: organisationId,
        slug: p.slug,
        name: p.name,
        type: p.type,
        setting: p.setting,
        lon: p.lon,
        lat: p.lat,
        coordinate_approximate: p.approximate,
        coordinate_note: p.note,
        address: p.address,
        neighbourhood_code: p.neighbourhood.code,
        owner_unit_id: unitId(unitIds, p.ownerSlug),
        geometry: null,
        opening_hours: p.openingHours ?? null,
      }),
    ),
  );
  const idBySlug = new Map(inserted.map((r) => [r.slug, r.id]));
  const ids = planned.map((p) => idBySlug.get(p.slug)!);
  const zones = await insertZones(
    db,
    planned.flatMap((p, i) => p.zones.map((z) => ({ organisation_id: organisationId, place_id: ids[i]!, ...z }))),
  );
  await insertResponsibilities(
    db,
    planned.flatMap((p, i) =>
      p.responsibilities.map(([slug, responsibility]) => ({
        organisation_id: organisationId,
        place_id: ids[i]!,
        unit_id: unitId(unitIds, slug),
        responsibility,
      })),
    ),
  );

  const report: PlacesReport = {
    bySetting: { indoor: 0, outdoor: 0 },
    byType: {},
    skipped: [...indoor.skipped, ...outdoor.skipped, ...schools.skipped],
  };
  for (const p of planned) {
    report.bySetting[p.setting]++;
    report.byType[p.type] = (report.byType[p.type] ?? 0) + 1;
  }
  const places = planned.map(
    (p, i): SeededPlace => ({
      id: ids[i]!,
      slug: p.slug,
      name: p.name,
      type: p.type,
      setting: p.setting,
      lon: p.lon,
      lat: p.lat,
      ownerUnitId: unitId(unitIds, p.ownerSlug),
      zones: zones.filter((z) => z.place_id === ids[i]).map((z) => ({ id: z.id, code: z.code })),
      openingHours: p.openingHours ?? null,
    }),
  );
  return { places, report };
}
