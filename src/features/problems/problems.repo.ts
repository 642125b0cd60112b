import type { Insertable } from 'kysely';
import type { ProblemEvidenceTable, ProblemsTable } from '../../db/schema.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

const problemColumns = [
  'p.id',
  'p.owner_unit_id',
  'u.name as owner_unit_name',
  'p.area_id',
  'a.name as area_name',
  'p.title',
  'p.statement',
  'p.stage',
  'p.time_pattern',
  'p.affected',
  'p.baseline_from',
  'p.baseline_to',
  'p.baseline_value',
  'p.target_value',
  'p.indicator_direction',
  'p.created_at',
  'p.confidentiality',
  'p.version',
] as const;

function selectProblems(db: Db, organisationId: string) {
  return db
    .selectFrom('problems as p')
    .innerJoin('units as u', 'u.id', 'p.owner_unit_id')
    .leftJoin('areas as a', 'a.id', 'p.area_id')
    .select(problemColumns)
    .where('p.organisation_id', '=', organisationId);
}
export type ProblemRow = Awaited<ReturnType<ReturnType<typeof selectProblems>['executeTakeFirstOrThrow']>>;

export async function insertProblem(db: Db, row: Insertable<ProblemsTable>): Promise<string> {
  return (await db.insertInto('problems').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertProblemLinks(
  db: Db,
  organisationId: string,
  problemId: string,
  categoryIds: readonly string[],
  placeIds: readonly string[],
): Promise<void> {
  if (categoryIds.length)
    await db
      .insertInto('problem_categories')
      .values(
        categoryIds.map((category_id) => ({ organisation_id: organisationId, problem_id: problemId, category_id })),
      )
      .execute();
  if (placeIds.length)
    await db
      .insertInto('problem_places')
      .values(placeIds.map((place_id) => ({ organisation_id: organisationId, problem_id: problemId, place_id })))
      .execute();
}

export async function insertEvidence(db: Db, rows: ReadonlyArray<Insertable<ProblemEvidenceTable>>): Promise<void> {
  if (rows.length)
    await db
      .insertInto('problem_evidence')
      .values([...rows])
      .execute();
}

export async function updateProblemRow(
  db: Db,
  id: string,
  change: Partial<
    Pick<
      Insertable<ProblemsTable>,
      | 'title'
      | 'statement'
      | 'time_pattern'
      | 'affected'
      | 'stage'
      | 'confidentiality'
      | 'baseline_from'
      | 'baseline_to'
      | 'baseline_value'
      | 'target_value'
      | 'indicator_direction'
      | 'area_id'
    >
  >,
): Promise<void> {
  await db
    .updateTable('problems')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replaces the given link sets (categories by id, places). */
export async function replaceProblemLinks(
  db: Db,
  organisationId: string,
  problemId: string,
  links: { categoryIds?: readonly string[]; placeIds?: readonly string[] },
): Promise<void> {
  if (links.categoryIds) {
    await db.deleteFrom('problem_categories').where('problem_id', '=', problemId).execute();
    await insertProblemLinks(db, organisationId, problemId, links.categoryIds, []);
  }
  if (links.placeIds) {
    await db.deleteFrom('problem_places').where('problem_id', '=', problemId).execute();
    await insertProblemLinks(db, organisationId, problemId, [], [...new Set(links.placeIds)]);
  }
}

/** The hotspot evidence of a problem that names this H3 cell (any week). */
export function findHotspotEvidence(db: Db, problemId: string, cell: string) {
  return db
    .selectFrom('problem_evidence')
    .select(['id', 'filter'])
    .where('problem_id', '=', problemId)
    .where('kind', '=', 'hotspot')
    .where('ref', '=', cell)
    .execute();
}

/** Unlinks one piece of evidence; the row removed, or undefined when the problem has no such evidence. */
export function deleteEvidence(db: Db, problemId: string, evidenceId: string) {
  return db
    .deleteFrom('problem_evidence')
    .where('problem_id', '=', problemId)
    .where('id', '=', evidenceId)
    .returning(['id', 'kind', 'ref'])
    .executeTakeFirst();
}

/** One problem; with `access`, only if the caller may see its tier. */
export function findProblem(db: Db, organisationId: string, id: string, access?: TierAccess) {
  const q = selectProblems(db, organisationId).where('p.id', '=', id);
  return (access ? q.where(visibleTo(access, 'problem', 'p')) : q).executeTakeFirst();
}

export function listProblemRows(
  db: Db,
  organisationId: string,
  filter: {
    ownerUnitId?: string | undefined;
    areaId?: string | undefined;
    stage?: string | undefined;
    ids?: readonly string[];
  },
  access?: TierAccess,
) {
  let q = selectProblems(db, organisationId);
  if (access) q = q.where(visibleTo(access, 'problem', 'p'));
  if (filter.ownerUnitId) q = q.where('p.owner_unit_id', '=', filter.ownerUnitId);
  if (filter.areaId) q = q.where('p.area_id', '=', filter.areaId);
  if (filter.stage) q = q.where('p.stage', '=', filter.stage as never);
  if (filter.ids) {
    if (!filter.ids.length) return Promise.resolve([]);
    q = q.where('p.id', 'in', filter.ids);
  }
  return q.orderBy('p.created_at', 'desc').limit(1000).execute();
}

/** Categories, places, evidence and measures of many problems at once (one query each, not one per problem). */
export async function problemDetails(db: Db, problemIds: readonly string[]) {
  if (!problemIds.length) return { categories: [], places: [], evidence: [], measures: [] };
  const [categories, places, evidence, measures] = await Promise.all([
    db
      .selectFrom('problem_categories as pc')
      .innerJoin('incident_categories as c', 'c.id', 'pc.category_id')
      .select(['pc.problem_id', 'c.code'])
      .where('pc.problem_id', 'in', problemIds)
      .orderBy('c.sort_order')
      .execute(),
    db
      .selectFrom('problem_places as pp')
      .innerJoin('places as pl', 'pl.id', 'pp.place_id')
      .select(['pp.problem_id', 'pl.id', 'pl.name', 'pl.type', 'pl.lon', 'pl.lat'])
      .where('pp.problem_id', 'in', problemIds)
      .orderBy('pl.name')
      .execute(),
    db
      .selectFrom('problem_evidence')
      .select(['id', 'problem_id', 'kind', 'ref', 'filter', 'note', 'created_at'])
      .where('problem_id', 'in', problemIds)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('measure_problems as mp')
      .innerJoin('measures as m', 'm.id', 'mp.measure_id')
      .select(['mp.problem_id', 'm.id', 'm.status'])
      .where('mp.problem_id', 'in', problemIds)
      .execute(),
  ]);
  return { categories, places, evidence, measures };
}

export function findPlacesById(db: Db, organisationId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('places')
    .select(['id', 'name', 'type', 'owner_unit_id', 'lon', 'lat'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();
}
