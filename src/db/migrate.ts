import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import * as foundation from './migrations/2026-11-25T1900-foundation.js';
import * as reporterContacts from './migrations/2026-11-25T2000-reporter-contacts.js';
import * as imports from './migrations/2026-11-25T2100-imports.js';
import * as auth from './migrations/2026-11-25T2200-auth.js';
import * as publicReports from './migrations/2026-11-25T2300-public-reports.js';
import * as situation from './migrations/2026-11-25T2400-situation.js';
import * as programme from './migrations/2026-11-25T2500-programme.js';
import * as oidc from './migrations/2026-11-25T2600-oidc.js';
import * as programmeFollowup from './migrations/2026-11-25T2700-programme-followup.js';
import * as incidentWeeklyCounts from './migrations/2026-11-25T2800-incident-weekly-counts.js';
import * as confidentiality from './migrations/2026-11-25T2900-confidentiality.js';
import * as outboxDelivery from './migrations/2026-11-25T3300-outbox-delivery.js';
import * as agreementReviews from './migrations/2026-11-25T3400-agreement-reviews.js';
import * as recordsReleasesAppendOnly from './migrations/2026-11-26T3500-records-releases-append-only.js';
import * as weeklyCountsOnePass from './migrations/2026-11-26T3600-weekly-counts-one-pass.js';
import * as dropIncidentsDataVersion from './migrations/2026-11-26T3700-drop-incidents-data-version.js';
import * as open311Abuse from './migrations/2026-12-06T1000-open311-abuse.js';
import * as restrictedIncidentsIndex from './migrations/2026-12-06T2000-restricted-incidents-index.js';
import * as rowVersions from './migrations/2026-12-06T3000-row-versions.js';
import * as signInThrottle from './migrations/2026-12-06T4000-sign-in-throttle.js';
import * as auditWithoutFreeText from './migrations/2026-12-06T5000-audit-without-free-text.js';
import * as releaseReview from './migrations/2026-12-06T6000-release-review.js';
import * as indicatorDirection from './migrations/2026-12-06T6100-indicator-direction.js';
import * as organisationTimeZone from './migrations/2026-12-06T7100-organisation-time-zone.js';
import * as programmeDataVersion from './migrations/2026-12-07T1200-programme-data-version.js';
import * as residentLoop from './migrations/2026-12-07T1300-resident-loop.js';
import * as meetingAttendees from './migrations/2026-12-07T1500-meeting-attendees.js';
import * as placesAsAResource from './migrations/2026-12-07T1600-places-as-a-resource.js';
import * as programmeDocuments from './migrations/2026-12-07T2000-programme-documents.js';
import * as consultationRounds from './migrations/2026-12-07T2100-consultation-rounds.js';
import * as lawDocuments from './migrations/2026-12-07T2200-law-documents.js';
import * as programmeSectionVersions from './migrations/2026-12-07T2300-programme-section-versions.js';
import * as safetySurveys from './migrations/2026-12-07T2350-safety-surveys.js';
import * as lawDocumentFigures from './migrations/2026-12-09T0500-law-document-figures.js';
import * as organisationEverywhere from './migrations/2026-12-10T0300-organisation-everywhere.js';
import * as reportingCycle from './migrations/2026-12-08T0000-reporting-cycle.js';
import * as followupVersions from './migrations/2026-12-09T0400-followup-versions.js';
import * as evaluations from './migrations/2026-12-09T0100-evaluations.js';
import * as safetyWalks from './migrations/2026-12-09T0200-safety-walks.js';
import * as walkFollowups from './migrations/2026-12-10T0100-walk-followups.js';

/** Migrations in the order they run; names are timestamps and never change once landed. */
const migrations: Record<string, Migration> = {
  '2026-11-25T1900-foundation': foundation,
  '2026-11-25T2000-reporter-contacts': reporterContacts,
  '2026-11-25T2100-imports': imports,
  '2026-11-25T2200-auth': auth,
  '2026-11-25T2300-public-reports': publicReports,
  '2026-11-25T2400-situation': situation,
  '2026-11-25T2500-programme': programme,
  '2026-11-25T2600-oidc': oidc,
  '2026-11-25T2700-programme-followup': programmeFollowup,
  '2026-11-25T2800-incident-weekly-counts': incidentWeeklyCounts,
  '2026-11-25T2900-confidentiality': confidentiality,
  '2026-11-25T3300-outbox-delivery': outboxDelivery,
  '2026-11-25T3400-agreement-reviews': agreementReviews,
  '2026-11-26T3500-records-releases-append-only': recordsReleasesAppendOnly,
  '2026-11-26T3600-weekly-counts-one-pass': weeklyCountsOnePass,
  '2026-11-26T3700-drop-incidents-data-version': dropIncidentsDataVersion,
  '2026-12-06T1000-open311-abuse': open311Abuse,
  '2026-12-06T2000-restricted-incidents-index': restrictedIncidentsIndex,
  '2026-12-06T3000-row-versions': rowVersions,
  '2026-12-06T4000-sign-in-throttle': signInThrottle,
  '2026-12-06T5000-audit-without-free-text': auditWithoutFreeText,
  '2026-12-06T6000-release-review': releaseReview,
  '2026-12-06T6100-indicator-direction': indicatorDirection,
  '2026-12-06T7100-organisation-time-zone': organisationTimeZone,
  '2026-12-07T1200-programme-data-version': programmeDataVersion,
  '2026-12-07T1300-resident-loop': residentLoop,
  '2026-12-07T1500-meeting-attendees': meetingAttendees,
  '2026-12-07T1600-places-as-a-resource': placesAsAResource,
  '2026-12-07T2000-programme-documents': programmeDocuments,
  '2026-12-07T2100-consultation-rounds': consultationRounds,
  '2026-12-07T2200-law-documents': lawDocuments,
  '2026-12-07T2300-programme-section-versions': programmeSectionVersions,
  '2026-12-07T2350-safety-surveys': safetySurveys,
  '2026-12-08T0000-reporting-cycle': reportingCycle,
  '2026-12-09T0100-evaluations': evaluations,
  '2026-12-09T0200-safety-walks': safetyWalks,
  '2026-12-09T0400-followup-versions': followupVersions,
  '2026-12-09T0500-law-document-figures': lawDocumentFigures,
  '2026-12-10T0100-walk-followups': walkFollowups,
  '2026-12-10T0300-organisation-everywhere': organisationEverywhere,
};

/** Brings the database to the newest schema; throws with the failing migration's error. */
// biome-ignore lint/suspicious/noExplicitAny: Kysely<Database> is no Kysely<unknown>; this runs on a database of any type
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await (await migratorFor(db)).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** The migrations this code knows that the database has not run yet (none: its schema is current). */
// biome-ignore lint/suspicious/noExplicitAny: as migrateToLatest
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const known = await (await migratorFor(db)).getMigrations();
  return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

// biome-ignore lint/suspicious/noExplicitAny: as migrateToLatest
async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; name the current one
  // so another schema's migrations (a second tenant database, a test schema) are never mistaken for ours.
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: rows[0]!.schema,
  });
}
