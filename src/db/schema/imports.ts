import type { Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './columns.js';

export type ImportFormat = 'csv' | 'xlsx' | 'geojson' | 'police';
export type ImportRunStatus = 'running' | 'validated' | 'committed' | 'rejected' | 'failed';

export interface ImportProfilesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  source_label: string;
  format: ImportFormat | 'auto';
  columns: Json<Record<string, string>>;
  options: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ImportCategoryMappingsTable {
  organisation_id: string;
  profile_id: string;
  source_value: string;
  category_id: string;
}

export interface ImportRunsTable {
  id: Generated<string>;
  organisation_id: string;
  profile_id: string | null;
  actor: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  format: ImportFormat | null;
  dry_run: boolean;
  status: Generated<ImportRunStatus>;
  started_at: CreatedAt;
  heartbeat_at: UpdatedAt;
  finished_at: Date | null;
  bytes_read: Generated<number>;
  rows_read: Generated<number>;
  rows_ok: Generated<number>;
  rows_failed: Generated<number>;
  rows_skipped: Generated<number>;
  rows_inserted: Generated<number>;
  rows_updated: Generated<number>;
  error_code: string | null;
  report: Json<Record<string, unknown>> | null;
}
