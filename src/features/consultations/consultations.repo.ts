import type { Db } from '../../core/context.js';
import type { Handling } from '../../domain/consultations.js';

export async function insertRound(
  db: Db,
  row: { organisation_id: string; version_id: string; deadline: string; sent_at: Date; sent_by: string },
): Promise<string> {
  return (await db.insertInto('consultation_rounds').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertResponses(
  db: Db,
  organisationId: string,
  roundId: string,
  unitIds: readonly string[],
): Promise<void> {
  await db
    .insertInto('consultation_responses')
    .values(unitIds.map((unit_id) => ({ organisation_id: organisationId, round_id: roundId, unit_id })))
    .execute();
}

/** Units of the organisation among `ids`, to refuse an invitation to a unit that is not ours. */
function selectRounds(db: Db, organisationId: string) {
  return db
    .selectFrom('consultation_rounds as r')
    .innerJoin('programme_versions as v', 'v.id', 'r.version_id')
    .select(['r.id', 'r.version_id', 'v.title as version_title', 'r.deadline', 'r.sent_at'])
    .where('r.organisation_id', '=', organisationId);
}
export type RoundRow = Awaited<ReturnType<ReturnType<typeof selectRounds>['executeTakeFirstOrThrow']>>;

export const findRound = (db: Db, organisationId: string, id: string) =>
  selectRounds(db, organisationId).where('r.id', '=', id).executeTakeFirst();

export const listRoundsOfVersion = (db: Db, organisationId: string, versionId: string) =>
  selectRounds(db, organisationId).where('r.version_id', '=', versionId).orderBy('r.sent_at', 'desc').execute();

function selectResponses(db: Db, organisationId: string) {
  return db
    .selectFrom('consultation_responses as c')
    .innerJoin('consultation_rounds as r', 'r.id', 'c.round_id')
    .innerJoin('programme_versions as v', 'v.id', 'r.version_id')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.id',
      'c.round_id',
      'r.version_id',
      'v.title as version_title',
      'r.deadline',
      'c.unit_id',
      'u.name as unit_name',
      'c.status',
      'c.summary',
      'c.submitted_at',
      'v.status as version_status',
    ])
    .where('r.organisation_id', '=', organisationId);
}
export type ResponseRow = Awaited<ReturnType<ReturnType<typeof selectResponses>['executeTakeFirstOrThrow']>>;

/** One response; locked for the rest of the transaction with `forUpdate`. */
export function findResponse(db: Db, organisationId: string, id: string, forUpdate = false) {
  const q = selectResponses(db, organisationId).where('c.id', '=', id);
  return (forUpdate ? q.forUpdate('c') : q).executeTakeFirst();
}

/** Responses of rounds or of units, by unit name. */
export async function listResponses(
  db: Db,
  organisationId: string,
  by: { roundIds?: string[]; unitIds?: string[] },
): Promise<ResponseRow[]> {
  // No rounds (a version never sent) or no units asked for: nothing to find, and `IN ()` is not SQL.
  if (by.roundIds?.length === 0 || by.unitIds?.length === 0) return [];
  let q = selectResponses(db, organisationId);
  if (by.roundIds) q = q.where('c.round_id', 'in', by.roundIds);
  if (by.unitIds) q = q.where('c.unit_id', 'in', by.unitIds);
  return q.orderBy('r.deadline', 'desc').orderBy('u.name').execute();
}

export async function listStatements(db: Db, responseIds: readonly string[]) {
  if (!responseIds.length) return [];
  return db
    .selectFrom('consultation_statements')
    .select(['response_id', 'section_key', 'statement', 'proposal', 'handling', 'handling_reason'])
    .where('response_id', 'in', [...responseIds])
    .execute();
}
export type StatementRow = Awaited<ReturnType<typeof listStatements>>[number];

export async function updateResponseRow(
  db: Db,
  id: string,
  change: { summary?: string | null; status?: 'submitted'; submitted_at?: Date; submitted_by?: string },
): Promise<void> {
  await db
    .updateTable('consultation_responses')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replaces a draft's statement on a section; nothing left to say removes it. */
export async function putStatement(
  db: Db,
  row: {
    organisation_id: string;
    response_id: string;
    section_key: string;
    statement: string | null;
    proposal: string | null;
  },
): Promise<void> {
  await db
    .deleteFrom('consultation_statements')
    .where('response_id', '=', row.response_id)
    .where('section_key', '=', row.section_key)
    .execute();
  if (row.statement !== null || row.proposal !== null)
    await db.insertInto('consultation_statements').values(row).execute();
}

export async function setHandling(
  db: Db,
  key: { response_id: string; section_key: string },
  change: { handling: Handling; handling_reason: string | null; handled_by: string; handled_at: Date },
): Promise<void> {
  await db
    .updateTable('consultation_statements')
    .set(change)
    .where('response_id', '=', key.response_id)
    .where('section_key', '=', key.section_key)
    .execute();
}
