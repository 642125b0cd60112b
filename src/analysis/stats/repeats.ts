/**
 * Repeat places and how concentrated incidents are among places: a few places usually carry a large share
 * (the "law of crime concentration", Weisburd 2015), and those are where a measure pays off. A "place" is
 * whatever key the caller counts by: a registered place, an address, an H3 res-10 cell.
 */
import { type HasPrecision, pointRecords } from './precision.js';

/** The result of `concentration`. */
export interface Concentration {
  /** Places counted (including any passed with a zero count). */
  places: number;
  incidents: number;
  /** The busiest places, most incidents first, ties by key. */
  top: Array<{ place: string; count: number }>;
  /** How many places make up the top share: ⌈topShare · places⌉. */
  topPlaces: number;
  /** Share of incidents at those places (0 when there are none). */
  shareAtTop: number;
  /** Places with two incidents or more (over 12 months, by the reference's definition of a repeat place). */
  repeatPlaces: number;
  shareAtRepeatPlaces: number;
  /** Lorenz curve: (share of places, share of incidents), places from fewest incidents to most, (0,0) to (1,1). */
  lorenz: Array<[number, number]>;
  gini: number;
}

function checkCounts(counts: readonly number[]): void {
  for (const c of counts)
    if (!(c >= 0) || !Number.isFinite(c)) throw new RangeError(`counts must be finite and non-negative, got ${c}`);
}

/**
 * Gini coefficient of counts: G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n + 1)/n with x ascending, i = 1…n. 0 when all are
 * equal (or there is nothing), (n − 1)/n when one place has everything.
 * @example gini([1, 2, 3, 4]) // 0.25
 */
export function gini(counts: readonly number[]): number {
  checkCounts(counts);
  const n = counts.length;
  const sorted = [...counts].sort((a, b) => a - b);
  let total = 0;
  let weighted = 0;
  sorted.forEach((x, i) => {
    total += x;
    weighted += (i + 1) * x;
  });
  if (n === 0 || total === 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/**
 * Lorenz curve points from (0, 0) to (1, 1), places in ascending order of count.
 * @example lorenzCurve([1, 2, 3, 4]) // [[0, 0], [0.25, 0.1], [0.5, 0.3], [0.75, 0.6], [1, 1]]
 */
export function lorenzCurve(counts: readonly number[]): Array<[number, number]> {
  checkCounts(counts);
  const n = counts.length;
  const sorted = [...counts].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0);
  const points: Array<[number, number]> = [[0, 0]];
  let cumulative = 0;
  sorted.forEach((x, i) => {
    cumulative += x;
    // With nothing counted the curve is the diagonal: no concentration to show.
    points.push([(i + 1) / n, total === 0 ? (i + 1) / n : cumulative / total]);
  });
  return points;
}

/**
 * Concentration of incidents among places. Only places passed in are counted: pass the places with zero
 * incidents too (from a register of places) to measure concentration over all of them; without them the
 * top share understates how concentrated incidents are.
 * @example
 * const c = concentration(new Map([['A', 1], ['B', 2], ['C', 3], ['D', 4]]));
 * // c.gini 0.25; c.topPlaces 1, c.shareAtTop 0.4 (D); c.repeatPlaces 3, c.shareAtRepeatPlaces 0.9
 */
export function concentration(
  counts: ReadonlyMap<string, number> | Iterable<readonly [string, number]>,
  options: { top?: number; topShare?: number } = {},
): Concentration {
  const { top = 10, topShare = 0.05 } = options;
  if (!(topShare > 0 && topShare <= 1)) throw new RangeError(`topShare must lie in (0, 1], got ${topShare}`);
  const entries = [...counts].map(([place, count]) => ({ place, count }));
  const values = entries.map((e) => e.count);
  checkCounts(values);
  const incidents = values.reduce((a, b) => a + b, 0);
  const ranked = entries.sort((a, b) => b.count - a.count || (a.place < b.place ? -1 : a.place > b.place ? 1 : 0));
  const topPlaces = Math.ceil(topShare * ranked.length);
  const atTop = ranked.slice(0, topPlaces).reduce((s, e) => s + e.count, 0);
  const repeats = ranked.filter((e) => e.count >= 2);
  const atRepeats = repeats.reduce((s, e) => s + e.count, 0);
  return {
    places: ranked.length,
    incidents,
    top: ranked.slice(0, top),
    topPlaces,
    shareAtTop: incidents === 0 ? 0 : atTop / incidents,
    repeatPlaces: repeats.length,
    shareAtRepeatPlaces: incidents === 0 ? 0 : atRepeats / incidents,
    lorenz: lorenzCurve(values),
    gini: gini(values),
  };
}

/**
 * Concentration from incident records: only point-precise ones ('exact', 'place') are placed; records whose
 * key is null or undefined are left out too. `excluded` counts both.
 * @example
 * const c = repeatPlacesFromIncidents(yearIncidents, (i) => i.place_id ?? i.h3?.r10);
 * // c.repeatPlaces, c.shareAtRepeatPlaces, c.top
 */
export function repeatPlacesFromIncidents<T extends HasPrecision>(
  incidents: Iterable<T>,
  placeKey: (incident: T) => string | null | undefined,
  options: { top?: number; topShare?: number } = {},
): Concentration & { excluded: number } {
  const { points, excluded } = pointRecords(incidents);
  const counts = new Map<string, number>();
  let unplaced = 0;
  for (const incident of points) {
    const key = placeKey(incident);
    if (key === null || key === undefined) unplaced++;
    else counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { ...concentration(counts, options), excluded: excluded + unplaced };
}
