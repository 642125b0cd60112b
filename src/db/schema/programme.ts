import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString, Json, UpdatedAt } from './columns.js';
import type { Confidentiality } from '../../domain/confidentiality.js';

export type ProblemStage = 'scanning' | 'analysis' | 'response' | 'assessment';
export type MeasureType = 'situational' | 'staffing' | 'social' | 'information' | 'surveillance';
export type MeasureStatus = 'planned' | 'ongoing' | 'done' | 'stopped';

export interface ProblemsTable {
  id: Generated<string>;
  organisation_id: string;
  owner_unit_id: string;
  area_id: string | null;
  title: string;
  statement: string;
  stage: Generated<ProblemStage>;
  time_pattern: string | null;
  affected: Json<{ groups: string[] }>;
  baseline_from: DateString | null;
  baseline_to: DateString | null;
  baseline_value: number | null;
  target_value: number | null;
  /** Which way the indicator should move: 'lower' (fewer incidents, the usual aim) or 'higher'. */
  indicator_direction: Generated<'lower' | 'higher'>;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Raised by one on every change; the ETag of the record. */
  version: Generated<number>;
}

export interface ProblemEvidenceTable {
  organisation_id: string;
  id: Generated<string>;
  problem_id: string;
  kind: string;
  ref: string | null;
  filter: Json<Record<string, unknown>> | null;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface MeasuresTable {
  id: Generated<string>;
  organisation_id: string;
  responsible_unit_id: string;
  title: string;
  description: string | null;
  type: MeasureType;
  status: Generated<MeasureStatus>;
  period_start: DateString | null;
  period_end: DateString | null;
  cost_estimate_sek: number | null;
  target_groups: Json<{ groups: string[] }>;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Raised by one on every change; the ETag of the record. */
  version: Generated<number>;
}

export interface MeasureComponentsTable {
  organisation_id: string;
  id: Generated<string>;
  measure_id: string;
  position: number;
  title: string;
  type: MeasureType;
  status: Generated<MeasureStatus>;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
}

export type FollowupAssessment = 'improved' | 'unchanged' | 'worse' | 'unclear';

export interface MeasureFollowupsTable {
  organisation_id: string;
  id: Generated<string>;
  measure_id: string;
  due_date: DateString;
  recorded_at: Date | null;
  recorded_by: string | null;
  what_was_done: string | null;
  assessment: FollowupAssessment | null;
  indicator_problem_id: string | null;
  indicator_from: DateString | null;
  indicator_to: DateString | null;
  indicator_value: number | null;
  baseline_value: number | null;
}

export type RequestStatus = 'requested' | 'accepted' | 'declined' | 'delivered';

export interface ContributionRequestsTable {
  id: Generated<string>;
  organisation_id: string;
  from_unit_id: string;
  to_unit_id: string;
  problem_id: string;
  /** The place the request is about, e.g. a library whose premises the district asks to use. */
  place_id: string | null;
  what: string;
  due_date: DateString;
  status: Generated<RequestStatus>;
  answer: string | null;
  answered_at: Date | null;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Raised by one on every change; the ETag of the record. */
  version: Generated<number>;
}

export type ResponsibilityTarget = 'unit' | 'district' | 'place_owner';

export interface ResponsibilityRulesTable {
  id: Generated<string>;
  organisation_id: string;
  place_type: string;
  category_id: string | null;
  target: ResponsibilityTarget;
  unit_id: string | null;
  note: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface IncidentAssignmentsTable {
  incident_id: string;
  organisation_id: string;
  unit_id: string;
  rule_id: string | null;
  overridden_by: string | null;
  assigned_at: UpdatedAt;
}

export interface ServiceLevelsTable {
  organisation_id: string;
  category_id: string;
  hours: number;
  rule: string;
}

export interface OutboxMessagesTable {
  id: Generated<string>;
  organisation_id: string;
  recipient: string;
  kind: 'status_change' | 'weekly_digest' | 'contact_confirmation' | 'public_update' | 'receipt';
  subject: string;
  body: string;
  incident_id: string | null;
  /** Weekly digests only: the partner unit and ISO week it covers (one digest per unit, week and recipient). */
  unit_id: ColumnType<string | null, string | null | undefined, never>;
  week: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  sent_at: Date | null;
  /** Delivery bookkeeping of the mailer: tries so far, when it may try again (also its lease), why it last failed. */
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  last_error: string | null;
  /** Set when the mailer gave up; such a message is never tried again. */
  failed_at: Date | null;
}

export interface LocalAgreementsTable {
  id: Generated<string>;
  organisation_id: string;
  district_unit_id: string;
  partner_unit_id: string;
  kind: 'collaboration_agreement' | 'citizen_promise';
  title: string;
  summary: string | null;
  /** The only free text the public progress page shows: set, word for word, by a coordinator. */
  approved_public_text: string | null;
  approved_public_by: string | null;
  period_start: DateString;
  period_end: DateString;
  last_review: DateString | null;
  /** Who may browse it (src/domain/confidentiality.ts); the database default is the record type's. */
  confidentiality: Generated<Confidentiality>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Raised by one on every change; the ETag of the record. */
  version: Generated<number>;
}

/** A six-monthly review of a local agreement. */
export interface AgreementReviewsTable {
  organisation_id: string;
  id: Generated<string>;
  agreement_id: string;
  reviewed_on: DateString;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

/** A review's assessment of one activity (measure) or one indicator (problem), the indicator counted on the day. */
export interface AgreementReviewItemsTable {
  organisation_id: string;
  id: Generated<string>;
  review_id: string;
  measure_id: string | null;
  problem_id: string | null;
  assessment: 'as_planned' | 'partly' | 'not_done' | 'improved' | 'unchanged' | 'worse' | 'unclear';
  comment: string | null;
  indicator_from: DateString | null;
  indicator_to: DateString | null;
  indicator_value: number | null;
  baseline_value: number | null;
}
