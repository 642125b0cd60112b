import type { Db } from '../../core/context.js';

/** The reports a reporter's e-mail address (any case) was left on, oldest first. */
export async function listReportsByReporterEmail(db: Db, organisationId: string, email: string) {
  return db
    .selectFrom('reporter_contacts as rc')
    .innerJoin('incidents as i', 'i.id', 'rc.incident_id')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .select(['i.id', 'i.receipt_code', 'rc.created_at', 'c.code', 'i.status'])
    .where('rc.organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['rc.email']), '=', email))
    .orderBy('rc.created_at')
    .execute();
}

/** The staff account with exactly this e-mail address, if any. */
export async function findUserByEmail(db: Db, organisationId: string, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['u.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .execute();
}

/** Messages in the outbox addressed to `email` (any case), sent or not, oldest first. */
export async function listMessagesTo(db: Db, organisationId: string, email: string) {
  return db
    .selectFrom('outbox_messages')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['recipient']), '=', email))
    .select(['kind', 'subject', 'incident_id', 'created_at', 'sent_at', 'failed_at'])
    .orderBy('created_at')
    .execute();
}

export async function deleteReporterContactsByEmail(db: Db, organisationId: string, email: string): Promise<number> {
  const r = await db
    .deleteFrom('reporter_contacts')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Every outbox message to `email` (any case) but the weekly digests, which go to staff accounts. */
export async function deleteMessagesTo(db: Db, organisationId: string, email: string): Promise<number> {
  const m = await db
    .deleteFrom('outbox_messages')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['recipient']), '=', email))
    .where('kind', '!=', 'weekly_digest')
    .executeTakeFirst();
  return Number(m.numDeletedRows);
}
