import { sql } from 'kysely';
import type { ImportFormat, ImportRunStatus } from '../../db/schema.js';
import type { Db } from '../org/org.repo.js';
import type { Candidate } from './row-mapper.js';

export function insertRun(db: Db, values: {
  organisation_id: string; profile_id: string | null; actor: string; file_name: string; file_sha256: string; file_size: number; dry_run: boolean;
}): Promise<{ id: string }> {
  return db.insertInto('import_runs').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Progress of a running run; a finished run is never touched again (a late write must not undo the end). */
export async function updateRunProgress(db: Db, id: string, progress: { bytes_read: number; rows_read: number }): Promise<void> {
  await db.updateTable('import_runs').set({ ...progress, heartbeat_at: new Date() }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function finishRun(db: Db, id: string, values: {
  status: Exclude<ImportRunStatus, 'running'>; format: ImportFormat | null; bytes_read: number; rows_read: number; rows_ok: number;
  rows_failed: number; rows_skipped: number; rows_inserted: number; rows_updated: number; error_code: string | null; report: Record<string, unknown> | null;
}): Promise<void> {
  const now = new Date();
  await db.updateTable('import_runs').set({ ...values, finished_at: now, heartbeat_at: now }).where('id', '=', id).execute();
}

export function findRun(db: Db, organisationId: string, id: string) {
  return db.selectFrom('import_runs').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export function listRuns(db: Db, organisationId: string, limit: number) {
  return db.selectFrom('import_runs').selectAll().where('organisation_id', '=', organisationId).orderBy('started_at', 'desc').limit(limit).execute();
}

export function listCategoriesForImport(db: Db, organisationId: string) {
  return db.selectFrom('incident_categories').select(['id', 'code', 'label_sv', 'label_en', 'active']).where('organisation_id', '=', organisationId).execute();
}

export function listPlacesForImport(db: Db, organisationId: string) {
  return db.selectFrom('places').select(['id', 'name', 'address', 'lon', 'lat']).where('organisation_id', '=', organisationId).execute();
}

export function findUnitIdBySlug(db: Db, organisationId: string, slug: string) {
  return db.selectFrom('units').select('id').where('organisation_id', '=', organisationId).where('slug', '=', slug).executeTakeFirst();
}

/**
 * Incidents already stored under these source references, with the fields an import may change.
 * One unique-index probe per reference (LATERAL): `source_ref = ANY(array)` was planned as a filter over
 * every row of the source, which grows with each chunk written before it in the same transaction.
 */
export async function findExistingByRef(db: Db, organisationId: string, source: 'import' | 'police', refs: string[]) {
  if (refs.length === 0) return [];
  const result = await sql<{
    id: string; source_ref: string; import_run_id: string | null; occurred_at: Date; reported_at: Date; category_id: string;
    lon: number; lat: number; precision: string; place_id: string | null; description: string | null;
  }>`
    SELECT i.* FROM unnest(${refs}::text[]) AS r(ref)
    CROSS JOIN LATERAL (
      SELECT id, source_ref, import_run_id, occurred_at, reported_at, category_id, lon, lat, precision, place_id, description
      FROM incidents WHERE organisation_id = ${organisationId} AND source = ${source} AND source_ref = r.ref
      LIMIT 1 -- unique anyway; the LIMIT keeps the planner from turning the probes into one big hash join
    ) i`.execute(db);
  return result.rows;
}
export type ExistingIncident = Awaited<ReturnType<typeof findExistingByRef>>[number];

/** Metres per degree of latitude; a degree of longitude is this times cos(latitude). */
const M_PER_DEG = 111_320;

/**
 * For each probe, whether an incident of the same category lies within `metres` and `minutes` of it, and
 * whether that incident was written by this run (an earlier row of the same file). One query per chunk:
 * each probe becomes a narrow range scan on the (organisation, category, occurred_at) index.
 */
export async function findNearDuplicates(
  db: Db, organisationId: string, runId: string,
  probes: Array<{ idx: number; at: Date; lon: number; lat: number; categoryId: string }>, metres = 25, minutes = 10,
): Promise<Map<number, { inRun: boolean }>> {
  if (probes.length === 0) return new Map();
  // LATERAL … LIMIT 1 makes the plan a nested loop of index probes whatever the (often stale, on PGlite
  // never collected) statistics say: a hash join here once compared every probe with every incident.
  const result = await sql<{ idx: number; in_run: boolean }>`
    SELECT c.idx, n.in_run
    FROM unnest(${probes.map((p) => p.idx)}::int[], ${probes.map((p) => p.at.toISOString())}::timestamptz[],
                ${probes.map((p) => p.lon)}::float8[], ${probes.map((p) => p.lat)}::float8[], ${probes.map((p) => p.categoryId)}::uuid[])
         AS c(idx, at, lon, lat, category_id)
    CROSS JOIN LATERAL (
      SELECT (i.import_run_id IS NOT DISTINCT FROM ${runId}::uuid) AS in_run
      FROM incidents i
      WHERE i.organisation_id = ${organisationId} AND i.category_id = c.category_id
        AND i.occurred_at BETWEEN c.at - make_interval(mins => ${minutes}) AND c.at + make_interval(mins => ${minutes})
        AND i.precision IN ('exact', 'place')
        AND i.lat BETWEEN c.lat - ${metres / M_PER_DEG} AND c.lat + ${metres / M_PER_DEG}
        AND ((i.lon - c.lon) * cos(radians(c.lat)) * ${M_PER_DEG}) ^ 2 + ((i.lat - c.lat) * ${M_PER_DEG}) ^ 2 <= ${metres * metres}
      LIMIT 1
    ) n`.execute(db);
  return new Map(result.rows.map((r) => [r.idx, { inRun: r.in_run }]));
}

/** What every row of one run shares. */
export interface RowDefaults {
  organisationId: string;
  source: 'import' | 'police';
  reportingUnitId: string | null;
  runId: string;
  /** Police notices are stored closed as partner information (as the seed does). */
  closed: { note: string } | null;
}

/**
 * Inserts a chunk with one INSERT … SELECT FROM unnest(arrays): a single statement with one array
 * parameter per column, measured faster than multi-row VALUES (25 bind parameters instead of 25 × rows)
 * and close to COPY into the same indexed table on both engines (see bench/import.ts).
 */
export async function insertCandidates(db: Db, rows: readonly Candidate[], d: RowDefaults): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (c: Candidate) => T) => rows.map(f);
  await sql`
    INSERT INTO incidents (organisation_id, occurred_at, reported_at, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10,
      area_id, district_id, place_id, description, redaction_count, source, source_ref, reporting_unit_id, status, closure_reason, status_note, import_run_id)
    SELECT ${d.organisationId}::uuid, u.occurred_at, COALESCE(u.reported_at, now()), u.category_id, u.lon, u.lat, u.precision, u.h3_r7, u.h3_r8, u.h3_r9, u.h3_r10,
      u.area_id, u.district_id, u.place_id, u.description, u.redaction_count, ${d.source}, u.source_ref, ${d.reportingUnitId}::uuid,
      ${d.closed ? 'closed' : 'new'}, ${d.closed ? 'not_ours' : null}, ${d.closed?.note ?? null}, ${d.runId}::uuid
    FROM unnest(
      ${col((c) => c.occurredAt.toISOString())}::timestamptz[], ${col((c) => c.reportedAt?.toISOString() ?? null)}::timestamptz[],
      ${col((c) => c.categoryId)}::uuid[], ${col((c) => c.lon)}::float8[], ${col((c) => c.lat)}::float8[], ${col((c) => c.precision)}::text[],
      ${col((c) => c.h3?.r7 ?? null)}::text[], ${col((c) => c.h3?.r8 ?? null)}::text[], ${col((c) => c.h3?.r9 ?? null)}::text[], ${col((c) => c.h3?.r10 ?? null)}::text[],
      ${col((c) => c.areaId)}::uuid[], ${col((c) => c.districtId)}::uuid[], ${col((c) => c.placeId)}::uuid[],
      ${col((c) => c.description)}::text[], ${col((c) => c.redactionCount)}::int[], ${col((c) => c.sourceRef)}::text[]
    ) AS u(occurred_at, reported_at, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10, area_id, district_id, place_id, description, redaction_count, source_ref)
  `.execute(db);
}

/** Writes the changed source fields of existing incidents; status and case handling are never touched. */
export async function updateCandidates(db: Db, rows: ReadonlyArray<{ id: string; candidate: Candidate }>, runId: string): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (c: Candidate) => T) => rows.map((r) => f(r.candidate));
  await sql`
    UPDATE incidents i SET occurred_at = u.occurred_at, reported_at = COALESCE(u.reported_at, i.reported_at), category_id = u.category_id,
      lon = u.lon, lat = u.lat, precision = u.precision, h3_r7 = u.h3_r7, h3_r8 = u.h3_r8, h3_r9 = u.h3_r9, h3_r10 = u.h3_r10,
      area_id = u.area_id, district_id = u.district_id, place_id = u.place_id, description = u.description,
      redaction_count = u.redaction_count, import_run_id = ${runId}::uuid, updated_at = now()
    FROM unnest(
      ${rows.map((r) => r.id)}::uuid[], ${col((c) => c.occurredAt.toISOString())}::timestamptz[], ${col((c) => c.reportedAt?.toISOString() ?? null)}::timestamptz[],
      ${col((c) => c.categoryId)}::uuid[], ${col((c) => c.lon)}::float8[], ${col((c) => c.lat)}::float8[], ${col((c) => c.precision)}::text[],
      ${col((c) => c.h3?.r7 ?? null)}::text[], ${col((c) => c.h3?.r8 ?? null)}::text[], ${col((c) => c.h3?.r9 ?? null)}::text[], ${col((c) => c.h3?.r10 ?? null)}::text[],
      ${col((c) => c.areaId)}::uuid[], ${col((c) => c.districtId)}::uuid[], ${col((c) => c.placeId)}::uuid[],
      ${col((c) => c.description)}::text[], ${col((c) => c.redactionCount)}::int[]
    ) AS u(id, occurred_at, reported_at, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10, area_id, district_id, place_id, description, redaction_count)
    WHERE i.id = u.id`.execute(db);
}
