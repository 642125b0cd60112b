import type { ImportFormat, ImportRunStatus } from '../../db/schema.js';
import type { Db } from '../../core/context.js';

export function insertRun(
  db: Db,
  values: {
    organisation_id: string;
    profile_id: string | null;
    actor: string;
    file_name: string;
    file_sha256: string;
    file_size: number;
    dry_run: boolean;
  },
): Promise<{ id: string }> {
  return db.insertInto('import_runs').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Progress of a running run; a finished run is never touched again (a late write must not undo the end). */
export async function updateRunProgress(
  db: Db,
  id: string,
  progress: { bytes_read: number; rows_read: number },
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ ...progress, heartbeat_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishRun(
  db: Db,
  id: string,
  values: {
    status: Exclude<ImportRunStatus, 'running'>;
    format: ImportFormat | null;
    bytes_read: number;
    rows_read: number;
    rows_ok: number;
    rows_failed: number;
    rows_skipped: number;
    rows_inserted: number;
    rows_updated: number;
    error_code: string | null;
    report: Record<string, unknown> | null;
  },
): Promise<void> {
  const now = new Date();
  await db
    .updateTable('import_runs')
    .set({ ...values, finished_at: now, heartbeat_at: now })
    .where('id', '=', id)
    .execute();
}

/** Marks runs still 'running' whose heartbeat stopped before `before` as failed; returns them. */
export function failStaleRuns(db: Db, before: Date, errorCode: string) {
  const now = new Date();
  return db
    .updateTable('import_runs')
    .set({ status: 'failed', error_code: errorCode, finished_at: now, heartbeat_at: now })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', before)
    .returning(['id', 'organisation_id'])
    .execute();
}

export function findRun(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('import_runs')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listRuns(db: Db, organisationId: string, limit: number) {
  return db
    .selectFrom('import_runs')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
}

export function listCategoriesForImport(db: Db, organisationId: string) {
  return db
    .selectFrom('incident_categories')
    .select(['id', 'code', 'label_sv', 'label_en', 'active'])
    .where('organisation_id', '=', organisationId)
    .execute();
}

export function listPlacesForImport(db: Db, organisationId: string) {
  return db
    .selectFrom('places')
    .select(['id', 'name', 'address', 'lon', 'lat'])
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** Districts and neighbourhoods, every layout: a file may name one that has since been merged. */
export function listAreasForImport(db: Db, organisationId: string) {
  return db
    .selectFrom('areas')
    .select(['id', 'name', 'level', 'parent_id', 'valid_from', 'valid_to', 'geometry'])
    .where('organisation_id', '=', organisationId)
    .where('level', 'in', ['district', 'neighbourhood'])
    .execute();
}

export function findUnitIdBySlug(db: Db, organisationId: string, slug: string) {
  return db
    .selectFrom('units')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}
