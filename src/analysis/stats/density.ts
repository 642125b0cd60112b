/**
 * Quartic (biweight) kernel density on a regular metric grid: a context layer that shows where incidents
 * concentrate, not a significance test (that is Gi*'s job). Each map must state its bandwidth and cell size.
 *
 * Projection: lon/lat go to a local equirectangular frame around the data's centre, scaled by the WGS84
 * radii of curvature there. Distances then err only by how much cos(lat) changes across the data:
 * |cos φ / cos φ₀ − 1| ≈ tan φ₀ · Δφ, 0.3 % at 12 km north or south of the centre in Stockholm
 * (φ₀ ≈ 59.3°), i.e. under a metre on a 250 m bandwidth. Fine for a city, not for a country.
 */
import { type HasPrecision, pointRecords } from './precision.js';

/** Default bandwidth: 250 m, mid-range of the 150–400 m usual for urban crime maps (statistics.md). */
export const DEFAULT_BANDWIDTH_M = 250;
const WGS84_A = 6_378_137;
const WGS84_E2 = 0.00669437999014;
const DEG = Math.PI / 180;

/** A WGS84 position. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** A local metric frame: x east and y north in metres from (lon0, lat0). */
export interface LocalFrame {
  lon0: number;
  lat0: number;
  toXY(lon: number, lat: number): [number, number];
  toLonLat(x: number, y: number): [number, number];
}

/**
 * An equirectangular frame around (lon0, lat0) using the ellipsoid's meridional and prime-vertical radii there.
 * @example localFrame(18.07, 59.33).toXY(18.07, 59.339) // [0, ≈1002]
 */
export function localFrame(lon0: number, lat0: number): LocalFrame {
  const s = Math.sin(lat0 * DEG);
  const w = 1 - WGS84_E2 * s * s;
  const north = ((WGS84_A * (1 - WGS84_E2)) / w ** 1.5) * DEG; // metres per degree of latitude
  const east = (WGS84_A / Math.sqrt(w)) * Math.cos(lat0 * DEG) * DEG; // metres per degree of longitude
  return {
    lon0,
    lat0,
    toXY: (lon, lat) => [(lon - lon0) * east, (lat - lat0) * north],
    toLonLat: (x, y) => [lon0 + x / east, lat0 + y / north],
  };
}

/**
 * The quartic kernel, (3/(π h²))·(1 − (d/h)²)² for d < h, else 0; per square metre, integrates to 1.
 * @example quarticKernel(0, 250) // 3/(π·250²) ≈ 1.528e-5 per m²
 */
export function quarticKernel(distanceM: number, bandwidthM: number): number {
  if (distanceM >= bandwidthM) return 0;
  const u = 1 - (distanceM / bandwidthM) ** 2;
  return (3 / (Math.PI * bandwidthM * bandwidthM)) * u * u;
}

/** Options of `kernelDensity`. */
export interface DensityOptions {
  /** Bandwidth h in metres (default 250). */
  bandwidthM?: number;
  /** Cell size in metres (default h/5). */
  cellM?: number;
  /** Refuse grids larger than this (default 4 million cells): a stray far-away point would blow the grid up. */
  maxCells?: number;
}

/** A density surface: state `bandwidthM` and `cellM` on every map drawn from it. */
export interface DensityGrid {
  /** The metric frame: its centre is the centre of the points' bounding box and a cell centre. */
  frame: LocalFrame;
  /** Lon/lat of the grid's south-west corner (outer edge of cell 0, 0). */
  origin: LonLat;
  /** Frame coordinates (m) of the centre of cell (0, 0). */
  x0: number;
  y0: number;
  cellM: number;
  bandwidthM: number;
  cols: number;
  rows: number;
  /** Incidents per km² at each cell centre, row by row from the south: values[row * cols + col]. */
  values: Float64Array;
  /** Cells at or below this are background: the peak of one lone incident, 3/(π h²) per km². */
  cutoff: number;
  max: number;
  points: number;
}

/**
 * Quartic kernel density of points on a grid covering them plus one bandwidth on every side.
 * @example
 * const g = kernelDensity([{ lon: 18.07, lat: 59.33 }], { bandwidthM: 250 });
 * g.max // 3/(π·0.25²) ≈ 15.28 per km², at the point itself; g.cellM // 50
 */
export function kernelDensity(points: readonly LonLat[], options: DensityOptions = {}): DensityGrid {
  const h = options.bandwidthM ?? DEFAULT_BANDWIDTH_M;
  const cell = options.cellM ?? h / 5;
  const maxCells = options.maxCells ?? 4_000_000;
  if (!(h > 0) || !(cell > 0)) throw new RangeError('bandwidth and cell size must be positive');
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  for (const p of points) {
    if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat)) throw new RangeError(`not a position: ${p.lon}, ${p.lat}`);
    minLon = Math.min(minLon, p.lon);
    maxLon = Math.max(maxLon, p.lon);
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
  }
  const frame = points.length === 0 ? localFrame(0, 0) : localFrame((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  const xy = points.map((p) => frame.toXY(p.lon, p.lat));
  const [minX, minY] = points.length === 0 ? [0, 0] : frame.toXY(minLon, minLat);
  const [maxX, maxY] = points.length === 0 ? [0, 0] : frame.toXY(maxLon, maxLat);
  // Cell centres sit on multiples of the cell size from the frame centre.
  const x0 = Math.floor((minX - h) / cell) * cell;
  const y0 = Math.floor((minY - h) / cell) * cell;
  const cols = Math.floor((maxX + h - x0) / cell) + 1;
  const rows = Math.floor((maxY + h - y0) / cell) + 1;
  if (cols * rows > maxCells)
    throw new RangeError(`density grid of ${cols}×${rows} cells exceeds ${maxCells}; check for stray points`);

  const values = new Float64Array(cols * rows);
  const peak = (3 / (Math.PI * h * h)) * 1e6; // per km²
  const h2 = h * h;
  for (const [px, py] of xy) {
    const c0 = Math.max(0, Math.ceil((px - h - x0) / cell));
    const c1 = Math.min(cols - 1, Math.floor((px + h - x0) / cell));
    const r0 = Math.max(0, Math.ceil((py - h - y0) / cell));
    const r1 = Math.min(rows - 1, Math.floor((py + h - y0) / cell));
    for (let r = r0; r <= r1; r++) {
      const dy = y0 + r * cell - py;
      const base = r * cols;
      for (let c = c0; c <= c1; c++) {
        const dx = x0 + c * cell - px;
        const d2 = dx * dx + dy * dy;
        if (d2 < h2) {
          const u = 1 - d2 / h2;
          values[base + c]! += peak * u * u;
        }
      }
    }
  }
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const [oLon, oLat] = frame.toLonLat(x0 - cell / 2, y0 - cell / 2);
  return {
    frame,
    origin: { lon: oLon, lat: oLat },
    x0,
    y0,
    cellM: cell,
    bandwidthM: h,
    cols,
    rows,
    values,
    cutoff: peak,
    max,
    points: points.length,
  };
}

/**
 * Lon/lat of a grid cell's centre.
 * @example const [lon, lat] = densityCellCentre(grid, 10, 4);
 */
export function densityCellCentre(grid: DensityGrid, col: number, row: number): [number, number] {
  return grid.frame.toLonLat(grid.x0 + col * grid.cellM, grid.y0 + row * grid.cellM);
}

/**
 * Density per km² at one position, evaluated exactly (no grid); for tooltips and tests.
 * @example densityAt([{ lon: 18.07, lat: 59.33 }], { lon: 18.07, lat: 59.33 }) // ≈ 15.28
 */
export function densityAt(points: readonly LonLat[], at: LonLat, bandwidthM = DEFAULT_BANDWIDTH_M): number {
  const frame = localFrame(at.lon, at.lat);
  let sum = 0;
  for (const p of points) {
    const [x, y] = frame.toXY(p.lon, p.lat);
    sum += quarticKernel(Math.hypot(x, y), bandwidthM);
  }
  return sum * 1e6;
}

/**
 * Density from incident records: only point-precise ones ('exact', 'place') are used; `excluded` counts the rest.
 * @example const { excluded, ...grid } = densityFromIncidents(weekIncidents, { bandwidthM: 250 });
 */
export function densityFromIncidents<T extends HasPrecision & LonLat>(
  incidents: Iterable<T>,
  options: DensityOptions = {},
): DensityGrid & { excluded: number } {
  const { points, excluded } = pointRecords(incidents);
  return { ...kernelDensity(points, options), excluded };
}
