import type { Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.js';

/** One release of records for a records request (begäran om allmän handling); append-only (trigger). */
export interface RecordsReleasesTable {
  id: Generated<string>;
  organisation_id: string;
  request_ref: string;
  recipient: string;
  record_type: string;
  record_ids: Json<{ ids: string[] }>;
  /** Per released record, the fields that were masked (restricted tier). */
  masked: Json<{ records: Array<{ id: string; fields: string[] }> }>;
  format: 'json' | 'xlsx' | 'pdf';
  released_by: string;
  released_at: CreatedAt;
}
