import { addWeeks, isoWeekOfDate, iterateWeeks, weekBounds } from '../../domain/calendar/index.js';
import type { Db } from '../../core/context.js';
import type { PlaceCount } from './spatial.js';
import { createLru, type Lru } from '../../core/lru.js';
import {
  countByCellWeekly,
  countByHourWeekdayWeekly,
  countByPlaceWeekly,
  countByWeek,
  type IncidentScope,
  listWeekVersions,
} from './situation.repo.js';

/**
 * The report's figures that span many weeks (trend and årshjul: up to six years; top places and the baseline
 * hotspot test's cells: 52 weeks; hour × weekday: 13 weeks), read and cached week by week. An entry is keyed by scope, filters, week and that
 * week's version, which the incident triggers renew whenever an incident of the week is written (from any
 * process): so the first report after a new incident reads that one week again, not the whole period.
 */

export interface WeekCounts {
  count: number;
  points: number;
}

export interface PlaceWeekRow {
  place_id: string | null;
  cell: string | null;
  count: number;
}

/** Per-week parts of a report for a scope, filters and week span, with the week versions read once. */
export interface WeekPartsRequest {
  db: Db;
  scope: IncidentScope;
  /** Identifies scope and filters in cache keys (organisation, area and its layout version, categories, sources). */
  key: string;
  versions: ReadonlyMap<string, number>;
}

const counts = createLru<WeekCounts>(50_000);
const places = createLru<PlaceWeekRow[]>(5_000);
const hours = createLru<number[]>(5_000);
const cells = createLru<ReadonlyMap<string, number>>(5_000);

function mondayToWeek(monday: string): string {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number];
  return isoWeekOfDate(y, m, d);
}

/** The organisation's week versions, keyed by ISO week, for the weeks from…to. */
export async function weekVersions(
  db: Db,
  organisationId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await listWeekVersions(db, organisationId, { from, to });
  return new Map(rows.map((r) => [mondayToWeek(r.monday), r.version]));
}

/** Consecutive runs of weeks ([first, last]), so that a few missing weeks cost one range query each. */
function runs(weeks: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const w of [...weeks].sort()) {
    const last = out[out.length - 1];
    if (last && addWeeks(last[1], 1) === w) last[1] = w;
    else out.push([w, w]);
  }
  return out;
}

/**
 * Values per week from the cache, fetching the missing weeks' rows (grouped by their Monday) run by run. A
 * week without a version has never had an incident and is `empty` without a query.
 */
async function perWeek<T, R extends { monday: string }>(
  req: WeekPartsRequest,
  cache: Lru<T>,
  kind: string,
  from: string,
  to: string,
  fetch: (run: [string, string]) => Promise<R[]>,
  fold: (rows: R[]) => T,
  empty: () => T,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const missing: string[] = [];
  const keyOf = (w: string) => `${kind}|${req.key}|${w}|${req.versions.get(w)}`;
  for (const w of iterateWeeks(from, to)) {
    if (!req.versions.has(w)) out.set(w, empty());
    else {
      const hit = cache.get(keyOf(w));
      if (hit === undefined) missing.push(w);
      else out.set(w, hit);
    }
  }
  const fetched = (await Promise.all(runs(missing).map(fetch))).flat();
  const byWeek = new Map<string, R[]>();
  for (const r of fetched) {
    const w = mondayToWeek(r.monday);
    const list = byWeek.get(w);
    if (list) list.push(r);
    else byWeek.set(w, [r]);
  }
  for (const w of missing) {
    const value = fold(byWeek.get(w) ?? []);
    cache.set(keyOf(w), value);
    out.set(w, value);
  }
  return out;
}

const rangeOf = (scope: IncidentScope, [first, last]: [string, string]) => ({
  start: weekBounds(first, scope.timeZone).start,
  end: weekBounds(last, scope.timeZone).end,
});

/** Incidents and point-precise incidents per week, from the weekly counts. */
export function weeklyCounts(req: WeekPartsRequest, from: string, to: string): Promise<Map<string, WeekCounts>> {
  return perWeek(
    req,
    counts,
    'counts',
    from,
    to,
    ([a, b]) => countByWeek(req.db, req.scope, { from: a, to: b }),
    (rows) => ({ count: rows[0]?.count ?? 0, points: rows[0]?.points ?? 0 }),
    () => ({ count: 0, points: 0 }),
  );
}

/** Point-precise incidents per place (or street cell) per week. */
export function weeklyPlaces(req: WeekPartsRequest, from: string, to: string): Promise<Map<string, PlaceWeekRow[]>> {
  return perWeek(
    req,
    places,
    'places',
    from,
    to,
    (run) => countByPlaceWeekly(req.db, req.scope, rangeOf(req.scope, run)),
    (rows) => rows.map((r) => ({ place_id: r.place_id, cell: r.cell, count: r.count })),
    () => [],
  );
}

/** Point-precise incidents per res-9 cell, per week (the baseline hotspot test's history). */
export function weeklyCells(
  req: WeekPartsRequest,
  from: string,
  to: string,
): Promise<Map<string, ReadonlyMap<string, number>>> {
  return perWeek(
    req,
    cells,
    'cells',
    from,
    to,
    (run) => countByCellWeekly(req.db, req.scope, rangeOf(req.scope, run)),
    (rows) => new Map(rows.map((r) => [r.cell, r.count])),
    () => new Map(),
  );
}

/** Incidents per (ISO weekday − 1) × 24 + hour, per week. */
export function weeklyHours(req: WeekPartsRequest, from: string, to: string): Promise<Map<string, number[]>> {
  return perWeek(
    req,
    hours,
    'hours',
    from,
    to,
    (run) => countByHourWeekdayWeekly(req.db, req.scope, rangeOf(req.scope, run)),
    (rows) => {
      const cells = new Array<number>(7 * 24).fill(0);
      for (const r of rows) cells[(r.dow - 1) * 24 + r.hour] = r.count;
      return cells;
    },
    () => new Array<number>(7 * 24).fill(0),
  );
}

/** Place counts summed over the weeks, with the report week's own count beside them. */
export function placeCountsOf(weeks: ReadonlyMap<string, readonly PlaceWeekRow[]>, reportWeek: string): PlaceCount[] {
  const total = new Map<string, PlaceCount>();
  for (const [w, rows] of weeks) {
    for (const r of rows) {
      const key = `${r.place_id}|${r.cell}`;
      let entry = total.get(key);
      if (!entry) total.set(key, (entry = { place_id: r.place_id, cell: r.cell, count: 0, week_count: 0 }));
      entry.count += r.count;
      if (w === reportWeek) entry.week_count += r.count;
    }
  }
  return [...total.values()];
}

/** The weeks' hour cells summed, as (ISO weekday, hour, count) rows. */
export function sumHours(
  weeks: ReadonlyMap<string, readonly number[]>,
): Array<{ dow: number; hour: number; count: number }> {
  const cells = new Array<number>(7 * 24).fill(0);
  for (const week of weeks.values())
    week.forEach((n, i) => {
      cells[i] = cells[i]! + n;
    });
  return cells.map((count, i) => ({ dow: Math.floor(i / 24) + 1, hour: i % 24, count }));
}
