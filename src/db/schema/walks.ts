import type { Generated } from 'kysely';
import type { FollowUpOutcome, LineString, Severity, WalkStatus } from '../../domain/walks.js';
import type { CreatedAt, DateString, Json, UpdatedAt } from './columns.js';

/** An item of the organisation's walk checklist; the category routes an observation through the matrix. */
export interface WalkChecklistItemsTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  label: string;
  label_en: string;
  setting: 'outdoor' | 'indoor';
  category_id: string | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  /** Raised by one on every change; the ETag of the item. */
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A planned, ongoing or finished safety walk in an area, organised by a unit. */
export interface SafetyWalksTable {
  id: Generated<string>;
  organisation_id: string;
  title: string;
  unit_id: string;
  area_id: string;
  route: Json<LineString> | null;
  walk_date: DateString;
  status: Generated<WalkStatus>;
  groups: Json<{ groups: string[] }>;
  created_by: string | null;
  finished_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** An observation noted on a walk; `id` is the capturing phone's. */
export interface WalkObservationsTable {
  id: string;
  organisation_id: string;
  walk_id: string;
  item_id: string;
  lon: number;
  lat: number;
  severity: Severity;
  note: string | null;
  observed_at: Generated<Date>;
  problem_id: string | null;
  incident_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** An observation's photo: JPEG without metadata, and its thumbnail. */
export interface WalkObservationPhotosTable {
  observation_id: string;
  organisation_id: string;
  content_type: 'image/jpeg';
  width: number;
  height: number;
  image: Uint8Array;
  thumbnail: Uint8Array;
  created_at: CreatedAt;
}

/** A later walk's answer to whether an earlier walk's observation is fixed. */
export interface WalkObservationFollowupsTable {
  observation_id: string;
  walk_id: string;
  organisation_id: string;
  outcome: FollowUpOutcome;
  note: string | null;
  answered_by: string | null;
  answered_at: Generated<Date>;
}
