import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Routing } from '../incidents/incident-writer.js';
import { analyzeIncidents } from './bulk-load.repo.js';
import type { Db } from '../../core/context.js';
import type { Candidate } from './row-mapper.js';

/**
 * The run's accepted rows wait in a temporary table (no WAL, no indexes, no foreign keys) until the file
 * has been read to the end; repeats are then found with a few set-based statements and the survivors go
 * into incidents with one INSERT … SELECT. The table belongs to the run's session (`db.connection()`), outside
 * any transaction, so a killed process or connection takes it along; `dropStage` removes it at the end, since a
 * pooled session lives on. The session has no statement timeout until then.
 */
export async function createStage(db: Db): Promise<void> {
  // An import's statements (index rebuilds, de-duplication over the whole table) may outlast a server
  // request's statement timeout.
  await sql`SET statement_timeout = 0`.execute(db);
  await sql`DROP TABLE IF EXISTS import_stage`.execute(db);
  await sql`
    CREATE TEMP TABLE import_stage (
      row integer NOT NULL, id uuid NOT NULL, occurred_at timestamptz NOT NULL, reported_at timestamptz, category_id uuid NOT NULL,
      lon double precision NOT NULL, lat double precision NOT NULL, precision text NOT NULL,
      h3_r7 text, h3_r8 text, h3_r9 text, h3_r10 text, area_id uuid, district_id uuid, place_id uuid,
      description text, redaction_count integer NOT NULL, source_ref text NOT NULL,
      skip text, dup_of integer, existing_id uuid, changed boolean
    )`.execute(db);
}

/** Ends what `createStage` began: the table goes, and the session's statement timeout is what it was. */
export async function dropStage(db: Db): Promise<void> {
  await sql`DROP TABLE IF EXISTS import_stage`.execute(db);
  await sql`RESET statement_timeout`.execute(db);
}

/** Rows per staging statement: on PGlite a statement holds the one session, and 1,000 rows take tens of milliseconds. */
const STAGE_STATEMENT_ROWS = 1000;

/**
 * Adds a chunk with INSERT … SELECT FROM unnest(arrays) statements, one array parameter per column, each
 * of a thousand rows. Ids are made here: gen_random_uuid() costs tens of microseconds a row inside PGlite.
 */
export async function stageCandidates(db: Db, candidates: readonly Candidate[]): Promise<void> {
  for (let start = 0; start < candidates.length; start += STAGE_STATEMENT_ROWS) {
    const rows = candidates.slice(start, start + STAGE_STATEMENT_ROWS);
    const col = <T>(f: (c: Candidate) => T) => rows.map(f);
    await sql`
      INSERT INTO import_stage (row, id, occurred_at, reported_at, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10,
        area_id, district_id, place_id, description, redaction_count, source_ref)
      SELECT * FROM unnest(
        ${col((c) => c.row)}::int[], ${col(() => randomUUID())}::uuid[],
        ${col((c) => c.occurredAt.toISOString())}::timestamptz[], ${col((c) => c.reportedAt?.toISOString() ?? null)}::timestamptz[],
        ${col((c) => c.categoryId)}::uuid[], ${col((c) => c.lon)}::float8[], ${col((c) => c.lat)}::float8[], ${col((c) => c.precision)}::text[],
        ${col((c) => c.h3?.r7 ?? null)}::text[], ${col((c) => c.h3?.r8 ?? null)}::text[], ${col((c) => c.h3?.r9 ?? null)}::text[], ${col((c) => c.h3?.r10 ?? null)}::text[],
        ${col((c) => c.areaId)}::uuid[], ${col((c) => c.districtId)}::uuid[], ${col((c) => c.placeId)}::uuid[],
        ${col((c) => c.description)}::text[], ${col((c) => c.redactionCount)}::int[], ${col((c) => c.sourceRef)}::text[]
      )`.execute(db);
  }
}

/**
 * Once every row is staged, before the repeats are sorted out: indexes on the stage's join keys and fresh
 * statistics for the stage and incidents. A temporary table is never analysed by autovacuum, and PGlite
 * never runs it at all; without statistics the planner took the stage or incidents for a few rows and joined
 * them by a nested loop of sequential scans, quadratic in the rows (20k re-imported rows: 91 s instead of
 * 3 s). With the indexes even a plan chosen blind probes an index per row. ANALYZE of incidents samples a
 * fixed number of rows, so it costs the same for any table size (as a role that does not own incidents it
 * only warns and skips).
 */
export async function prepareStage(db: Db): Promise<void> {
  await sql`CREATE INDEX ON import_stage (source_ref)`.execute(db);
  await sql`CREATE INDEX ON import_stage (existing_id)`.execute(db);
  // Only the join keys: all 22 columns took five times as long (3.4 s for 50,000 rows on PGlite), holding its session.
  await sql`ANALYZE import_stage (source_ref, existing_id)`.execute(db);
  await analyzeIncidents(db);
}

/** Later rows repeating an earlier row's source id: the first occurrence in the file wins. */
export async function markRefRepeats(db: Db): Promise<void> {
  await sql`
    UPDATE import_stage s SET skip = 'source_ref_in_file', dup_of = f.first_row
    FROM (SELECT source_ref, min(row) AS first_row FROM import_stage GROUP BY source_ref HAVING count(*) > 1) f
    WHERE s.source_ref = f.source_ref AND s.row > f.first_row`.execute(db);
}

/**
 * Rows whose source id is already stored: they update that incident when one of its source fields
 * differs, and otherwise change nothing (so importing a file twice is idempotent).
 */
export async function markExisting(db: Db, organisationId: string, source: 'import' | 'police'): Promise<void> {
  await markExistingStatement(organisationId, source).execute(db);
}

export function markExistingStatement(organisationId: string, source: 'import' | 'police') {
  return sql`
    UPDATE import_stage s SET existing_id = i.id,
      changed = i.occurred_at <> s.occurred_at OR (s.reported_at IS NOT NULL AND i.reported_at <> s.reported_at)
        OR i.category_id <> s.category_id OR abs(i.lon - s.lon) > 1e-9 OR abs(i.lat - s.lat) > 1e-9 OR i.precision <> s.precision
        OR i.place_id IS DISTINCT FROM s.place_id OR i.description IS DISTINCT FROM s.description
    FROM incidents i
    WHERE s.skip IS NULL AND i.organisation_id = ${organisationId} AND i.source = ${source} AND i.source_ref = s.source_ref`;
}

/** Metres per degree of latitude; a degree of longitude is this times cos(latitude). */
const M_PER_DEG = 111_320;

/** New point rows, the only ones near-duplicate detection looks at. */
const newPoint = (a: string) =>
  sql.raw(`${a}.skip IS NULL AND ${a}.existing_id IS NULL AND ${a}.precision IN ('exact', 'place')`);

const near = (a: string, b: string, metres: number) =>
  sql.raw(`
  ${a}.lat BETWEEN ${b}.lat - ${metres / M_PER_DEG} AND ${b}.lat + ${metres / M_PER_DEG}
  AND ((${a}.lon - ${b}.lon) * cos(radians(${b}.lat)) * ${M_PER_DEG}) ^ 2 + ((${a}.lat - ${b}.lat) * ${M_PER_DEG}) ^ 2 <= ${metres * metres}`);

/**
 * New point rows close to a stored incident of the same category (≤ `metres`, ≤ `minutes`). Each row is
 * one narrow range probe on the (organisation, category, occurred_at) index; LATERAL … LIMIT 1 keeps the
 * plan a nested loop whatever the (on PGlite never collected) statistics say. Rows outside the time span
 * of the stored incidents are not probed at all.
 */
export async function markNearStored(db: Db, organisationId: string, metres: number, minutes: number): Promise<void> {
  await sql`
    UPDATE import_stage s SET skip = 'near_in_database'
    FROM (
      SELECT c.row FROM import_stage c
      CROSS JOIN LATERAL (
        SELECT 1 FROM incidents i
        WHERE i.organisation_id = ${organisationId} AND i.category_id = c.category_id
          AND i.occurred_at BETWEEN c.occurred_at - make_interval(mins => ${minutes}) AND c.occurred_at + make_interval(mins => ${minutes})
          AND i.precision IN ('exact', 'place') AND ${near('i', 'c', metres)}
        LIMIT 1
      ) n
      WHERE ${newPoint('c')}
        AND c.occurred_at BETWEEN (SELECT min(occurred_at) FROM incidents WHERE organisation_id = ${organisationId}) - make_interval(mins => ${minutes})
                              AND (SELECT max(occurred_at) FROM incidents WHERE organisation_id = ${organisationId}) + make_interval(mins => ${minutes})
    ) hit
    WHERE s.row = hit.row`.execute(db);
}

/**
 * Pairs of new point rows of the file close to each other (same category, ≤ `metres`, ≤ `minutes`), the
 * later row first. One sort and one window pass: each row collects the rows of its category within the
 * time window, and only those few are measured. (An index probe per row was measured 1.5× slower.)
 */
export async function nearPairsInFile(
  db: Db,
  metres: number,
  minutes: number,
): Promise<Array<{ later: number; earlier: number }>> {
  const result = await sql<{ later: number; earlier: number }>`
    SELECT b.row AS later, e.row AS earlier FROM (
      SELECT s.row, s.lon, s.lat, array_agg(s.row) OVER w AS rows, array_agg(s.lon) OVER w AS lons, array_agg(s.lat) OVER w AS lats
      FROM import_stage s WHERE ${newPoint('s')}
      WINDOW w AS (PARTITION BY s.category_id ORDER BY s.occurred_at
        RANGE BETWEEN ${sql.lit(`${minutes} minutes`)}::interval PRECEDING AND ${sql.lit(`${minutes} minutes`)}::interval FOLLOWING)
    ) b
    CROSS JOIN LATERAL unnest(b.rows, b.lons, b.lats) AS e(row, lon, lat)
    WHERE cardinality(b.rows) > 1 AND e.row < b.row AND ${near('e', 'b', metres)}
    ORDER BY 1, 2`.execute(db);
  return result.rows;
}

export async function markNearInFile(db: Db, repeats: ReadonlyArray<{ row: number; of: number }>): Promise<void> {
  if (repeats.length === 0) return;
  await sql`
    UPDATE import_stage s SET skip = 'near_in_file', dup_of = u.of
    FROM unnest(${repeats.map((r) => r.row)}::int[], ${repeats.map((r) => r.of)}::int[]) AS u(row, of)
    WHERE s.row = u.row`.execute(db);
}

export interface StageCounts {
  fresh: number;
  changed: number;
  unchanged: number;
  skipped: Record<string, number>;
}

export async function countStage(db: Db): Promise<StageCounts> {
  const { rows } = await sql<{ skip: string | null; existing: boolean; changed: boolean | null; n: number }>`
    SELECT skip, existing_id IS NOT NULL AS existing, changed, count(*)::int AS n FROM import_stage GROUP BY 1, 2, 3`.execute(
    db,
  );
  const counts: StageCounts = { fresh: 0, changed: 0, unchanged: 0, skipped: {} };
  for (const r of rows) {
    if (r.skip) counts.skipped[r.skip] = (counts.skipped[r.skip] ?? 0) + r.n;
    else if (!r.existing) counts.fresh += r.n;
    else if (r.changed) counts.changed += r.n;
    else counts.unchanged += r.n;
  }
  return counts;
}

/** The first skipped rows of each kind, for the report's examples. */
export async function stageExamples(db: Db, limit: number) {
  const result = await sql<{ row: number; skip: string; dup_of: number | null }>`
    SELECT row, skip, dup_of FROM import_stage WHERE skip IS NOT NULL ORDER BY row LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** What every row of one run shares. */
export interface RowDefaults {
  organisationId: string;
  source: 'import' | 'police';
  reportingUnitId: string | null;
  runId: string;
  /** Police notices are stored closed as partner information. */
  closed: { note: string } | null;
  /** An import's rows are history, not work waiting: they are never routed to an inbox (`Routing`, incidents/incident-writer.ts). */
  routing: Extract<Routing, 'none'>;
}

/** Every incident stored, of all organisations: what a bulk load is measured against. */
export async function countIncidentRows(db: Db): Promise<number> {
  const stored = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(stored.n);
}

/** Writes the new rows into incidents, in file order, with one statement. */
export async function insertStaged(db: Db, d: RowDefaults): Promise<void> {
  await sql`
    INSERT INTO incidents (id, organisation_id, occurred_at, reported_at, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10,
      area_id, district_id, place_id, description, redaction_count, source, source_ref, reporting_unit_id, status, closure_reason, status_note, import_run_id)
    SELECT s.id, ${d.organisationId}::uuid, s.occurred_at, COALESCE(s.reported_at, now()), s.category_id, s.lon, s.lat, s.precision,
      s.h3_r7, s.h3_r8, s.h3_r9, s.h3_r10, s.area_id, s.district_id, s.place_id, s.description, s.redaction_count, ${d.source}, s.source_ref,
      ${d.reportingUnitId}::uuid, ${d.closed ? 'closed' : 'new'}, ${d.closed ? 'not_ours' : null}, ${d.closed?.note ?? null}, ${d.runId}::uuid
    FROM import_stage s WHERE s.skip IS NULL AND s.existing_id IS NULL
    ORDER BY s.row`.execute(db);
}

/**
 * Writes the changed source fields of existing incidents; status and case handling are never touched. The
 * version goes up, so an edit form opened before the import is answered 409.
 */
export async function updateStaged(db: Db, runId: string): Promise<void> {
  await updateStagedStatement(runId).execute(db);
}

export function updateStagedStatement(runId: string) {
  return sql`
    UPDATE incidents i SET occurred_at = s.occurred_at, reported_at = COALESCE(s.reported_at, i.reported_at), category_id = s.category_id,
      lon = s.lon, lat = s.lat, precision = s.precision, h3_r7 = s.h3_r7, h3_r8 = s.h3_r8, h3_r9 = s.h3_r9, h3_r10 = s.h3_r10,
      area_id = s.area_id, district_id = s.district_id, place_id = s.place_id, description = s.description,
      redaction_count = s.redaction_count, import_run_id = ${runId}::uuid, updated_at = now(), version = i.version + 1
    FROM import_stage s
    WHERE s.skip IS NULL AND s.existing_id = i.id AND s.changed`;
}
