import type { Database } from '../../db/schema.js';
import type { RetentionTarget } from '../../domain/gdpr.js';

/**
 * What each table holds of personal data and how long: cleared by an automatic retention rule, kept as a
 * processing activity of the record says (named by its English name), or none. References to staff
 * accounts by id (`created_by`, `actor` as a user id) are not listed: the person is in `users`.
 * `personal-data-tables.test.ts` compares this with the migrated database, so a new table needs a line here.
 */
export type TablePersonalData =
  | { columns: readonly string[]; rule: RetentionTarget }
  | { columns: readonly string[]; activity: string }
  | { columns: readonly []; none: string };

const none = (why: string): TablePersonalData => ({ columns: [], none: why });
const PLANNING = none('plans, measures and follow-up of units; free text redacted on write');
const REFERENCE = none('organisation, areas, places and categories');
const FIGURES = none('counts and figures per area and week');
const LINKS = none('links between records');

export const TABLE_PERSONAL_DATA: Record<keyof Database, TablePersonalData> = {
  incidents: { columns: ['description', 'status_note'], rule: 'incident_free_text' },
  reporter_contacts: { columns: ['email'], rule: 'reporter_contact' },
  // A photo can show faces and number plates; a reply can name people despite redaction: both go with the free text.
  incident_photos: { columns: ['image', 'thumbnail'], rule: 'incident_free_text' },
  incident_public_updates: { columns: ['body'], rule: 'incident_free_text' },
  outbox_messages: { columns: ['recipient', 'subject', 'body', 'last_error'], rule: 'outbox_message' },
  sessions: { columns: ['remote_address', 'user_agent'], rule: 'session' },
  sign_in_throttle: { columns: ['email', 'address'], rule: 'sign_in_throttle' },
  import_runs: { columns: ['file_name', 'report'], rule: 'import_report' },
  users: { columns: ['email', 'display_name', 'oidc_subject'], activity: 'User accounts and logging' },
  audit_events: { columns: ['actor', 'remote_address'], activity: 'User accounts and logging' },
  records_releases: { columns: ['recipient', 'request_ref'], activity: 'Release of official records' },
  records_release_drafts: { columns: ['recipient', 'request_ref', 'records'], rule: 'release_draft' },
  memberships: none('account id, unit and role'),
  api_tokens: none('hashed tokens of an account, expiring'),
  oidc_logins: none('state of a sign-in under way'),
  open311_api_keys: none('hashed keys of partner systems'),
  organisations: REFERENCE,
  units: { columns: ['contact_email', 'contact_phone'], activity: 'Contact routes of units' },
  areas: REFERENCE,
  area_populations: REFERENCE,
  places: REFERENCE,
  place_responsibilities: REFERENCE,
  place_zones: REFERENCE,
  incident_categories: REFERENCE,
  import_profiles: none('column and category mappings of a source'),
  import_category_mappings: none('category mappings of a source'),
  data_versions: FIGURES,
  incident_weekly_counts: FIGURES,
  incident_week_versions: FIGURES,
  rating_thresholds: FIGURES,
  area_ratings: FIGURES,
  annotations: PLANNING,
  situation_reports: PLANNING,
  meetings: PLANNING,
  meeting_participants: LINKS,
  meeting_attendees: { columns: ['name'], activity: 'Meeting protocols' },
  meeting_actions: PLANNING,
  problems: PLANNING,
  problem_categories: LINKS,
  problem_places: LINKS,
  problem_evidence: LINKS,
  measures: PLANNING,
  measure_problems: LINKS,
  measure_units: LINKS,
  measure_places: LINKS,
  measure_components: PLANNING,
  measure_followups: PLANNING,
  contribution_requests: PLANNING,
  responsibility_rules: PLANNING,
  incident_assignments: LINKS,
  service_levels: PLANNING,
  local_agreements: PLANNING,
  agreement_areas: LINKS,
  agreement_measures: LINKS,
  agreement_reviews: PLANNING,
  agreement_review_items: PLANNING,
  programmes: PLANNING,
  programme_versions: PLANNING,
  programme_sections: PLANNING,
  programme_section_indicators: LINKS,
  consultation_rounds: PLANNING,
  consultation_responses: PLANNING,
  consultation_statements: PLANNING,
  law_document_versions: PLANNING,
  law_document_sections: PLANNING,
  survey_areas: REFERENCE,
  surveys: REFERENCE,
  survey_questions: REFERENCE,
  survey_results: none('published survey aggregates per area and year'),
  survey_result_shares: none('published survey aggregates per area and year'),
  walk_checklist_items: REFERENCE,
  safety_walks: PLANNING,
  safety_walk_units: LINKS,
  // A walk's note can name people despite redaction and a photo can show faces or number plates: both are
  // kept as walk records of the reports activity (no automatic clearing yet).
  walk_observations: { columns: ['note'], activity: 'Reports about places and events' },
  walk_observation_photos: { columns: ['image', 'thumbnail'], activity: 'Reports about places and events' },
  walk_observation_followups: { columns: ['note'], activity: 'Reports about places and events' },
  reporting_periods: PLANNING,
  unit_followups: PLANNING,
  unit_followup_goals: PLANNING,
  evaluations: PLANNING,
  evaluation_sites: LINKS,
  evaluation_categories: LINKS,
  place_month_figures: FIGURES,
};
