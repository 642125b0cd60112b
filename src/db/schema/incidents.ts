import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './columns.js';
import type { Confidentiality } from '../../domain/confidentiality.js';

export type IncidentPrecision = 'exact' | 'place' | 'area' | 'municipality';
export type IncidentSource = 'resident' | 'staff' | 'partner' | 'police' | 'import' | 'open311' | 'demo';
export type IncidentStatus = 'new' | 'in_progress' | 'closed';
export type ClosureReason = 'fixed' | 'not_ours' | 'wont_fix' | 'duplicate';

export interface IncidentsTable {
  id: Generated<string>;
  organisation_id: string;
  occurred_at: ColumnType<Date, Date | string, Date | string>;
  reported_at: ColumnType<Date, Date | string | undefined, Date | string>;
  category_id: string;
  lon: number;
  lat: number;
  precision: IncidentPrecision;
  h3_r7: string | null;
  h3_r8: string | null;
  h3_r9: string | null;
  h3_r10: string | null;
  area_id: string | null;
  district_id: string | null;
  place_id: string | null;
  zone_id: string | null;
  description: string | null;
  redaction_count: Generated<number>;
  source: IncidentSource;
  source_ref: string | null;
  reporting_unit_id: string | null;
  status: Generated<IncidentStatus>;
  closure_reason: ClosureReason | null;
  status_note: string | null;
  /** Set when closed as 'not_ours': the unit the report was passed on to. */
  forwarded_to_unit_id: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  receipt_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** The import run that last wrote this row (null for rows not from an import). */
  import_run_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Raised by one on every change; the ETag of the record. */
  version: Generated<number>;
}

/** A report's photo: re-encoded JPEG without metadata, at most PHOTO_MAX_EDGE px, and its thumbnail. */
export interface IncidentPhotosTable {
  id: Generated<string>;
  organisation_id: string;
  incident_id: string;
  content_type: 'image/jpeg';
  width: number;
  height: number;
  image: Uint8Array;
  thumbnail: Uint8Array;
  created_at: CreatedAt;
}

/** A reply to the reporter written by staff, redacted on write; shown on the follow page and e-mailed. */
export interface IncidentPublicUpdatesTable {
  id: Generated<string>;
  organisation_id: string;
  incident_id: string;
  body: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  /** bigint identity; both engines hand int8 over as a JS number (see connect.ts). */
  id: Generated<number>;
  /** Events written before 2026-12-10T0300 may have none; every new one names its organisation. */
  organisation_id: ColumnType<string | null, string, never>;
  occurred_at: CreatedAt;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  remote_address: string | null;
}

export interface ReporterContactsTable {
  id: Generated<string>;
  organisation_id: string;
  incident_id: string;
  email: string;
  created_at: CreatedAt;
  /** Status mail goes only to a confirmed address; until then the contact holds the hash of its link's token. */
  confirmed_at: Date | null;
  confirm_token_hash: string | null;
}

/** Keys of trusted Open311 clients: only the SHA-256 of the key is kept. */
export interface Open311ApiKeysTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  key_hash: string;
  created_by: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
