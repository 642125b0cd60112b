import type { Insertable, Updateable } from 'kysely';
import type { AgreementReviewItemsTable, AgreementReviewsTable, LocalAgreementsTable } from '../../db/schema.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

function selectAgreements(db: Db, organisationId: string) {
  return db
    .selectFrom('local_agreements as g')
    .innerJoin('units as d', 'd.id', 'g.district_unit_id')
    .innerJoin('units as p', 'p.id', 'g.partner_unit_id')
    .select([
      'g.id',
      'g.kind',
      'g.title',
      'g.summary',
      'g.approved_public_text',
      'g.district_unit_id',
      'd.name as district_name',
      'g.partner_unit_id',
      'p.name as partner_name',
      'g.period_start',
      'g.period_end',
      'g.last_review',
      'g.created_at',
      'g.confidentiality',
      'g.version',
    ])
    .where('g.organisation_id', '=', organisationId);
}
export type AgreementRow = Awaited<ReturnType<ReturnType<typeof selectAgreements>['executeTakeFirstOrThrow']>>;

export async function insertAgreement(db: Db, row: Insertable<LocalAgreementsTable>): Promise<string> {
  return (await db.insertInto('local_agreements').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAgreementRow(db: Db, id: string, change: Updateable<LocalAgreementsTable>): Promise<void> {
  await db
    .updateTable('local_agreements')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replaces the given link sets (priority areas, activities). */
export async function replaceAgreementLinks(
  db: Db,
  organisationId: string,
  id: string,
  links: { areaIds?: readonly string[] | undefined; measureIds?: readonly string[] | undefined },
): Promise<void> {
  if (links.areaIds) {
    await db.deleteFrom('agreement_areas').where('agreement_id', '=', id).execute();
    if (links.areaIds.length)
      await db
        .insertInto('agreement_areas')
        .values(
          [...new Set(links.areaIds)].map((area_id) => ({
            organisation_id: organisationId,
            agreement_id: id,
            area_id,
          })),
        )
        .execute();
  }
  if (links.measureIds) {
    await db.deleteFrom('agreement_measures').where('agreement_id', '=', id).execute();
    if (links.measureIds.length)
      await db
        .insertInto('agreement_measures')
        .values(
          [...new Set(links.measureIds)].map((measure_id) => ({
            organisation_id: organisationId,
            agreement_id: id,
            measure_id,
          })),
        )
        .execute();
  }
}

/** One agreement; with `access`, only if the caller may see its tier. */
export function findAgreement(db: Db, organisationId: string, id: string, access?: TierAccess) {
  const q = selectAgreements(db, organisationId).where('g.id', '=', id);
  return (access ? q.where(visibleTo(access, 'agreement', 'g')) : q).executeTakeFirst();
}

export function listAgreementRows(
  db: Db,
  organisationId: string,
  filter: { districtUnitId?: string | undefined },
  access?: TierAccess,
) {
  let q = selectAgreements(db, organisationId);
  if (access) q = q.where(visibleTo(access, 'agreement', 'g'));
  if (filter.districtUnitId) q = q.where('g.district_unit_id', '=', filter.districtUnitId);
  return q.orderBy('g.period_start', 'desc').orderBy('g.title').limit(500).execute();
}

/** Priority areas and activities of many agreements at once. */
export async function agreementLinks(db: Db, ids: readonly string[]) {
  if (!ids.length) return { areas: [], measures: [] };
  const [areas, measures] = await Promise.all([
    db
      .selectFrom('agreement_areas as x')
      .innerJoin('areas as a', 'a.id', 'x.area_id')
      .select(['x.agreement_id', 'a.id', 'a.name'])
      .where('x.agreement_id', 'in', ids)
      .orderBy('a.name')
      .execute(),
    db
      .selectFrom('agreement_measures')
      .select(['agreement_id', 'measure_id'])
      .where('agreement_id', 'in', ids)
      .execute(),
  ]);
  return { areas, measures };
}

export type ReviewItemRow = Omit<Insertable<AgreementReviewItemsTable>, 'review_id' | 'organisation_id'>;

/**
 * Moves the agreement's last review forward to the review's day and records the review with its assessments;
 * null (nothing written) when the last review is already on or after that day, e.g. a review recorded meanwhile.
 */
export async function insertReview(
  db: Db,
  review: Insertable<AgreementReviewsTable>,
  items: readonly ReviewItemRow[],
): Promise<string | null> {
  // The conditional update locks the row: of two reviews recorded at once, the second sees the first's day.
  const moved = await db
    .updateTable('local_agreements')
    .set({ last_review: review.reviewed_on, updated_at: new Date() })
    .where('id', '=', review.agreement_id)
    .where((eb) => eb.or([eb('last_review', 'is', null), eb('last_review', '<', review.reviewed_on)]))
    .executeTakeFirst();
  if (!moved.numUpdatedRows) return null;
  const { id } = await db.insertInto('agreement_reviews').values(review).returning('id').executeTakeFirstOrThrow();
  if (items.length)
    await db
      .insertInto('agreement_review_items')
      .values(items.map((i) => ({ ...i, review_id: id, organisation_id: review.organisation_id })))
      .execute();
  return id;
}

/** The reviews of many agreements, newest first, and their items. */
export async function listReviews(db: Db, agreementIds: readonly string[]) {
  if (!agreementIds.length) return { reviews: [], items: [] };
  const reviews = await db
    .selectFrom('agreement_reviews')
    .select(['id', 'agreement_id', 'reviewed_on', 'note', 'created_at'])
    .where('agreement_id', 'in', agreementIds)
    .orderBy('reviewed_on', 'desc')
    .execute();
  const items = reviews.length
    ? await db
        .selectFrom('agreement_review_items')
        .selectAll()
        .where(
          'review_id',
          'in',
          reviews.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return { reviews, items };
}
