import type { Insertable, Updateable } from 'kysely';
import type { LocalAgreementsTable } from '../../db/schema.js';
import type { Db } from '../org/org.repo.js';

function selectAgreements(db: Db, organisationId: string) {
  return db.selectFrom('local_agreements as g').innerJoin('units as d', 'd.id', 'g.district_unit_id').innerJoin('units as p', 'p.id', 'g.partner_unit_id')
    .select(['g.id', 'g.kind', 'g.title', 'g.summary', 'g.approved_public_text', 'g.district_unit_id', 'd.name as district_name', 'g.partner_unit_id',
      'p.name as partner_name', 'g.period_start', 'g.period_end', 'g.last_review', 'g.created_at'])
    .where('g.organisation_id', '=', organisationId);
}
export type AgreementRow = Awaited<ReturnType<ReturnType<typeof selectAgreements>['executeTakeFirstOrThrow']>>;

export async function insertAgreement(db: Db, row: Insertable<LocalAgreementsTable>): Promise<string> {
  return (await db.insertInto('local_agreements').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAgreementRow(db: Db, id: string, change: Updateable<LocalAgreementsTable>): Promise<void> {
  await db.updateTable('local_agreements').set({ ...change, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Replaces the given link sets (priority areas, activities). */
export async function replaceAgreementLinks(db: Db, id: string, links: { areaIds?: readonly string[] | undefined; measureIds?: readonly string[] | undefined }): Promise<void> {
  if (links.areaIds) {
    await db.deleteFrom('agreement_areas').where('agreement_id', '=', id).execute();
    if (links.areaIds.length) await db.insertInto('agreement_areas').values([...new Set(links.areaIds)].map((area_id) => ({ agreement_id: id, area_id }))).execute();
  }
  if (links.measureIds) {
    await db.deleteFrom('agreement_measures').where('agreement_id', '=', id).execute();
    if (links.measureIds.length) await db.insertInto('agreement_measures').values([...new Set(links.measureIds)].map((measure_id) => ({ agreement_id: id, measure_id }))).execute();
  }
}

export function findAgreement(db: Db, organisationId: string, id: string) {
  return selectAgreements(db, organisationId).where('g.id', '=', id).executeTakeFirst();
}

export function listAgreementRows(db: Db, organisationId: string, filter: { districtUnitId?: string | undefined }) {
  let q = selectAgreements(db, organisationId);
  if (filter.districtUnitId) q = q.where('g.district_unit_id', '=', filter.districtUnitId);
  return q.orderBy('g.period_start', 'desc').orderBy('g.title').limit(500).execute();
}

/** Priority areas and activities of many agreements at once. */
export async function agreementLinks(db: Db, ids: readonly string[]) {
  if (!ids.length) return { areas: [], measures: [] };
  const [areas, measures] = await Promise.all([
    db.selectFrom('agreement_areas as x').innerJoin('areas as a', 'a.id', 'x.area_id').select(['x.agreement_id', 'a.id', 'a.name'])
      .where('x.agreement_id', 'in', ids).orderBy('a.name').execute(),
    db.selectFrom('agreement_measures').select(['agreement_id', 'measure_id']).where('agreement_id', 'in', ids).execute(),
  ]);
  return { areas, measures };
}
