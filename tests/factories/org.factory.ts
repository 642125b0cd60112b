import type { Kysely } from 'kysely';
import pino from 'pino';
import { geometryBbox } from '../../src/analysis/geo/area-index.js';
import type { Database, GeoJSONPolygonal } from '../../src/db/schema.js';
import { insertDefaultCategories } from '../../src/features/categories/categories.service.js';
import { SYSTEM } from '../../src/domain/auth.js';
import type { ServiceContext } from '../../src/core/context.js';

/** An axis-aligned square polygon, [lon, lat] corners. */
export function square(minLon: number, minLat: number, maxLon: number, maxLat: number): GeoJSONPolygonal {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLon, minLat],
        [maxLon, minLat],
        [maxLon, maxLat],
        [minLon, maxLat],
        [minLon, minLat],
      ],
    ],
  };
}

async function insertArea(
  db: Kysely<Database>,
  values: {
    organisation_id: string;
    code: string;
    name: string;
    level: 'district' | 'neighbourhood';
    parent_id?: string | null;
    owner_unit_id?: string | null;
    valid_from: string;
    valid_to?: string | null;
    geometry: GeoJSONPolygonal;
  },
) {
  const [min_lon, min_lat, max_lon, max_lat] = geometryBbox(values.geometry);
  const row = await db
    .insertInto('areas')
    .values({
      parent_id: null,
      owner_unit_id: null,
      valid_to: null,
      source: 'test',
      ...values,
      min_lon,
      min_lat,
      max_lon,
      max_lat,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Moves an organisation to another clock (IANA zone), as a municipality outside Sweden's zone would be. */
export async function setOrganisationTimeZone(db: Kysely<Database>, organisationId: string, timeZone: string) {
  await db.updateTable('organisations').set({ time_zone: timeZone }).where('id', '=', organisationId).execute();
}

/**
 * A small organisation shaped like Stockholm's 2023 reorganisation: neighbourhood "north" belonged to
 * district "old-north" until 2023-06-30 and to "merged" from 2023-07-01; "south" stayed in "south-district".
 * North square: lon 18.00–18.05, lat 59.35–59.40. South square: lon 18.00–18.05, lat 59.25–59.30.
 */
export async function createTestOrganisation(db: Kysely<Database>, slug = 'testkommun') {
  const org = await db
    .insertInto('organisations')
    .values({ slug, name: `Test ${slug}`, municipality_code: '9999' })
    .returning(['id', 'slug', 'time_zone as timeZone'])
    .executeTakeFirstOrThrow();
  await insertDefaultCategories(db, org.id);
  const unit = await db
    .insertInto('units')
    .values({
      organisation_id: org.id,
      slug: 'sdn-south',
      name: 'Södra stadsdelsnämnden',
      name_en: null,
      kind: 'district',
      valid_from: '2020-07-01',
      valid_to: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const northSquare = square(18.0, 59.35, 18.05, 59.4);
  const southSquare = square(18.0, 59.25, 18.05, 59.3);
  const base = { organisation_id: org.id };
  const southDistrict = await insertArea(db, {
    ...base,
    code: 'south-district',
    name: 'Söder',
    level: 'district',
    owner_unit_id: unit.id,
    valid_from: '2020-07-01',
    geometry: southSquare,
  });
  const oldNorth = await insertArea(db, {
    ...base,
    code: 'old-north',
    name: 'Gamla norr',
    level: 'district',
    valid_from: '2020-07-01',
    valid_to: '2023-06-30',
    geometry: northSquare,
  });
  const merged = await insertArea(db, {
    ...base,
    code: 'merged',
    name: 'Sammanslagna norr',
    level: 'district',
    valid_from: '2023-07-01',
    geometry: northSquare,
  });
  const south = await insertArea(db, {
    ...base,
    code: 'south',
    name: 'Söderby',
    level: 'neighbourhood',
    parent_id: southDistrict,
    owner_unit_id: unit.id,
    valid_from: '2020-07-01',
    geometry: southSquare,
  });
  const northOld = await insertArea(db, {
    ...base,
    code: 'north',
    name: 'Norrby',
    level: 'neighbourhood',
    parent_id: oldNorth,
    valid_from: '2020-07-01',
    valid_to: '2023-06-30',
    geometry: northSquare,
  });
  const northNew = await insertArea(db, {
    ...base,
    code: 'north',
    name: 'Norrby',
    level: 'neighbourhood',
    parent_id: merged,
    valid_from: '2023-07-01',
    geometry: northSquare,
  });
  const place = await db
    .insertInto('places')
    .values({
      organisation_id: org.id,
      slug: 'sodra-biblioteket',
      name: 'Södra biblioteket',
      type: 'library',
      setting: 'indoor',
      lon: 18.02,
      lat: 59.27,
      coordinate_note: null,
      address: null,
      neighbourhood_code: 'south',
      owner_unit_id: unit.id,
      geometry: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const zone = await db
    .insertInto('place_zones')
    .values({ organisation_id: org.id, place_id: place.id, code: 'entre', name: 'Entré', name_en: 'Entrance' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    organisation: org,
    unitId: unit.id,
    areas: { southDistrict, oldNorth, merged, south, northOld, northNew },
    placeId: place.id,
    zoneId: zone.id,
  };
}

export type TestOrganisation = Awaited<ReturnType<typeof createTestOrganisation>>;

export function testContext(db: Kysely<Database>, organisation: ServiceContext['organisation']): ServiceContext {
  return { db, organisation, principal: SYSTEM, actor: 'test', log: pino({ level: 'silent' }) };
}

/** A unit of the organisation, valid at all times; returns its id. */
export async function createTestUnit(
  db: Kysely<Database>,
  organisationId: string,
  slug: string,
  kind: 'district' | 'specialist' | 'partner' | 'company',
  name = slug,
): Promise<string> {
  const row = await db
    .insertInto('units')
    .values({ organisation_id: organisationId, slug, name, name_en: null, kind, valid_from: null, valid_to: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
