/**
 * Which incidents may enter point analyses. A police event placed at the municipality's centre would
 * otherwise make the town hall the city's worst hotspot: only 'exact' and 'place' positions go into
 * hotspots, density and repeat places, while every incident, however coarse, still counts in area totals.
 */
import { POINT_PRECISIONS, type Precision } from '../../domain/incidents.js';

/** The precisions that may be used as points ('exact', 'place'). */
export type PointPrecision = 'exact' | 'place';

/** Anything that says how exact its position is. */
export interface HasPrecision {
  precision: Precision;
}

/**
 * True for 'exact' and 'place' (POINT_PRECISIONS in the domain), false for 'area' and 'municipality'.
 * @example isPointPrecision('place') // true; isPointPrecision('municipality') // false
 */
export function isPointPrecision(precision: Precision): precision is PointPrecision {
  return POINT_PRECISIONS.includes(precision);
}

/**
 * The records whose position is precise enough for point analyses, and how many were left out (report
 * that number beside the map, so a reader knows what the map does not show).
 * @example
 * const { points, excluded } = pointRecords(incidents);
 * // points: the exact and place-level incidents; excluded: how many area/municipality ones were dropped
 */
export function pointRecords<T extends HasPrecision>(records: Iterable<T>): { points: T[]; excluded: number } {
  const points: T[] = [];
  let excluded = 0;
  for (const r of records) {
    if (isPointPrecision(r.precision)) points.push(r);
    else excluded++;
  }
  return { points, excluded };
}
