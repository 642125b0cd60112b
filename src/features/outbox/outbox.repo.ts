import type { Insertable } from 'kysely';
import type { OutboxMessagesTable } from '../../db/schema.js';
import type { Db } from '../../core/context.js';

function selectReportFacts(db: Db, organisationId: string) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .leftJoin('areas as a', 'a.id', 'i.area_id')
    .leftJoin('units as f', 'f.id', 'i.forwarded_to_unit_id')
    .select([
      'i.id',
      'i.receipt_code',
      'c.label_sv',
      'p.name as place_name',
      'a.name as area_name',
      'i.status',
      'i.closure_reason',
      'f.name as forwarded_to',
      'i.reported_at',
    ])
    .where('i.organisation_id', '=', organisationId);
}
export type ReportFactsRow = Awaited<ReturnType<ReturnType<typeof selectReportFacts>['executeTakeFirstOrThrow']>>;

/** The public facts of one incident and the confirmed e-mail of a reporter who asked for updates (undefined if none). */
export function findReportForReporter(db: Db, organisationId: string, incidentId: string) {
  return selectReportFacts(db, organisationId)
    .innerJoin('reporter_contacts as rc', 'rc.incident_id', 'i.id')
    .select('rc.email')
    .where('i.id', '=', incidentId)
    .where('rc.confirmed_at', 'is not', null)
    .executeTakeFirst();
}

/** The public facts of one incident. */
export function findReportFacts(db: Db, organisationId: string, incidentId: string) {
  return selectReportFacts(db, organisationId).where('i.id', '=', incidentId).executeTakeFirstOrThrow();
}

/** Keeps a reporter's e-mail, unconfirmed: `tokenHash` is the hash of the token of its confirmation link. */
export async function insertReporterContact(
  db: Db,
  organisationId: string,
  incidentId: string,
  email: string,
  tokenHash: string,
): Promise<void> {
  await db
    .insertInto('reporter_contacts')
    .values({ organisation_id: organisationId, incident_id: incidentId, email, confirm_token_hash: tokenHash })
    .execute();
}

/** Confirms the contact whose link token hashes to `tokenHash`; returns its id, or undefined if there is none. */
export async function confirmReporterContact(db: Db, organisationId: string, tokenHash: string, at: Date) {
  return db
    .updateTable('reporter_contacts')
    .set({ confirmed_at: at, confirm_token_hash: null })
    .where('organisation_id', '=', organisationId)
    .where('confirm_token_hash', '=', tokenHash)
    .returning(['id', 'incident_id'])
    .executeTakeFirst();
}

/** Incidents partner units reported in [start, end), with the reporting unit. */
export function listPartnerReports(db: Db, organisationId: string, start: Date, end: Date) {
  return selectReportFacts(db, organisationId)
    .innerJoin('units as u', 'u.id', 'i.reporting_unit_id')
    .select(['u.id as unit_id', 'u.name as unit_name'])
    .where('u.kind', '=', 'partner')
    .where('i.reported_at', '>=', start)
    .where('i.reported_at', '<', end)
    .orderBy('u.name')
    .orderBy('i.reported_at')
    .execute();
}

/** E-mail addresses of a unit's active accounts. */
export async function unitRecipients(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .distinct()
    .where('m.unit_id', '=', unitId)
    .where('u.disabled', '=', false)
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}

/** Whether a unit's digest for the week has been written. */
export async function digestWritten(db: Db, unitId: string, week: string): Promise<boolean> {
  return !!(await db
    .selectFrom('outbox_messages')
    .select('id')
    .where('kind', '=', 'weekly_digest')
    .where('unit_id', '=', unitId)
    .where('week', '=', week)
    .executeTakeFirst());
}

/** Adds messages; a digest already written for its unit, week and recipient is skipped (returns how many were added). */
export async function insertOutboxMessages(
  db: Db,
  rows: ReadonlyArray<Insertable<OutboxMessagesTable>>,
): Promise<number> {
  if (!rows.length) return 0;
  const result = await db
    .insertInto('outbox_messages')
    .values([...rows])
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
