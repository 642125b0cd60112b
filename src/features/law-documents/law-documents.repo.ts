import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, LawDocumentSectionsTable, LawDocumentVersionsTable } from '../../db/schema.js';
import type { LawDocumentFigures, LawDocumentKind, LawDocumentStatus } from '../../domain/law-documents.js';

type Db = Kysely<Database>;
export type LawVersionRow = Selectable<LawDocumentVersionsTable> & { district_name: string | null };
export type LawSectionRow = Selectable<LawDocumentSectionsTable>;

const versionColumns = (db: Db) =>
  db
    .selectFrom('law_document_versions as v')
    .leftJoin('units as u', 'u.id', 'v.district_id')
    .selectAll('v')
    .select('u.name as district_name');

/** One version, locked for update when asked (a status change). */
export async function findLawVersion(
  db: Db,
  organisationId: string,
  id: string,
  forUpdate = false,
): Promise<LawVersionRow | undefined> {
  const q = versionColumns(db).where('v.organisation_id', '=', organisationId).where('v.id', '=', id);
  return (forUpdate ? q.forUpdate('v') : q).executeTakeFirst();
}

/** Versions of a district's documents (or the city's, `districtId` null), newest first, of the given statuses. */
export async function listLawVersionRows(
  db: Db,
  organisationId: string,
  districtId: string | null,
  statuses: readonly LawDocumentStatus[] | undefined,
): Promise<LawVersionRow[]> {
  let q = versionColumns(db).where('v.organisation_id', '=', organisationId);
  q = districtId === null ? q.where('v.district_id', 'is', null) : q.where('v.district_id', '=', districtId);
  if (statuses) q = q.where('v.status', 'in', [...statuses]);
  return q.orderBy('v.kind').orderBy('v.version', 'desc').execute();
}

/** The next version number of a document (kind and district); the unique index guards a race. */
export async function nextVersionNumber(
  db: Db,
  organisationId: string,
  kind: LawDocumentKind,
  districtId: string | null,
): Promise<number> {
  let q = db
    .selectFrom('law_document_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind);
  q = districtId === null ? q.where('district_id', 'is', null) : q.where('district_id', '=', districtId);
  const row = await q.executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Inserts a version with its sections; returns its id. */
export async function insertLawVersion(
  db: Db,
  version: Omit<
    LawDocumentVersionsTable,
    'id' | 'status' | 'created_at' | 'updated_at' | 'decision_ref' | 'adopted_on'
  >,
  sections: ReadonlyArray<{ heading: string; body: string; figures?: LawDocumentFigures | null }>,
): Promise<string> {
  const { id } = await db.insertInto('law_document_versions').values(version).returning('id').executeTakeFirstOrThrow();
  if (sections.length > 0)
    await db
      .insertInto('law_document_sections')
      .values(
        sections.map((s, position) => ({
          organisation_id: version.organisation_id,
          version_id: id,
          position,
          heading: s.heading,
          body: s.body,
          figures: s.figures ?? null,
        })),
      )
      .execute();
  return id;
}

export async function listLawSections(db: Db, versionId: string): Promise<LawSectionRow[]> {
  return db
    .selectFrom('law_document_sections')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

/** Moves a version's status, with the decision when adopted. */
export async function updateLawVersionStatus(
  db: Db,
  id: string,
  change: { status: LawDocumentStatus; decision_ref?: string; adopted_on?: string },
): Promise<void> {
  await db
    .updateTable('law_document_versions')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The version of the same document now in force, if any. */
export async function findAdoptedLawVersion(
  db: Db,
  row: Pick<LawVersionRow, 'organisation_id' | 'kind' | 'district_id'>,
): Promise<{ id: string } | undefined> {
  let q = db
    .selectFrom('law_document_versions')
    .select('id')
    .where('organisation_id', '=', row.organisation_id)
    .where('kind', '=', row.kind)
    .where('status', '=', 'adopted');
  q = row.district_id === null ? q.where('district_id', 'is', null) : q.where('district_id', '=', row.district_id);
  return q.forUpdate().executeTakeFirst();
}

/** The district's own area (level district, in force) — what incidents name in `district_id`. */
export async function findDistrictArea(
  db: Db,
  organisationId: string,
  unitId: string,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('areas')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('owner_unit_id', '=', unitId)
    .where('level', '=', 'district')
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** A unit's name and kind, for checking that a document's district is one. */
export async function findUnit(
  db: Db,
  organisationId: string,
  id: string,
): Promise<{ id: string; name: string; kind: string } | undefined> {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Incidents per category and stadsdel (neighbourhood) in [from, to), within a district area or the whole city. */
export async function countIncidentsByCategoryAndArea(
  db: Db,
  organisationId: string,
  districtAreaId: string | null,
  from: Date,
  to: Date,
): Promise<Array<{ category: string; area: string | null; count: number }>> {
  let q = db
    .selectFrom('incidents as i')
    .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('areas as a', 'a.id', districtAreaId === null ? 'i.district_id' : 'i.area_id')
    .select(['c.label_sv as category', 'a.name as area', sql<string>`count(*)`.as('count')])
    .where('i.organisation_id', '=', organisationId)
    .where('i.occurred_at', '>=', from)
    .where('i.occurred_at', '<', to);
  if (districtAreaId !== null) q = q.where('i.district_id', '=', districtAreaId);
  const rows = await q.groupBy(['c.label_sv', 'a.name']).execute();
  return rows.map((r) => ({ category: r.category, area: r.area, count: Number(r.count) }));
}
