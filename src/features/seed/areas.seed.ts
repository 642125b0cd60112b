import { z } from 'zod';
import { type AreaIndex, buildAreaIndex, geometryBbox, type IndexedArea } from '../../analysis/geo/area-index.js';
import type { NewArea } from '../../db/schema.js';
import type { Db } from '../../core/context.js';
import { insertAreas, insertPopulations } from './seed.repo.js';
import { featureCollection, type PolygonGeometry, PolygonSchema, readCsvFile, readJsonFile } from './shared-data.js';
import { slugify } from './slug.js';
import {
  DISTRICTS,
  type DistrictDef,
  districtByAreaName,
  LAYOUT_2020_FROM,
  LAYOUT_2020_TO,
  LAYOUT_2023_FROM,
  unitId,
} from './units.seed.js';

const FILES = {
  neighbourhoods: 'stockholm/stadsdelar_117_simplified.geojson',
  mapping: 'stockholm/stadsdel_to_stadsdelsomrade.csv',
  districts13: 'stockholm/stadsdelsomraden_13_derived.geojson',
  districts11: 'stockholm/stadsdelsomraden_11_from_2023_derived.geojson',
  population: 'stockholm/population_stadsdel.csv',
} as const;

const MappingRow = z.object({
  stadsdel: z.string().min(1),
  stadsdel_display: z.string().min(1),
  stadsdelsomrade: z.string().min(1),
  stadsdelsomrade_2023: z.string().min(1),
});
const PopulationRow = z.object({
  area_name: z.string().min(1),
  level: z.enum(['stadsdel', 'stadsdelsomrade']),
  year: z.coerce.number().int(),
  population: z.coerce.number().int().nonnegative(),
  source: z.string(),
});

/** A seeded neighbourhood (stadsdel) row of one layout period, with what the later seed steps need. */
export interface SeededNeighbourhood extends IndexedArea {
  /** The UPPERCASE key used by the shared CSV files ('HÖGDALEN'). */
  key: string;
  name: string;
  /** Slug of the district unit that owns this row. */
  districtSlug: string;
  geometry: PolygonGeometry;
}

export interface SeededAreas {
  neighbourhoods: SeededNeighbourhood[];
  /** Point-in-area index over every neighbourhood row of every layout. */
  index: AreaIndex;
  counts: { district: number; neighbourhood: number; populations: number };
}

/**
 * Districts (stadsdelsområden) and neighbourhoods (stadsdelar) with their validity periods, plus the
 * population figures. A stadsdel whose district changed on 2023-07-01 gets two rows with the same code,
 * one per period, so that "which district was this in on that day" is a plain lookup.
 */
export async function seedAreas(
  db: Db,
  organisationId: string,
  dir: string,
  unitIds: Map<string, string>,
): Promise<SeededAreas> {
  const props = z.object({ name: z.string() });
  const districtProps = z.object({ stadsdelsomrade: z.string() });
  const [mapping, stadsdelar, d13, d11] = await Promise.all([
    readCsvFile(dir, FILES.mapping, MappingRow),
    readJsonFile(dir, FILES.neighbourhoods, featureCollection(props, PolygonSchema)),
    readJsonFile(dir, FILES.districts13, featureCollection(districtProps, PolygonSchema)),
    readJsonFile(dir, FILES.districts11, featureCollection(districtProps, PolygonSchema)),
  ]);

  const districtIds = await insertDistricts(db, organisationId, unitIds, (d) => {
    const file = d.validFrom === LAYOUT_2023_FROM ? d11 : d13;
    const feature = file.features.find((f) => f.properties.stadsdelsomrade === d.areaName);
    if (!feature) throw new Error(`no geometry for district '${d.areaName}'`);
    return {
      geometry: feature.geometry,
      source: d.validFrom === LAYOUT_2023_FROM ? FILES.districts11 : FILES.districts13,
    };
  });

  const shapes = new Map(stadsdelar.features.map((f) => [f.properties.name, f.geometry]));
  const planned: Array<Omit<SeededNeighbourhood, 'id'>> = [];
  for (const row of mapping) {
    const geometry = shapes.get(row.stadsdel);
    if (!geometry) throw new Error(`${FILES.mapping}: no polygon named '${row.stadsdel}'`);
    const periods: Array<[string, string | null, string]> =
      row.stadsdelsomrade === row.stadsdelsomrade_2023
        ? [[LAYOUT_2020_FROM, null, row.stadsdelsomrade]]
        : [
            [LAYOUT_2020_FROM, LAYOUT_2020_TO, row.stadsdelsomrade],
            [LAYOUT_2023_FROM, null, row.stadsdelsomrade_2023],
          ];
    for (const [validFrom, validTo, districtName] of periods) {
      const d = districtByAreaName(districtName, validFrom);
      planned.push({
        key: row.stadsdel,
        code: slugify(row.stadsdel_display),
        name: row.stadsdel_display,
        districtSlug: d.slug,
        parentId: districtIds.get(d.slug)!,
        validFrom,
        validTo,
        geometry,
        bbox: geometryBbox(geometry),
      });
    }
  }
  if (new Set(mapping.map((r) => r.stadsdel)).size !== shapes.size) {
    throw new Error(`${FILES.mapping} covers ${mapping.length} stadsdelar, the polygons ${shapes.size}`);
  }
  const inserted = await insertAreas(
    db,
    planned.map(
      (n): NewArea => ({
        organisation_id: organisationId,
        code: n.code,
        name: n.name,
        level: 'neighbourhood',
        parent_id: n.parentId,
        owner_unit_id: unitId(unitIds, n.districtSlug),
        valid_from: n.validFrom,
        valid_to: n.validTo,
        geometry: n.geometry,
        min_lon: n.bbox[0],
        min_lat: n.bbox[1],
        max_lon: n.bbox[2],
        max_lat: n.bbox[3],
        approximate: false,
        source: FILES.neighbourhoods,
      }),
    ),
  );
  // Matched by natural key: RETURNING order is not something to rely on.
  const idByKey = new Map(inserted.map((r) => [`${r.code}@${r.valid_from}`, r.id]));
  const neighbourhoods = planned.map((n) => ({ ...n, id: idByKey.get(`${n.code}@${n.validFrom}`)! }));

  const populations = await seedPopulations(
    db,
    organisationId,
    dir,
    new Map(mapping.map((r) => [r.stadsdel, slugify(r.stadsdel_display)])),
  );
  return {
    neighbourhoods,
    index: buildAreaIndex(neighbourhoods),
    counts: { district: districtIds.size, neighbourhood: neighbourhoods.length, populations },
  };
}

/** District rows share slug and validity with their unit; their polygons are derived approximations. */
async function insertDistricts(
  db: Db,
  organisationId: string,
  unitIds: Map<string, string>,
  shapeOf: (d: DistrictDef) => { geometry: PolygonGeometry; source: string },
): Promise<Map<string, string>> {
  const rows = DISTRICTS.map((d): NewArea => {
    const { geometry, source } = shapeOf(d);
    const [minLon, minLat, maxLon, maxLat] = geometryBbox(geometry);
    return {
      organisation_id: organisationId,
      code: d.slug,
      name: d.areaName,
      level: 'district',
      parent_id: null,
      owner_unit_id: unitId(unitIds, d.slug),
      valid_from: d.validFrom,
      valid_to: d.validTo,
      geometry,
      min_lon: minLon,
      min_lat: minLat,
      max_lon: maxLon,
      max_lat: maxLat,
      approximate: true,
      source,
    };
  });
  const inserted = await insertAreas(db, rows);
  // District codes are unique across periods (a merged district gets a new code), so the code is the key.
  return new Map(inserted.map((r) => [r.code, r.id]));
}

/**
 * Population figures as published. Districts keep the source's names as codes, including the two
 * pre-2020 districts that no current district matches ('hagersten-liljeholmen', 'alvsjo'): merging them
 * into Hägersten-Älvsjö would invent a figure the source never gave.
 */
async function seedPopulations(
  db: Db,
  organisationId: string,
  dir: string,
  codeByKey: Map<string, string>,
): Promise<number> {
  const rows = await readCsvFile(dir, FILES.population, PopulationRow);
  const values = rows.map((r) => {
    const code = r.level === 'stadsdel' ? codeByKey.get(r.area_name) : slugify(r.area_name);
    if (!code) throw new Error(`${FILES.population}: unknown stadsdel '${r.area_name}'`);
    return {
      organisation_id: organisationId,
      area_code: code,
      level: r.level === 'stadsdel' ? ('neighbourhood' as const) : ('district' as const),
      year: r.year,
      population: r.population,
      source: r.source,
    };
  });
  await insertPopulations(db, values);
  return values.length;
}
