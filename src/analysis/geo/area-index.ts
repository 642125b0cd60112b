import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';

export interface IndexedArea {
  id: string;
  code: string;
  parentId: string | null;
  validFrom: string;
  /** Last day in force (inclusive), or null while in force. */
  validTo: string | null;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  bbox: readonly [number, number, number, number];
}

export interface AreaIndex {
  /** The areas containing the point that are in force on `day` ('YYYY-MM-DD'), ordered by code. */
  containing(lon: number, lat: number, day: string): IndexedArea[];
  readonly size: number;
}

/** True when the area is in force on the day; ISO dates compare correctly as strings. */
export function isInForce(area: Pick<IndexedArea, 'validFrom' | 'validTo'>, day: string): boolean {
  return area.validFrom <= day && (area.validTo === null || day <= area.validTo);
}

/**
 * A spatial index over area polygons: flatbush narrows to bounding boxes, turf decides inside/outside
 * (points on a shared border may fall in both; callers take the first by code, which is stable).
 * @example
 * const index = buildAreaIndex(areas);
 * index.containing(18.0306, 59.2632, '2026-11-20')[0]?.code; // 'hogdalen'
 */
export function buildAreaIndex(areas: readonly IndexedArea[]): AreaIndex {
  const sorted = [...areas].sort((a, b) => a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom));
  if (sorted.length === 0) return { containing: () => [], size: 0 };
  const tree = new Flatbush(sorted.length);
  for (const a of sorted) tree.add(a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3]);
  tree.finish();
  return {
    size: sorted.length,
    containing(lon, lat, day) {
      return tree
        .search(lon, lat, lon, lat)
        .sort((i, j) => i - j)
        .map((i) => sorted[i]!)
        .filter((a) => isInForce(a, day) && booleanPointInPolygon([lon, lat], a.geometry as never));
    },
  };
}

/** [minLon, minLat, maxLon, maxLat] of a Polygon or MultiPolygon. */
export function geometryBbox(geometry: IndexedArea['geometry']): [number, number, number, number] {
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity;
  const rings =
    geometry.type === 'Polygon'
      ? (geometry.coordinates as number[][][])
      : (geometry.coordinates as number[][][][]).flat();
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      if (lon === undefined || lat === undefined) continue;
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}
