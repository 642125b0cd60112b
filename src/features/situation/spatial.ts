import { cellToLatLng } from 'h3-js';
import { kernelDensity } from '../../analysis/stats/density.js';
import { gistarH3 } from '../../analysis/stats/gistar.js';
import { concentration } from '../../analysis/stats/repeats.js';
import type { SituationReport } from '../../domain/situation.js';
import { HOTSPOT_RESOLUTION } from './situation.scope.js';

/** Gi* neighbourhood ring (the cell and its six neighbours) and the FDR level at which cells are listed. */
export const HOTSPOT_K = 1;
export const HOTSPOT_ALPHA = 0.1;
/** Heat layer: the library's 250 m bandwidth on a 100 m grid (coarser than its default h/5 to keep the payload small). */
const DENSITY_BANDWIDTH_M = 250;
const DENSITY_CELL_M = 100;

/** A point-precise incident of the week. */
export interface WeekPoint {
  lon: number;
  lat: number;
  h3_r9: string;
}

/**
 * Gi* over every res-9 cell of the scope's stadsdelar, k = 1, with exact-binomial p-values (weekly counts are
 * sparse: the normal p gives false hotspots there, see analysis/stats/gistar.ts) and BH-FDR control.
 */
export function weeklyHotspots(
  points: readonly WeekPoint[],
  studyCells: readonly string[],
  excludedCoarse: number,
): SituationReport['hotspots'] {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.h3_r9, (counts.get(p.h3_r9) ?? 0) + 1);
  const result = gistarH3(counts, studyCells, HOTSPOT_K, { pMethod: 'exact-binomial' });
  const cells = result.cells
    .filter((c) => c.fdrClass !== 'none')
    .sort((a, b) => a.pAdjusted - b.pAdjusted || b.count - a.count)
    .map((c) => ({
      cell: c.cell,
      count: c.count,
      local_sum: c.localSum,
      z: round(c.z, 3),
      p: c.p,
      p_adjusted: c.pAdjusted,
      class: c.fdrClass,
    }));
  return {
    method: 'Getis-Ord Gi*',
    resolution: HOTSPOT_RESOLUTION,
    n: result.n,
    k: result.k,
    alpha: HOTSPOT_ALPHA,
    p_method: result.pMethod,
    correction: 'Benjamini-Hochberg FDR',
    incidents: result.total,
    excluded_coarse: excludedCoarse,
    excluded_outside: result.outside,
    cells,
  };
}

/** The heat layer: quartic kernel density, only cells above the one-lone-incident background. */
export function weeklyDensity(points: readonly WeekPoint[]): SituationReport['density'] {
  const grid = kernelDensity(points, { bandwidthM: DENSITY_BANDWIDTH_M, cellM: DENSITY_CELL_M });
  const cells: Array<[number, number, number]> = [];
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const v = grid.values[row * grid.cols + col]!;
      if (v > grid.cutoff) cells.push([col, row, round(v, 2)]);
    }
  }
  const [lon1, lat1] = grid.frame.toLonLat(grid.x0 + grid.cellM, grid.y0 + grid.cellM);
  const [lon0, lat0] = grid.frame.toLonLat(grid.x0, grid.y0);
  return {
    bandwidth_m: grid.bandwidthM,
    cell_m: grid.cellM,
    cols: grid.cols,
    rows: grid.rows,
    origin: grid.origin,
    cell_deg: { lon: lon1 - lon0, lat: lat1 - lat0 },
    unit: 'incidents per km²',
    max: round(grid.max, 2),
    cells,
  };
}

/** A place with its counts over the period (incidents at it, and in the report week). */
export interface PlaceCount {
  place_id: string | null;
  cell: string | null;
  count: number;
  week_count: number;
}

export interface PlaceInfo {
  id: string;
  name: string;
  type: string;
  setting: 'indoor' | 'outdoor';
  lon: number;
  lat: number;
}

/**
 * Top places over the period, indoor and outdoor alike (a library is a place like a square; unregistered
 * spots count by their res-10 cell), and how concentrated incidents are. Registered places of the scope
 * without incidents enter the concentration as zeros, as the library asks.
 */
export function topPlaces(
  counts: readonly PlaceCount[],
  places: ReadonlyMap<string, PlaceInfo>,
  zeroPlaceIds: readonly string[],
  period: { from: string; to: string },
): SituationReport['top_places'] {
  const keyed = counts.flatMap((c) => {
    const key = c.place_id ? `place:${c.place_id}` : c.cell ? `cell:${c.cell}` : null;
    return key ? [{ key, ...c }] : [];
  });
  const table = new Map<string, number>(zeroPlaceIds.map((id) => [`place:${id}`, 0]));
  for (const k of keyed) table.set(k.key, k.count);
  const c = concentration(table, { top: 10, topShare: 0.05 });
  const byKey = new Map(keyed.map((k) => [k.key, k]));
  return {
    from_week: period.from,
    to_week: period.to,
    places: c.top
      .filter((t) => t.count > 0)
      .map((t) => {
        const row = byKey.get(t.place)!;
        const info = row.place_id ? places.get(row.place_id) : undefined;
        const [lat, lon] = info ? [info.lat, info.lon] : cellToLatLng(row.cell!);
        return {
          key: t.place,
          kind: row.place_id ? ('place' as const) : ('street_cell' as const),
          place_id: row.place_id,
          name: info?.name ?? null,
          type: info?.type ?? null,
          setting: info?.setting ?? null,
          lon,
          lat,
          count: t.count,
          week_count: row.week_count,
          repeat: t.count >= 2,
        };
      }),
    concentration: {
      places: c.places,
      incidents: c.incidents,
      top_share_of_places: 0.05,
      top_places: c.topPlaces,
      share_at_top: round(c.shareAtTop, 4),
      repeat_places: c.repeatPlaces,
      share_at_repeat_places: round(c.shareAtRepeatPlaces, 4),
      gini: round(c.gini, 4),
    },
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
