import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AreaPopulationsTable,
  AreasTable,
  IncidentCategoriesTable,
  OrganisationsTable,
  PlaceResponsibilitiesTable,
  PlaceZonesTable,
  PlacesTable,
  UnitsTable,
} from './schema/org.js';
import type {
  AuditEventsTable,
  IncidentPhotosTable,
  IncidentPublicUpdatesTable,
  IncidentsTable,
  Open311ApiKeysTable,
  ReporterContactsTable,
} from './schema/incidents.js';
import type {
  ApiTokensTable,
  MembershipsTable,
  OidcLoginsTable,
  SessionsTable,
  SignInThrottleTable,
  UsersTable,
} from './schema/auth.js';
import type { ImportCategoryMappingsTable, ImportProfilesTable, ImportRunsTable } from './schema/imports.js';
import type {
  AnnotationsTable,
  AreaRatingsTable,
  DataVersionsTable,
  IncidentWeekVersionsTable,
  IncidentWeeklyCountsTable,
  MeetingActionsTable,
  MeetingParticipantsTable,
  MeetingAttendeesTable,
  MeetingsTable,
  RatingThresholdsTable,
  SituationReportsTable,
} from './schema/situation.js';
import type { RecordsReleaseDraftsTable, RecordsReleasesTable } from './schema/records.js';
import type {
  AgreementReviewItemsTable,
  AgreementReviewsTable,
  ContributionRequestsTable,
  IncidentAssignmentsTable,
  LocalAgreementsTable,
  MeasureComponentsTable,
  MeasureFollowupsTable,
  MeasuresTable,
  OutboxMessagesTable,
  ProblemEvidenceTable,
  ProblemsTable,
  ResponsibilityRulesTable,
  ServiceLevelsTable,
} from './schema/programme.js';
import type { ProgrammeSectionsTable, ProgrammeVersionsTable, ProgrammesTable } from './schema/programmes.js';
import type {
  ConsultationResponsesTable,
  ConsultationRoundsTable,
  ConsultationStatementsTable,
} from './schema/consultations.js';
import type { LawDocumentSectionsTable, LawDocumentVersionsTable } from './schema/law-documents.js';
import type {
  SafetyWalksTable,
  WalkChecklistItemsTable,
  WalkObservationFollowupsTable,
  WalkObservationPhotosTable,
  WalkObservationsTable,
} from './schema/walks.js';
import type {
  SurveyAreasTable,
  SurveyQuestionsTable,
  SurveyResultSharesTable,
  SurveyResultsTable,
  SurveysTable,
} from './schema/surveys.js';
import type { ReportingPeriodsTable, UnitFollowupGoalsTable, UnitFollowupsTable } from './schema/reporting.js';
import type {
  EvaluationCategoriesTable,
  EvaluationSitesTable,
  EvaluationsTable,
  PlaceMonthFiguresTable,
} from './schema/evaluations.js';

export type * from './schema/org.js';
export type * from './schema/incidents.js';
export type * from './schema/auth.js';
export type * from './schema/imports.js';
export type * from './schema/situation.js';
export type * from './schema/programme.js';
export type * from './schema/records.js';
export type * from './schema/programmes.js';
export type * from './schema/consultations.js';
export type * from './schema/law-documents.js';
export type * from './schema/reporting.js';
export type * from './schema/evaluations.js';

/** Every table, as Kysely sees it; the table types live beside this file, one module per area. */
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
  incident_photos: IncidentPhotosTable;
  incident_public_updates: IncidentPublicUpdatesTable;
  open311_api_keys: Open311ApiKeysTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  api_tokens: ApiTokensTable;
  import_profiles: ImportProfilesTable;
  import_category_mappings: ImportCategoryMappingsTable;
  import_runs: ImportRunsTable;
  data_versions: DataVersionsTable;
  incident_weekly_counts: IncidentWeeklyCountsTable;
  incident_week_versions: IncidentWeekVersionsTable;
  rating_thresholds: RatingThresholdsTable;
  area_ratings: AreaRatingsTable;
  annotations: AnnotationsTable;
  situation_reports: SituationReportsTable;
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_actions: MeetingActionsTable;
  problems: ProblemsTable;
  problem_categories: { organisation_id: string; problem_id: string; category_id: string };
  problem_places: { organisation_id: string; problem_id: string; place_id: string };
  problem_evidence: ProblemEvidenceTable;
  measures: MeasuresTable;
  measure_problems: { organisation_id: string; measure_id: string; problem_id: string };
  measure_units: { organisation_id: string; measure_id: string; unit_id: string };
  measure_places: { organisation_id: string; measure_id: string; place_id: string };
  measure_components: MeasureComponentsTable;
  measure_followups: MeasureFollowupsTable;
  contribution_requests: ContributionRequestsTable;
  responsibility_rules: ResponsibilityRulesTable;
  incident_assignments: IncidentAssignmentsTable;
  service_levels: ServiceLevelsTable;
  outbox_messages: OutboxMessagesTable;
  local_agreements: LocalAgreementsTable;
  agreement_areas: { organisation_id: string; agreement_id: string; area_id: string };
  agreement_measures: { organisation_id: string; agreement_id: string; measure_id: string };
  agreement_reviews: AgreementReviewsTable;
  agreement_review_items: AgreementReviewItemsTable;
  records_releases: RecordsReleasesTable;
  records_release_drafts: RecordsReleaseDraftsTable;
  programmes: ProgrammesTable;
  programme_versions: ProgrammeVersionsTable;
  programme_sections: ProgrammeSectionsTable;
  programme_section_indicators: { organisation_id: string; section_id: string; problem_id: string };
  consultation_rounds: ConsultationRoundsTable;
  consultation_responses: ConsultationResponsesTable;
  consultation_statements: ConsultationStatementsTable;
  law_document_versions: LawDocumentVersionsTable;
  law_document_sections: LawDocumentSectionsTable;
  survey_areas: SurveyAreasTable;
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_results: SurveyResultsTable;
  survey_result_shares: SurveyResultSharesTable;
  reporting_periods: ReportingPeriodsTable;
  unit_followups: UnitFollowupsTable;
  unit_followup_goals: UnitFollowupGoalsTable;
  evaluations: EvaluationsTable;
  evaluation_sites: EvaluationSitesTable;
  evaluation_categories: EvaluationCategoriesTable;
  place_month_figures: PlaceMonthFiguresTable;
  walk_checklist_items: WalkChecklistItemsTable;
  safety_walks: SafetyWalksTable;
  safety_walk_units: { organisation_id: string; walk_id: string; unit_id: string };
  walk_observations: WalkObservationsTable;
  walk_observation_photos: WalkObservationPhotosTable;
  walk_observation_followups: WalkObservationFollowupsTable;
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
