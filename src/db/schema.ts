import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Dates (SQL `date`) travel as 'YYYY-MM-DD' strings on both engines; see connect.ts. */
type DateString = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb columns take plain objects (never top-level arrays: pg would send those as SQL arrays). */
type Json<T> = ColumnType<T, T, T>;

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  municipality_code: string | null;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: Generated<string>;
  organisation_id: string;
  slug: string;
  name: string;
  name_en: string | null;
  kind: 'district' | 'specialist' | 'company' | 'partner';
  valid_from: DateString | null;
  valid_to: DateString | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AreasTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  name: string;
  level: 'district' | 'neighbourhood' | 'focus';
  parent_id: string | null;
  owner_unit_id: string | null;
  valid_from: DateString;
  valid_to: DateString | null;
  geometry: Json<GeoJSONPolygonal>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  approximate: Generated<boolean>;
  source: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type GeoJSONPolygonal =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface AreaPopulationsTable {
  organisation_id: string;
  area_code: string;
  level: 'district' | 'neighbourhood';
  year: number;
  population: number;
  source: string | null;
}

export interface PlacesTable {
  id: Generated<string>;
  organisation_id: string;
  slug: string;
  name: string;
  type: string;
  setting: 'indoor' | 'outdoor';
  lon: number;
  lat: number;
  coordinate_approximate: Generated<boolean>;
  coordinate_note: string | null;
  address: string | null;
  neighbourhood_code: string | null;
  owner_unit_id: string | null;
  geometry: Json<GeoJSONPolygonal> | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlaceResponsibilitiesTable {
  place_id: string;
  unit_id: string;
  responsibility: string;
}

export interface PlaceZonesTable {
  id: Generated<string>;
  place_id: string;
  code: string;
  name: string;
  name_en: string | null;
}

export interface IncidentCategoriesTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  label_sv: string;
  label_en: string;
  group_code: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

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
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AuditEventsTable {
  /** bigint identity; both engines hand int8 over as a JS number (see connect.ts). */
  id: Generated<number>;
  organisation_id: string | null;
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
}

export type Role = 'admin' | 'coordinator' | 'unit_editor' | 'partner_viewer' | 'analyst';

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MembershipsTable {
  user_id: string;
  unit_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
  remote_address: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: Json<{ scopes: string[] }>;
  expires_at: Date;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

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

export interface Database {
  oidc_logins: OidcLoginsTable;
  organisations: OrganisationsTable;
  units: UnitsTable;
  areas: AreasTable;
  area_populations: AreaPopulationsTable;
  places: PlacesTable;
  place_responsibilities: PlaceResponsibilitiesTable;
  place_zones: PlaceZonesTable;
  incident_categories: IncidentCategoriesTable;
  incidents: IncidentsTable;
  audit_events: AuditEventsTable;
  reporter_contacts: ReporterContactsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  import_profiles: ImportProfilesTable;
  import_category_mappings: ImportCategoryMappingsTable;
  import_runs: ImportRunsTable;
  data_versions: DataVersionsTable;
  rating_thresholds: RatingThresholdsTable;
  area_ratings: AreaRatingsTable;
  annotations: AnnotationsTable;
  situation_reports: SituationReportsTable;
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_actions: MeetingActionsTable;
  problems: ProblemsTable;
  problem_categories: { problem_id: string; category_id: string };
  problem_places: { problem_id: string; place_id: string };
  problem_evidence: ProblemEvidenceTable;
  measures: MeasuresTable;
  measure_problems: { measure_id: string; problem_id: string };
  measure_units: { measure_id: string; unit_id: string };
  measure_places: { measure_id: string; place_id: string };
  measure_components: MeasureComponentsTable;
  measure_followups: MeasureFollowupsTable;
  contribution_requests: ContributionRequestsTable;
  responsibility_rules: ResponsibilityRulesTable;
  incident_assignments: IncidentAssignmentsTable;
  service_levels: ServiceLevelsTable;
  outbox_messages: OutboxMessagesTable;
  local_agreements: LocalAgreementsTable;
  agreement_areas: { agreement_id: string; area_id: string };
  agreement_measures: { agreement_id: string; measure_id: string };
}

export type Area = Selectable<AreasTable>;
export type NewArea = Insertable<AreasTable>;
export type Place = Selectable<PlacesTable>;
export type NewPlace = Insertable<PlacesTable>;
export type Unit = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncidentRow = Insertable<IncidentsTable>;
export type IncidentRowUpdate = Updateable<IncidentsTable>;
export type IncidentCategory = Selectable<IncidentCategoriesTable>;

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
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ProblemEvidenceTable {
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
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MeasureComponentsTable {
  id: Generated<string>;
  measure_id: string;
  position: number;
  title: string;
  type: MeasureType;
  status: Generated<MeasureStatus>;
}

export type FollowupAssessment = 'improved' | 'unchanged' | 'worse' | 'unclear';

export interface MeasureFollowupsTable {
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
  what: string;
  due_date: DateString;
  status: Generated<RequestStatus>;
  answer: string | null;
  answered_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
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
  kind: 'status_change' | 'weekly_digest';
  subject: string;
  body: string;
  incident_id: string | null;
  /** Weekly digests only: the partner unit and ISO week it covers (one digest per unit, week and recipient). */
  unit_id: ColumnType<string | null, string | null | undefined, never>;
  week: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
  sent_at: Date | null;
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
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OidcLoginsTable {
  state: string;
  organisation_id: string;
  code_verifier: string;
  nonce: string;
  created_at: CreatedAt;
}
