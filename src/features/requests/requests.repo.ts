import type { Insertable, Updateable } from 'kysely';
import type { ContributionRequestsTable } from '../../db/schema.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

function selectRequests(db: Db, organisationId: string) {
  return db
    .selectFrom('contribution_requests as r')
    .innerJoin('units as f', 'f.id', 'r.from_unit_id')
    .innerJoin('units as t', 't.id', 'r.to_unit_id')
    .innerJoin('problems as p', 'p.id', 'r.problem_id')
    .leftJoin('places as pl', 'pl.id', 'r.place_id')
    .select([
      'r.id',
      'r.from_unit_id',
      'f.name as from_unit_name',
      'r.to_unit_id',
      't.name as to_unit_name',
      'r.problem_id',
      'p.title as problem_title',
      'r.place_id',
      'pl.name as place_name',
      'r.what',
      'r.due_date',
      'r.status',
      'r.answer',
      'r.answered_at',
      'r.created_at',
      'r.confidentiality',
      'r.version',
    ])
    .where('r.organisation_id', '=', organisationId);
}
export type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>>;

export async function insertRequest(db: Db, row: Insertable<ContributionRequestsTable>): Promise<string> {
  return (await db.insertInto('contribution_requests').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** One request; with `access`, only if the caller may see its tier. */
export function findRequest(db: Db, organisationId: string, id: string, access?: TierAccess) {
  const q = selectRequests(db, organisationId).where('r.id', '=', id);
  return (access ? q.where(visibleTo(access, 'request', 'r')) : q).executeTakeFirst();
}

export async function updateRequestRow(
  db: Db,
  id: string,
  change: Updateable<ContributionRequestsTable>,
): Promise<void> {
  await db
    .updateTable('contribution_requests')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function listRequestRows(
  db: Db,
  organisationId: string,
  filter: {
    unitId?: string | undefined;
    problemId?: string | undefined;
    status?: string | undefined;
    openOnly?: boolean;
  },
  access?: TierAccess,
) {
  let q = selectRequests(db, organisationId);
  if (access) q = q.where(visibleTo(access, 'request', 'r'));
  if (filter.unitId) {
    const u = filter.unitId;
    q = q.where((eb) => eb.or([eb('r.from_unit_id', '=', u), eb('r.to_unit_id', '=', u)]));
  }
  if (filter.problemId) q = q.where('r.problem_id', '=', filter.problemId);
  if (filter.status) q = q.where('r.status', '=', filter.status as never);
  if (filter.openOnly) q = q.where('r.status', 'in', ['requested', 'accepted']);
  return q.orderBy('r.due_date').orderBy('r.created_at').limit(1000).execute();
}
