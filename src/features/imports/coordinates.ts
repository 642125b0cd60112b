import proj4 from 'proj4';
import type { Crs } from '../../domain/imports.js';

// Proj strings as EPSG publishes them. SWEREF 99 is ETRS89-based and within decimetres of WGS84, so the
// datum shift is zero (Lantmäteriet treats the two as the same for mapping).
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
proj4.defs(
  'EPSG:3011',
  '+proj=tmerc +lat_0=0 +lon_0=18 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
);

const toWgs84 = {
  'EPSG:3006': proj4('EPSG:3006', 'EPSG:4326'),
  'EPSG:3011': proj4('EPSG:3011', 'EPSG:4326'),
} as const;

/**
 * WGS84 lon/lat of a projected SWEREF 99 point (easting, northing in metres).
 * @example projectedToWgs84('EPSG:3006', 674032, 6580822) // ≈ { lon: 18.0592, lat: 59.3302 } (Stockholm Central)
 */
export function projectedToWgs84(
  crs: Exclude<Crs, 'EPSG:4326'>,
  easting: number,
  northing: number,
): { lon: number; lat: number } {
  const [lon, lat] = toWgs84[crs].forward([easting, northing]) as [number, number];
  return { lon, lat };
}

/** The coordinate system a cell or profile names: 'EPSG:3011', '3011', 'SWEREF 99 18 00', 'sweref99tm', 'WGS84'… */
export function parseCrs(text: string): Crs | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (/^(epsg:)?4326$|^wgs84$/.test(t)) return 'EPSG:4326';
  if (/^(epsg:)?3006$|^sweref99tm$/.test(t)) return 'EPSG:3006';
  if (/^(epsg:)?3011$|^sweref991800$/.test(t)) return 'EPSG:3011';
  return null;
}

/** Northings that lie in Sweden in every SWEREF 99 projection (metres from the equator). */
const SWEDISH_NORTHING = [6_100_000, 7_700_000] as const;

/**
 * The projection of an easting/northing pair when the file does not say: all SWEREF 99 projections share
 * the northing, but the local 18 00 zone has a false easting of 150 km (eastings ~60–250 km) while SWEREF 99
 * TM's is 500 km (eastings ~260–920 km across Sweden). Null when the pair is not a Swedish SWEREF 99 point.
 */
export function guessCrs(easting: number, northing: number): Exclude<Crs, 'EPSG:4326'> | null {
  if (northing < SWEDISH_NORTHING[0] || northing > SWEDISH_NORTHING[1]) return null;
  if (easting >= 50_000 && easting < 260_000) return 'EPSG:3011';
  if (easting >= 260_000 && easting <= 1_000_000) return 'EPSG:3006';
  return null;
}
