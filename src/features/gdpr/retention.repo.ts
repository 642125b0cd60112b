import type { Db } from '../../core/context.js';

/** Finished import runs before `cutoff` that still hold a report or a file name. */
const staleRuns = (db: Db, organisationId: string, cutoff: Date) => db.selectFrom('import_runs')
  .where('organisation_id', '=', organisationId).where('finished_at', '<', cutoff)
  .where((eb) => eb.or([eb('report', 'is not', null), eb('file_name', '!=', '')]));

export async function countStaleImportReports(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  return Number((await staleRuns(db, organisationId, cutoff).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

/** The run stays (incidents point at it, its counts are the import's history); what it quoted goes. */
export async function clearStaleImportReports(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db.updateTable('import_runs').set({ report: null, file_name: '' })
    .where('organisation_id', '=', organisationId).where('finished_at', '<', cutoff)
    .where((eb) => eb.or([eb('report', 'is not', null), eb('file_name', '!=', '')])).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Messages sent or given up before `cutoff`; waiting ones stay whatever their age, or they would never go. */
const doneMessages = (db: Db, organisationId: string, cutoff: Date) => db.selectFrom('outbox_messages')
  .where('organisation_id', '=', organisationId).where('created_at', '<', cutoff)
  .where((eb) => eb.or([eb('sent_at', 'is not', null), eb('failed_at', 'is not', null)]));

export async function countDoneOutboxMessages(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  return Number((await doneMessages(db, organisationId, cutoff).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

export async function deleteDoneOutboxMessages(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db.deleteFrom('outbox_messages').where('organisation_id', '=', organisationId).where('created_at', '<', cutoff)
    .where((eb) => eb.or([eb('sent_at', 'is not', null), eb('failed_at', 'is not', null)])).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Release drafts no one has changed since `cutoff`: abandoned, and holding the records' unreviewed text. */
const abandonedDrafts = (db: Db, organisationId: string, cutoff: Date) => db.selectFrom('records_release_drafts')
  .where('organisation_id', '=', organisationId).where('updated_at', '<', cutoff);

export async function countAbandonedReleaseDrafts(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  return Number((await abandonedDrafts(db, organisationId, cutoff).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

export async function deleteAbandonedReleaseDrafts(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db.deleteFrom('records_release_drafts').where('organisation_id', '=', organisationId).where('updated_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}
