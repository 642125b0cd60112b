import type { Insertable } from 'kysely';
import type { OutboxMessagesTable } from '../../db/schema.js';
import type { Db } from '../org/org.repo.js';

function selectReportFacts(db: Db, organisationId: string) {
  return db.selectFrom('incidents as i')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('places as p', 'p.id', 'i.place_id')
    .leftJoin('areas as a', 'a.id', 'i.area_id')
    .leftJoin('units as f', 'f.id', 'i.forwarded_to_unit_id')
    .select(['i.id', 'i.receipt_code', 'c.label_sv', 'p.name as place_name', 'a.name as area_name', 'i.status', 'i.closure_reason', 'f.name as forwarded_to', 'i.reported_at'])
    .where('i.organisation_id', '=', organisationId);
}
export type ReportFactsRow = Awaited<ReturnType<ReturnType<typeof selectReportFacts>['executeTakeFirstOrThrow']>>;

/** The public facts of one incident and the e-mail of a reporter who asked for updates (null if none did). */
export function findReportForReporter(db: Db, organisationId: string, incidentId: string) {
  return selectReportFacts(db, organisationId)
    .innerJoin('reporter_contacts as rc', 'rc.incident_id', 'i.id')
    .select('rc.email')
    .where('i.id', '=', incidentId)
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
    .orderBy('u.name').orderBy('i.reported_at')
    .execute();
}

/** E-mail addresses of a unit's active accounts. */
export async function unitRecipients(db: Db, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email').distinct().where('m.unit_id', '=', unitId).where('u.disabled', '=', false).orderBy('u.email').execute();
  return rows.map((r) => r.email);
}

/** Whether a unit's digest for the week has been written. */
export async function digestWritten(db: Db, unitId: string, week: string): Promise<boolean> {
  return !!(await db.selectFrom('outbox_messages').select('id').where('kind', '=', 'weekly_digest').where('unit_id', '=', unitId).where('week', '=', week).executeTakeFirst());
}

/** Adds messages; a digest already written for its unit, week and recipient is skipped (returns how many were added). */
export async function insertOutboxMessages(db: Db, rows: ReadonlyArray<Insertable<OutboxMessagesTable>>): Promise<number> {
  if (!rows.length) return 0;
  const result = await db.insertInto('outbox_messages').values([...rows]).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

