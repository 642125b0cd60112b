import { geometryBbox, isInForce } from '../../analysis/geo/area-index.js';
import { interiorPoint, type PolygonGeometry } from '../../analysis/geo/interior-point.js';
import type { GeoJSONPolygonal } from '../../db/schema.js';
import { POLICE_TYPE_CATEGORY } from './police-events.js';
import { normaliseHeader } from './column-mapping.js';

export interface CategoryInfo {
  id: string;
  code: string;
  label_sv: string;
  label_en: string;
  active: boolean;
}

/** How a value was matched: the profile's table, the police default table, or the taxonomy itself. */
export type CategoryMatch = { category: CategoryInfo; via: 'profile' | 'police' | 'taxonomy' };

export interface CategoryResolver {
  resolve(value: string): CategoryMatch | null;
}

const key = (s: string) => s.trim().toLocaleLowerCase('sv');

/**
 * Maps a source's category words onto the taxonomy, in order: the profile's mapping table, then (for
 * police files) the default police type table, then the taxonomy's own codes and Swedish and English
 * labels ('Klotter', 'klotter', 'Graffiti'), all case-insensitively. Results are cached per value: a
 * million rows carry a few dozen distinct words.
 */
export function categoryResolver(
  categories: readonly CategoryInfo[],
  profileMap: ReadonlyMap<string, string>,
  police: boolean,
): CategoryResolver {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const taxonomy = new Map<string, CategoryInfo>();
  for (const c of categories)
    for (const k of [c.code, c.label_sv, c.label_en]) if (!taxonomy.has(key(k))) taxonomy.set(key(k), c);
  const profile = new Map([...profileMap].map(([value, id]) => [key(value), byId.get(id)]));
  const policeDefaults = new Map(
    Object.entries(POLICE_TYPE_CATEGORY).map(([type, code]) => [key(type), byCode.get(code)]),
  );
  const cache = new Map<string, CategoryMatch | null>();
  const lookup = (value: string): CategoryMatch | null => {
    const k = key(value);
    const fromProfile = profile.get(k);
    if (fromProfile) return { category: fromProfile, via: 'profile' };
    const fromPolice = police ? policeDefaults.get(k) : undefined;
    if (fromPolice) return { category: fromPolice, via: 'police' };
    const fromTaxonomy = taxonomy.get(k);
    return fromTaxonomy ? { category: fromTaxonomy, via: 'taxonomy' } : null;
  };
  return {
    resolve(value) {
      if (cache.has(value)) return cache.get(value)!;
      const match = lookup(value);
      if (cache.size < 10_000) cache.set(value, match);
      return match;
    },
  };
}

export interface PlaceInfo {
  id: string;
  name: string;
  address: string | null;
  lon: number;
  lat: number;
}

/** Finds a known place by its name or street address, ignoring case, accents and punctuation. */
export function placeMatcher(places: readonly PlaceInfo[]): (text: string) => PlaceInfo | null {
  const index = new Map<string, PlaceInfo>();
  for (const p of places) {
    for (const k of [p.name, p.address]) if (k && !index.has(normaliseHeader(k))) index.set(normaliseHeader(k), p);
  }
  return (text) => index.get(normaliseHeader(text)) ?? null;
}

export interface AreaInfo {
  id: string;
  name: string;
  level: 'district' | 'neighbourhood' | 'focus';
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  geometry: GeoJSONPolygonal;
}

/** A district or neighbourhood a value named: where its rows are counted, and a point inside it to store. */
export interface AreaHit {
  name: string;
  districtId: string;
  neighbourhoodId: string | null;
  lon: number;
  lat: number;
}

/** The largest part of a (multi)polygon by bounding box: a district's mainland, not an islet. */
function mainPolygon(geometry: GeoJSONPolygonal): PolygonGeometry {
  // Stored positions are [lon, lat] pairs, as the GeoJSON type promises.
  if (geometry.type === 'Polygon') return geometry as PolygonGeometry;
  const size = (coordinates: number[][][]) => {
    const [a, b, c, d] = geometryBbox({ type: 'Polygon', coordinates });
    return (c - a) * (d - b);
  };
  const largest = geometry.coordinates.reduce((best, p) => (size(p) > size(best) ? p : best));
  return { type: 'Polygon', coordinates: largest } as PolygonGeometry;
}

/**
 * Finds a district or neighbourhood by its name ('Rinkeby-Kista', 'rinkeby kista', 'Södermalm'), ignoring
 * case, accents and punctuation, among the areas in force on the row's day (any layout when the day is
 * unknown). A name is located at a point inside the area; the row keeps only what the name says: a
 * neighbourhood and its district, or a district alone.
 */
export function areaMatcher(areas: readonly AreaInfo[]): (text: string, day: string | null) => AreaHit | null {
  const index = new Map<string, AreaInfo[]>();
  // A name both levels carry ('Södermalm') is read as the district: it claims less than the neighbourhood would.
  const districtsFirst = [...areas].sort((a, b) => Number(a.level !== 'district') - Number(b.level !== 'district'));
  for (const a of districtsFirst) {
    const k = normaliseHeader(a.name);
    index.set(k, [...(index.get(k) ?? []), a]);
  }
  const points = new Map<string, [number, number] | null>();
  const pointOf = (a: AreaInfo) => {
    if (!points.has(a.id)) {
      try {
        points.set(a.id, interiorPoint(mainPolygon(a.geometry)).point);
      } catch {
        points.set(a.id, null);
      }
    }
    return points.get(a.id)!;
  };
  return (text, day) => {
    const area = (index.get(normaliseHeader(text)) ?? []).find(
      (a) => day === null || isInForce({ validFrom: a.valid_from, validTo: a.valid_to }, day),
    );
    const point = area ? pointOf(area) : null;
    if (!area || !point) return null;
    const neighbourhood = area.level === 'neighbourhood';
    return {
      name: area.name,
      districtId: neighbourhood ? (area.parent_id ?? area.id) : area.id,
      neighbourhoodId: neighbourhood ? area.id : null,
      lon: point[0],
      lat: point[1],
    };
  };
}
