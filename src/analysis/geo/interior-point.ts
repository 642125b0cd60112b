import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { geometryBbox } from './area-index.js';

/** A GeoJSON polygon: an outer ring and any holes, [lon, lat] positions. */
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Array<Array<[number, number, ...number[]]>>;
}

/** How an interior point was found; written into coordinate notes so readers know what they see. */
export type InteriorMethod = 'bbox-centre' | 'scanline';

/**
 * A point guaranteed to lie inside the polygon: the centre of its bounding box when that is inside
 * (true for compact shapes), otherwise the middle of the widest inside stretch of a horizontal line
 * through it (or through other heights) — a centroid can fall outside a crescent-shaped stadsdel.
 * @example interiorPoint(square).point // [0.5, 0.5]
 */
export function interiorPoint(polygon: PolygonGeometry): { point: [number, number]; method: InteriorMethod } {
  const [minLon, minLat, maxLon, maxLat] = geometryBbox(polygon);
  const centre: [number, number] = [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  if (booleanPointInPolygon(centre, polygon)) return { point: centre, method: 'bbox-centre' };
  for (const f of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9]) {
    const lat = minLat + f * (maxLat - minLat);
    const xs = crossings(polygon, lat).sort((a, b) => a - b);
    let best: [number, number] | null = null;
    let width = 0;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1]! - xs[i]! > width) {
        width = xs[i + 1]! - xs[i]!;
        best = [(xs[i]! + xs[i + 1]!) / 2, lat];
      }
    }
    if (best && booleanPointInPolygon(best, polygon)) return { point: best, method: 'scanline' };
  }
  throw new Error('no interior point found (degenerate polygon)');
}

function crossings(polygon: PolygonGeometry, lat: number): number[] {
  const xs: number[] = [];
  for (const ring of polygon.coordinates) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[i + 1]!;
      if ((y1 <= lat && lat < y2) || (y2 <= lat && lat < y1)) xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  return xs;
}

const METRES_PER_DEGREE_LAT = 111_320;

/** Moves a WGS84 point by metres east and north (local flat-earth approximation, fine below a few km). */
export function offsetMetres(lon: number, lat: number, east: number, north: number): [number, number] {
  const dLat = north / METRES_PER_DEGREE_LAT;
  const dLon = east / (METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
  return [lon + dLon, lat + dLat];
}
