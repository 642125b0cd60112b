import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString, Json, UpdatedAt } from './columns.js';
import type { Confidentiality } from '../../domain/confidentiality.js';

/** A counter per organisation and kind ('incidents' bumped by trigger, 'situation' by the situation service). */
export interface DataVersionsTable {
  organisation_id: string;
  kind: string;
  version: Generated<number>;
}

/** Incidents per stadsdel row, local ISO week (its Monday), category, source and precision; kept by triggers on incidents. */
export interface IncidentWeeklyCountsTable {
  organisation_id: string;
  week: DateString;
  area_id: string | null;
  category_id: string;
  source: string;
  precision: string;
  count: number;
}

/** A new version (from a sequence) whenever an incident of the organisation's week is written; keys per-week caches. */
export interface IncidentWeekVersionsTable {
  organisation_id: string;
  week: DateString;
  version: number;
}

export interface RatingThresholdsTable {
  organisation_id: string;
  district_code: string;
  viss_oro_from: number;
  oroligt_from: number;
  allvarligt_from: number;
  violence_weight: number;
  rise_raises_level: boolean;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface AreaRatingsTable {
  organisation_id: string;
  neighbourhood_code: string;
  week: string;
  level: number;
  proposed_level: number;
  comment: string | null;
  confirmed_by: string;
  confirmed_at: UpdatedAt;
}

export type AnnotationKind = 'new_app' | 'campaign' | 'new_reporting_unit' | 'system_change' | 'other';

export interface AnnotationsTable {
  id: Generated<string>;
  organisation_id: string;
  area_id: string | null;
  date: DateString;
  kind: AnnotationKind;
  text: string;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Raised by one on every change; the ETag of the record. */
  version: Generated<number>;
}

export interface SituationReportsTable {
  id: Generated<string>;
  organisation_id: string;
  area_id: string | null;
  week: string;
  snapshot: Json<Record<string, unknown>>;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
  frozen_by: string;
  frozen_at: CreatedAt;
}

export interface MeetingsTable {
  id: Generated<string>;
  organisation_id: string;
  report_id: string;
  held_at: ColumnType<Date, Date | string, Date | string>;
  notes: string | null;
  notes_redactions: Generated<number>;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Raised by one on every change; the ETag of the record. */
  version: Generated<number>;
}

export interface MeetingParticipantsTable {
  organisation_id: string;
  meeting_id: string;
  unit_id: string;
}

/** A named person at a meeting, in the order given, with the unit they came from when they said. */
export interface MeetingAttendeesTable {
  organisation_id: string;
  meeting_id: string;
  position: number;
  name: string;
  unit_id: string | null;
}

export type MeetingActionStatus = 'open' | 'done' | 'cancelled';

export interface MeetingActionsTable {
  id: Generated<string>;
  organisation_id: string;
  meeting_id: string;
  unit_id: string;
  title: string;
  due_date: DateString;
  status: Generated<MeetingActionStatus>;
  status_note: string | null;
  closed_at: Date | null;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Raised by one on every change; the ETag of the record. */
  version: Generated<number>;
}
