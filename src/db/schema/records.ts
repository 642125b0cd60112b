import type { Generated } from 'kysely';
import type { ReleaseReview } from '../../domain/osl-grounds.js';
import type { ReleasedRecord } from '../../domain/records.js';
import type { CreatedAt, Json, UpdatedAt } from './columns.js';

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
  /** The reviewed draft it was produced from (null before reviews existed). */
  draft_id: string | null;
  review: Json<ReleaseReview> | null;
}

/** A mark of a draft as stored; its text is read from the draft's records. */
export interface StoredMark {
  id: string;
  record_id: string;
  field: string;
  start: number;
  end: number;
  kind: string;
  origin: 'automatic' | 'suggested' | 'officer';
  decision: 'mask' | 'approve' | null;
  ground: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** A release under review (sekretessprövning); deleted when released. */
export interface RecordsReleaseDraftsTable {
  id: Generated<string>;
  organisation_id: string;
  request_ref: string;
  recipient: string;
  record_type: string;
  format: 'json' | 'xlsx' | 'pdf';
  records: Json<{ records: ReleasedRecord[] }>;
  marks: Json<{ marks: StoredMark[] }>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
