import type { Insertable, Updateable } from 'kysely';
import type { ProgrammeSectionsTable, ProgrammeVersionsTable } from '../../db/schema.js';
import type { ProgrammeSectionKind, ProgrammeStatus } from '../../domain/programmes.js';
import type { Db } from '../../core/context.js';

export async function insertProgramme(
  db: Db,
  organisationId: string,
  name: string,
  createdBy: string,
): Promise<string> {
  return (
    await db
      .insertInto('programmes')
      .values({ organisation_id: organisationId, name, created_by: createdBy })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export function listProgrammeRows(db: Db, organisationId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

function selectVersions(db: Db, organisationId: string) {
  return db
    .selectFrom('programme_versions as v')
    .innerJoin('programmes as p', 'p.id', 'v.programme_id')
    .select([
      'v.id',
      'v.programme_id',
      'p.name as programme_name',
      'v.title',
      'v.period_from',
      'v.period_to',
      'v.status',
      'v.replaces_version_id',
      'v.decision_ref',
      'v.adopted_on',
    ])
    .where('v.organisation_id', '=', organisationId);
}
export type VersionRow = Awaited<ReturnType<ReturnType<typeof selectVersions>['executeTakeFirstOrThrow']>>;

/** Versions, newest period first; only those in `statuses` when given. */
export function listVersionRows(db: Db, organisationId: string, statuses?: readonly ProgrammeStatus[]) {
  let q = selectVersions(db, organisationId);
  if (statuses) q = q.where('v.status', 'in', [...statuses]);
  return q.orderBy('v.period_from', 'desc').orderBy('v.created_at', 'desc').execute();
}

/** One version; locked for the rest of the transaction with `forUpdate`. */
export function findVersion(db: Db, organisationId: string, id: string, forUpdate = false) {
  const q = selectVersions(db, organisationId).where('v.id', '=', id);
  return (forUpdate ? q.forUpdate('v') : q).executeTakeFirst();
}

export async function insertVersion(db: Db, row: Insertable<ProgrammeVersionsTable>): Promise<string> {
  return (await db.insertInto('programme_versions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateVersionRow(db: Db, id: string, change: Updateable<ProgrammeVersionsTable>): Promise<void> {
  await db
    .updateTable('programme_versions')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The sections of versions in document order (by kind as numbered, then position). */
export async function listSectionRows(db: Db, versionIds: readonly string[]) {
  if (!versionIds.length) return [];
  return db
    .selectFrom('programme_sections as s')
    .leftJoin('units as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.version_id',
      's.section_key',
      's.kind',
      's.position',
      's.heading',
      's.body',
      's.version',
      's.unit_kind',
      's.unit_id',
      'u.name as unit_name',
    ])
    .where('s.version_id', 'in', [...versionIds])
    .orderBy('s.position')
    .execute();
}
export type SectionRow = Awaited<ReturnType<typeof listSectionRows>>[number];

/** One section; locked for the rest of the transaction with `forUpdate`. */
export function findSection(db: Db, id: string, forUpdate = false) {
  const q = db.selectFrom('programme_sections').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** The position after the last section of the kind in the version. */
export async function nextPosition(db: Db, versionId: string, kind: ProgrammeSectionKind): Promise<number> {
  const row = await db
    .selectFrom('programme_sections')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('version_id', '=', versionId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertSection(db: Db, row: Insertable<ProgrammeSectionsTable>): Promise<string> {
  return (await db.insertInto('programme_sections').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateSectionRow(db: Db, id: string, change: Updateable<ProgrammeSectionsTable>): Promise<void> {
  await db.updateTable('programme_sections').set(change).where('id', '=', id).execute();
}

export async function deleteSectionRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('programme_sections').where('id', '=', id).execute();
}

export async function replaceSectionIndicators(
  db: Db,
  organisationId: string,
  sectionId: string,
  problemIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('programme_section_indicators').where('section_id', '=', sectionId).execute();
  if (problemIds.length)
    await db
      .insertInto('programme_section_indicators')
      .values(
        [...new Set(problemIds)].map((problem_id) => ({
          organisation_id: organisationId,
          section_id: sectionId,
          problem_id,
        })),
      )
      .execute();
}

export async function listSectionIndicators(db: Db, sectionIds: readonly string[]) {
  if (!sectionIds.length) return [];
  return db
    .selectFrom('programme_section_indicators')
    .select(['section_id', 'problem_id'])
    .where('section_id', 'in', [...sectionIds])
    .execute();
}
