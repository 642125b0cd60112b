/** Mean Earth radius in metres (IUGG). */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * Great-circle distance in metres between two WGS84 points (haversine): exact enough for rings of a few
 * hundred metres around a place, where the ellipsoid's difference is well under a metre.
 * @example distanceMetres(18.0, 59.0, 18.0, 59.001) // ≈ 111.2
 */
export function distanceMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The longitude/latitude box that holds every point within `metres` of the given points: a cheap first
 * filter before `distanceMetres`.
 * @example boxAround([{ lon: 18, lat: 59 }], 250) // { minLon: 17.9956…, minLat: 58.9977…, … }
 */
export function boxAround(
  points: ReadonlyArray<{ lon: number; lat: number }>,
  metres: number,
): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const maxAbsLat = Math.max(...lats.map((l) => Math.abs(l) + dLat));
  const dLon = dLat / Math.cos(Math.min(89, maxAbsLat) * (Math.PI / 180));
  return {
    minLon: Math.min(...lons) - dLon,
    minLat: Math.min(...lats) - dLat,
    maxLon: Math.max(...lons) + dLon,
    maxLat: Math.max(...lats) + dLat,
  };
}
