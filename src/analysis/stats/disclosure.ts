import { isoWeek, weekBounds } from '../../domain/calendar/index.js';

/*
 * What a figure about incidents may show to someone who may not read the incidents themselves (the public,
 * and accounts without incident access). One rule for every public aggregate (docs/confidentiality.md):
 *
 * - k-anonymity: a published count is 0 or at least MIN_PUBLIC_COUNT; a count of 1..k-1 would point at one or
 *   a few events, so such a cell is left out and such a single figure withheld (null).
 * - coarse space: H3 cells no finer than MAX_PUBLIC_RESOLUTION. Resolution 8 cells average 0.74 km² (edge
 *   about 530 m); resolution 9 (0.1 km², edge 200 m) and 10 (0.015 km², edge 75 m) are a block or a doorway.
 * - coarse time: windows of whole ISO weeks on the organisation's wall clock, so minute-shifted windows cannot isolate one event.
 */

/** The smallest count published for a cell or an area (k of k-anonymity). */
export const MIN_PUBLIC_COUNT = 5;

/** The finest H3 resolution published. */
export const MAX_PUBLIC_RESOLUTION = 8;

/**
 * A count as published: unchanged when 0 or at least `k`, otherwise null (withheld).
 * @example publicCount(4) // null
 * @example publicCount(0) // 0
 */
export function publicCount(n: number, k: number = MIN_PUBLIC_COUNT): number | null {
  return n === 0 || n >= k ? n : null;
}

/**
 * The cells that may be published: those with a count of at least `k` (empty cells are not listed anyway).
 * @example suppressSmallCells([{ cell: 'a', count: 4 }, { cell: 'b', count: 5 }]) // [{ cell: 'b', count: 5 }]
 */
export function suppressSmallCells<T extends { count: number }>(
  cells: readonly T[],
  k: number = MIN_PUBLIC_COUNT,
): T[] {
  return cells.filter((c) => c.count >= k);
}

/**
 * The resolution published for a requested one: finer requests get MAX_PUBLIC_RESOLUTION.
 * @example publicResolution(10) // 8
 */
export function publicResolution(requested: number): number {
  return Math.min(requested, MAX_PUBLIC_RESOLUTION);
}

/**
 * A time window widened to whole ISO weeks on the wall clock of `timeZone`: `from` back to its Monday 00:00, `to`
 * (exclusive) on to the next Monday 00:00 unless it is one already. Missing ends stay open.
 * @example publicWindow({ from: '2026-11-25T13:37:00Z' }, DEFAULT_TIME_ZONE).from // '2026-11-22T23:00:00.000Z' (Monday 23 Nov, 00:00 in Stockholm)
 */
export function publicWindow(
  window: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (window.from) out.from = weekBounds(isoWeek(window.from, timeZone), timeZone).start.toISOString();
  if (window.to) {
    const { start, end } = weekBounds(isoWeek(window.to, timeZone), timeZone);
    out.to = (start.getTime() === Date.parse(window.to) ? start : end).toISOString();
  }
  return out;
}
