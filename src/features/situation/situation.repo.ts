import { type RawBuilder, sql, expressionBuilder } from 'kysely';
import { isoWeekMonday } from '../../domain/calendar/index.js';
import { CONFIDENTIALITY_TIERS } from '../../domain/confidentiality.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';
import type { Database } from '../../db/schema.js';

/**
 * Which incidents a report counts: the organisation's, in the scope's neighbourhood rows (null: the whole
 * city, coarse municipality-level rows included), optionally narrowed to categories and sources.
 */
export interface IncidentScope {
  organisationId: string;
  areaIds: readonly string[] | null;
  categoryIds: readonly string[] | null;
  sources: readonly string[] | null;
  /** The organisation's zone: its wall clock gives the weeks, weekdays and hours. */
  timeZone: string;
}

export interface Range {
  start: Date;
  end: Date;
}

// Weeks and hours are those of the organisation's wall clock, as in domain/calendar.
const local = (scope: IncidentScope) => sql`(occurred_at AT TIME ZONE ${scope.timeZone})`;
const POINT = sql`precision IN ('exact', 'place')`;

function list(values: readonly string[]): RawBuilder<unknown> {
  return sql.join(values.map((v) => sql`${v}`));
}

/** Scope and filters, on the columns incidents and incident_weekly_counts share. */
function scoped(scope: IncidentScope, parts: Array<RawBuilder<unknown>>): RawBuilder<unknown> {
  if (scope.areaIds) parts.push(scope.areaIds.length ? sql`area_id IN (${list(scope.areaIds)})` : sql`false`);
  if (scope.categoryIds)
    parts.push(scope.categoryIds.length ? sql`category_id IN (${list(scope.categoryIds)})` : sql`false`);
  if (scope.sources) parts.push(scope.sources.length ? sql`source IN (${list(scope.sources)})` : sql`false`);
  return sql.join(parts, sql` AND `);
}

/** The WHERE clause of every aggregate over incidents: organisation, scope, filters and a time range (index-friendly). */
function where(scope: IncidentScope, range: Range): RawBuilder<unknown> {
  return scoped(scope, [
    sql`organisation_id = ${scope.organisationId}`,
    sql`occurred_at >= ${range.start}`,
    sql`occurred_at < ${range.end}`,
  ]);
}

/**
 * The rows of `query` (aliased q) as one JSON text built by the database and parsed here. PGlite decodes every
 * field of every row in JavaScript: 800 rows of seven columns took 15.1 ms as rows and 6.1 ms as JSON (p50;
 * on PostgreSQL 2.9 and 5.1 ms, p95 9.0 and 7.8 ms). Only for columns whose JSON form is the value wanted
 * (numbers, text, uuids); every column of q comes back, one used only by `orderBy` too.
 */
async function jsonRows<T>(db: Db, query: RawBuilder<unknown>, orderBy?: RawBuilder<unknown>): Promise<T[]> {
  const { rows } = await sql<{ rows: string }>`
    SELECT coalesce(json_agg(q${orderBy ? sql` ORDER BY ${orderBy}` : sql``}), '[]')::text AS rows FROM (${query}) q`.execute(
    db,
  );
  return JSON.parse(rows[0]!.rows) as T[];
}

/**
 * Incidents per local week from the trigger-kept weekly counts (keyed by its Monday, 'YYYY-MM-DD'): all of
 * them and the point-precise ones, for the ISO weeks from…to inclusive.
 */
export async function countByWeek(db: Db, scope: IncidentScope, weeks: { from: string; to: string }) {
  const { rows } = await sql<{ monday: string; count: number; points: number }>`
    SELECT to_char(week, 'YYYY-MM-DD') AS monday, sum(count) AS count, coalesce(sum(count) FILTER (WHERE ${POINT}), 0) AS points
    FROM incident_weekly_counts
    WHERE ${scoped(scope, [sql`organisation_id = ${scope.organisationId}`, sql`week >= ${isoWeekMonday(weeks.from)}::date`, sql`week <= ${isoWeekMonday(weeks.to)}::date`])}
    GROUP BY week HAVING sum(count) > 0`.execute(db);
  return rows;
}

/**
 * The organisation's week versions for the ISO weeks from…to (keyed by Monday): a new one whenever an
 * incident of the week is written; a week without one has never had an incident.
 */
export async function listWeekVersions(db: Db, organisationId: string, weeks: { from: string; to: string }) {
  return db
    .selectFrom('incident_week_versions')
    .select([sql<string>`to_char(week, 'YYYY-MM-DD')`.as('monday'), 'version'])
    .where('organisation_id', '=', organisationId)
    .where('week', '>=', isoWeekMonday(weeks.from))
    .where('week', '<=', isoWeekMonday(weeks.to))
    .execute();
}

/** The single aggregate the benchmark compares against: category counts of one scope-week. */
export async function countByCategory(db: Db, scope: IncidentScope, range: Range) {
  const { rows } = await sql<{ category_id: string; count: number }>`
    SELECT category_id, count(*) AS count FROM incidents WHERE ${where(scope, range)} GROUP BY category_id`.execute(db);
  return rows;
}

/**
 * Counts of several ISO weeks at once by (week index, neighbourhood row, category, precision): the report
 * week, last week and the same week last year, from the weekly counts.
 */
export function countBreakdown(db: Db, scope: IncidentScope, weeks: readonly string[]) {
  const mondays = weeks.map((w) => isoWeekMonday(w));
  const bucket = sql.join(
    mondays.map((m, i) => sql`WHEN ${m}::date THEN ${sql.lit(i)}`),
    sql` `,
  );
  return jsonRows<{ bucket: number; area_id: string | null; category_id: string; precision: string; count: number }>(
    db,
    sql`
    SELECT CASE week ${bucket} END AS bucket, area_id, category_id, precision, sum(count) AS count
    FROM incident_weekly_counts
    WHERE ${scoped(scope, [sql`organisation_id = ${scope.organisationId}`, sql`week IN (${sql.join(mondays.map((m) => sql`${m}::date`))})`])}
    GROUP BY 1, 2, 3, 4 HAVING sum(count) > 0`,
  );
}

/** The point-precise incidents of one week, for the map, Gi* and density. */
export function listWeekPoints(db: Db, scope: IncidentScope, range: Range) {
  return jsonRows<{
    id: string;
    lon: number;
    lat: number;
    h3_r9: string;
    place_id: string | null;
    category_id: string;
    precision: 'exact' | 'place';
    occurred_at: string;
  }>(
    db,
    sql`SELECT id, lon, lat, h3_r9, place_id, category_id, precision, occurred_at FROM incidents WHERE ${where(scope, range)} AND ${POINT}`,
    sql`q.occurred_at, q.id`,
  );
}

/**
 * The organisation's incidents of a period in the neighbourhood rows `areaIds` (null: the whole city) that the
 * caller may not see (`access`): the points its report leaves out. Only tiers outside `access.tiers` can be hidden, which for staff is `restricted` alone (an index of its
 * own; the tiers are literals so that the planner can match the index's condition).
 */
export async function listHiddenIncidentIds(
  db: Db,
  organisationId: string,
  areaIds: readonly string[] | null,
  range: Range,
  access: TierAccess,
): Promise<string[]> {
  if (access.all || areaIds?.length === 0) return [];
  const beyond = CONFIDENTIALITY_TIERS.filter((t) => !access.tiers.includes(t));
  if (!beyond.length) return [];
  const { rows } = await sql<{ id: string }>`
    SELECT i.id FROM incidents i WHERE i.organisation_id = ${organisationId} AND i.occurred_at >= ${range.start} AND i.occurred_at < ${range.end}
      ${areaIds ? sql`AND i.area_id IN (${list(areaIds)})` : sql``} AND i.confidentiality IN (${sql.join(beyond.map((t) => sql.lit(t)))}) AND NOT ${visibleTo(access, 'incident', 'i')(expressionBuilder<{ i: Database['incidents'] }, 'i'>())}`.execute(
    db,
  );
  return rows.map((r) => r.id);
}

const monday = (scope: IncidentScope) => sql`to_char(date_trunc('week', ${local(scope)}), 'YYYY-MM-DD')`;

/**
 * Point-precise incidents per local week (its Monday) and place over a period: registered places by id, the
 * rest by their res-10 H3 cell (about 65 m across, a street corner).
 */
export function countByPlaceWeekly(db: Db, scope: IncidentScope, range: Range) {
  return jsonRows<{ monday: string; place_id: string | null; cell: string | null; count: number }>(
    db,
    sql`
    SELECT ${monday(scope)} AS monday, place_id, CASE WHEN place_id IS NULL THEN h3_r10 END AS cell, count(*) AS count
    FROM incidents WHERE ${where(scope, range)} AND ${POINT} GROUP BY 1, 2, 3`,
  );
}

/** Point-precise incidents per local week (its Monday) and res-9 H3 cell: the history of the baseline hotspot test. */
export function countByCellWeekly(db: Db, scope: IncidentScope, range: Range) {
  return jsonRows<{ monday: string; cell: string; count: number }>(
    db,
    sql`
    SELECT ${monday(scope)} AS monday, h3_r9 AS cell, count(*) AS count
    FROM incidents WHERE ${where(scope, range)} AND ${POINT} AND h3_r9 IS NOT NULL GROUP BY 1, 2`,
  );
}

/**
 * Each source's data span in the organisation (its first and last week with incidents, as Mondays), and the
 * weeks among `weeks` it has incidents in within the report's scope and filters: whether a comparison week is
 * covered by the data of the sources the report counts. The span is organisation-wide, not per scope: a quiet
 * stadsdel with no incidents that week is still covered.
 */
export async function listSourceSpans(db: Db, scope: IncidentScope, weeks: readonly string[]) {
  const mondays = weeks.map((w) => isoWeekMonday(w));
  const inReport = scoped(scope, [sql`week IN (${sql.join(mondays.map((m) => sql`${m}::date`))})`]);
  const { rows } = await sql<{ source: string; first: string; last: string; weeks: string[] }>`
    SELECT source, to_char(min(week), 'YYYY-MM-DD') AS first, to_char(max(week), 'YYYY-MM-DD') AS last,
      coalesce(array_agg(DISTINCT to_char(week, 'YYYY-MM-DD')) FILTER (WHERE ${inReport}), '{}') AS weeks
    FROM incident_weekly_counts WHERE organisation_id = ${scope.organisationId} AND count > 0 GROUP BY source`.execute(
    db,
  );
  return rows;
}

/** Incidents per local week (its Monday), ISO weekday (1 = Monday) and hour on the organisation's clock. */
export function countByHourWeekdayWeekly(db: Db, scope: IncidentScope, range: Range) {
  return jsonRows<{ monday: string; dow: number; hour: number; count: number }>(
    db,
    sql`
    SELECT ${monday(scope)} AS monday, extract(isodow FROM ${local(scope)})::int AS dow, extract(hour FROM ${local(scope)})::int AS hour, count(*) AS count
    FROM incidents WHERE ${where(scope, range)} GROUP BY 1, 2, 3`,
  );
}

/** How many of the week's incidents were reported after an instant (late reports after a freeze). */
export async function countReportedAfter(db: Db, scope: IncidentScope, range: Range, after: Date): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM incidents WHERE ${where(scope, range)} AND reported_at > ${after}`.execute(db);
  return rows[0]?.n ?? 0;
}

export function listCategories(db: Db, organisationId: string) {
  return db
    .selectFrom('incident_categories')
    .select(['id', 'code', 'label_sv', 'label_en', 'group_code', 'sort_order'])
    .where('organisation_id', '=', organisationId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Registered places by id, or all places in some neighbourhoods (for the zero counts of the concentration). */
export function listPlaces(
  db: Db,
  organisationId: string,
  filter: { ids?: readonly string[]; neighbourhoodCodes?: readonly string[] | null },
) {
  let q = db
    .selectFrom('places')
    .select(['id', 'name', 'type', 'setting', 'lon', 'lat', 'neighbourhood_code'])
    .where('organisation_id', '=', organisationId);
  if (filter.ids) q = filter.ids.length ? q.where('id', 'in', filter.ids) : q.where(sql<boolean>`false`);
  if (filter.neighbourhoodCodes)
    q = filter.neighbourhoodCodes.length
      ? q.where('neighbourhood_code', 'in', filter.neighbourhoodCodes)
      : q.where(sql<boolean>`false`);
  return q.execute();
}

export function listPopulations(db: Db, organisationId: string, codes: readonly string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .selectFrom('area_populations')
    .select(['area_code', 'year', 'population'])
    .where('organisation_id', '=', organisationId)
    .where('level', '=', 'neighbourhood')
    .where('area_code', 'in', codes)
    .execute();
}

/**
 * The organisation's data versions by kind, for cache keys. With `weeks`, also `weeks`: the newest incident
 * week version among those ISO weeks. Versions come from one sequence, so it changes whenever an incident of
 * one of those weeks is written (and after a recount), and never returns to an earlier value.
 */
export async function readDataVersions(
  db: Db,
  organisationId: string,
  weeks?: { from: string; to: string },
): Promise<Record<string, number>> {
  const kinds = db
    .selectFrom('data_versions')
    .select(['kind', 'version'])
    .where('organisation_id', '=', organisationId);
  const rows = await (weeks
    ? kinds.unionAll(
        db
          .selectFrom('incident_week_versions')
          .select([sql<string>`'weeks'`.as('kind'), sql<number>`coalesce(max(version), 0)`.as('version')])
          .where('organisation_id', '=', organisationId)
          .where('week', '>=', isoWeekMonday(weeks.from))
          .where('week', '<=', isoWeekMonday(weeks.to)),
      )
    : kinds
  ).execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.version]));
}

/** Bumps a data version inside the caller's transaction (the writes it stands for commit with it). */
export async function bumpDataVersion(db: Db, organisationId: string, kind: string): Promise<void> {
  await sql`INSERT INTO data_versions (organisation_id, kind, version) VALUES (${organisationId}, ${kind}, 1)
    ON CONFLICT (organisation_id, kind) DO UPDATE SET version = data_versions.version + 1`.execute(db);
}
