import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString, Json, UpdatedAt } from './columns.js';

/** A counter per organisation and kind ('incidents' bumped by trigger, 'situation' by the situation service). */
export interface DataVersionsTable {
  organisation_id: string;
  kind: string;
  version: Generated<number>;
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
}

export interface SituationReportsTable {
  id: Generated<string>;
  organisation_id: string;
  area_id: string | null;
  week: string;
  snapshot: Json<Record<string, unknown>>;
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
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MeetingParticipantsTable {
  meeting_id: string;
  unit_id: string;
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
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
