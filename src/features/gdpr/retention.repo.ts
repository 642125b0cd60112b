import { sql } from 'kysely';
import type { Db } from '../../core/context.js';

/** Finished import runs before `cutoff` that still hold a report or a file name. */
const staleRuns = (db: Db, organisationId: string, cutoff: Date) =>
  db
    .selectFrom('import_runs')
    .where('organisation_id', '=', organisationId)
    .where('finished_at', '<', cutoff)
    .where((eb) => eb.or([eb('report', 'is not', null), eb('file_name', '!=', '')]));

export async function countStaleImportReports(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  return Number(
    (
      await staleRuns(db, organisationId, cutoff)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** The run stays (incidents point at it, its counts are the import's history); what it quoted goes. */
export async function clearStaleImportReports(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db
    .updateTable('import_runs')
    .set({ report: null, file_name: '' })
    .where('organisation_id', '=', organisationId)
    .where('finished_at', '<', cutoff)
    .where((eb) => eb.or([eb('report', 'is not', null), eb('file_name', '!=', '')]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Messages sent or given up before `cutoff`; waiting ones stay whatever their age, or they would never go. */
const doneMessages = (db: Db, organisationId: string, cutoff: Date) =>
  db
    .selectFrom('outbox_messages')
    .where('organisation_id', '=', organisationId)
    .where('created_at', '<', cutoff)
    .where((eb) => eb.or([eb('sent_at', 'is not', null), eb('failed_at', 'is not', null)]));

export async function countDoneOutboxMessages(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  return Number(
    (
      await doneMessages(db, organisationId, cutoff)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export async function deleteDoneOutboxMessages(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db
    .deleteFrom('outbox_messages')
    .where('organisation_id', '=', organisationId)
    .where('created_at', '<', cutoff)
    .where((eb) => eb.or([eb('sent_at', 'is not', null), eb('failed_at', 'is not', null)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Release drafts no one has changed since `cutoff`: abandoned, and holding the records' unreviewed text. */
const abandonedDrafts = (db: Db, organisationId: string, cutoff: Date) =>
  db
    .selectFrom('records_release_drafts')
    .where('organisation_id', '=', organisationId)
    .where('updated_at', '<', cutoff);

export async function countAbandonedReleaseDrafts(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  return Number(
    (
      await abandonedDrafts(db, organisationId, cutoff)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export async function deleteAbandonedReleaseDrafts(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db
    .deleteFrom('records_release_drafts')
    .where('organisation_id', '=', organisationId)
    .where('updated_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Incidents reported before `cutoff` whose free text (description, status note) is not yet cleared. */
const incidentsWithFreeText = (db: Db, organisationId: string, cutoff: Date) =>
  db
    .selectFrom('incidents')
    .where('organisation_id', '=', organisationId)
    .where('reported_at', '<', cutoff)
    .where((eb) => eb.or([eb('description', 'is not', null), eb('status_note', 'is not', null)]));

/** Ids of the incidents reported before `cutoff`. */
const incidentsBefore = (db: Db, organisationId: string, cutoff: Date) =>
  db
    .selectFrom('incidents')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('reported_at', '<', cutoff);

/** Incidents whose free text, photo or replies to the reporter are due for clearing. */
export async function countIncidentFreeText(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const count = async (table: 'incident_photos' | 'incident_public_updates') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.count('incident_id').distinct().as('n'))
          .where('incident_id', 'in', incidentsBefore(db, organisationId, cutoff))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const text = Number(
    (
      await incidentsWithFreeText(db, organisationId, cutoff)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return text + (await count('incident_photos')) + (await count('incident_public_updates'));
}

/**
 * Clears the free text and deletes the photos and replies of incidents reported before `cutoff`. The version
 * goes up like on any change, so an edit form opened before is answered 409.
 */
export async function clearIncidentFreeText(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const photos = await db
    .deleteFrom('incident_photos')
    .where('incident_id', 'in', incidentsBefore(db, organisationId, cutoff))
    .executeTakeFirst();
  const replies = await db
    .deleteFrom('incident_public_updates')
    .where('incident_id', 'in', incidentsBefore(db, organisationId, cutoff))
    .returning('incident_id')
    .execute();
  const r = await db
    .updateTable('incidents')
    .set((eb) => ({ description: null, status_note: null, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('reported_at', '<', cutoff)
    .where((eb) => eb.or([eb('description', 'is not', null), eb('status_note', 'is not', null)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) + Number(photos.numDeletedRows) + new Set(replies.map((x) => x.incident_id)).size;
}

/** Reporter contacts created before `cutoff`, confirmed ('is not' null) or not ('is' null): the two rules never overlap. */
export async function countExpiredContacts(
  db: Db,
  organisationId: string,
  cutoff: Date,
  confirmed: 'is' | 'is not',
): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('reporter_contacts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('confirmed_at', confirmed, null)
        .where('created_at', '<', cutoff)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export async function deleteExpiredContacts(
  db: Db,
  organisationId: string,
  cutoff: Date,
  confirmed: 'is' | 'is not',
): Promise<number> {
  const r = await db
    .deleteFrom('reporter_contacts')
    .where('organisation_id', '=', organisationId)
    .where('confirmed_at', confirmed, null)
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The organisation's users: a session belongs to a user, not to an organisation. */
const usersOf = (db: Db, organisationId: string) =>
  db.selectFrom('users').select('id').where('organisation_id', '=', organisationId);

export async function countExpiredSessions(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('expires_at', '<', cutoff)
        .where('user_id', 'in', usersOf(db, organisationId))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export async function deleteExpiredSessions(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where('expires_at', '<', cutoff)
    .where('user_id', 'in', usersOf(db, organisationId))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Takes the transaction-scoped advisory lock `lock` if no one holds it; false when another transaction does. */
export async function tryAdvisoryXactLock(trx: Db, lock: number): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${lock}) AS locked`.execute(trx);
  return Boolean(rows[0]?.locked);
}

/** The last retention runs the audit log holds, newest first, with the name of the account that ran one. */
export function listRetentionRuns(db: Db, organisationId: string, limit: number) {
  return db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', (join) =>
      join.onRef('u.email', '=', 'a.actor').on('u.organisation_id', '=', organisationId),
    )
    .select(['a.id', 'a.occurred_at', 'a.actor', 'a.after', 'u.display_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.entity_type', '=', 'retention_run')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}
