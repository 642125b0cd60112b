import type { AnnotationKind } from '../../db/schema.js';
import type { Db } from '../../core/context.js';

/** Neighbourhood rows of every layout with their district's code, for resolving a report's scope. */
export function listNeighbourhoodRows(db: Db, organisationId: string) {
  return db
    .selectFrom('areas as n')
    .innerJoin('areas as d', 'd.id', 'n.parent_id')
    .select(['n.id', 'n.code', 'n.name', 'n.parent_id', 'n.valid_from', 'n.geometry', 'd.code as district_code'])
    .where('n.organisation_id', '=', organisationId)
    .where('n.level', '=', 'neighbourhood')
    .orderBy('n.code')
    .orderBy('n.valid_from')
    .execute();
}

export function findAreaRow(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('areas')
    .select(['id', 'code', 'name', 'level', 'parent_id', 'owner_unit_id', 'geometry'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listThresholds(db: Db, organisationId: string) {
  return db.selectFrom('rating_thresholds').selectAll().where('organisation_id', '=', organisationId).execute();
}

export async function upsertThresholds(
  db: Db,
  row: {
    organisation_id: string;
    district_code: string;
    viss_oro_from: number;
    oroligt_from: number;
    allvarligt_from: number;
    violence_weight: number;
    rise_raises_level: boolean;
    updated_by: string;
  },
): Promise<void> {
  await db
    .insertInto('rating_thresholds')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'district_code']).doUpdateSet({
        viss_oro_from: row.viss_oro_from,
        oroligt_from: row.oroligt_from,
        allvarligt_from: row.allvarligt_from,
        violence_weight: row.violence_weight,
        rise_raises_level: row.rise_raises_level,
        updated_by: row.updated_by,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** Confirmed ratings of some neighbourhoods in some weeks. */
export function listRatings(db: Db, organisationId: string, codes: readonly string[], weeks: readonly string[]) {
  if (!codes.length || !weeks.length) return Promise.resolve([]);
  return db
    .selectFrom('area_ratings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('neighbourhood_code', 'in', codes)
    .where('week', 'in', weeks)
    .execute();
}

export async function upsertRating(
  db: Db,
  row: {
    organisation_id: string;
    neighbourhood_code: string;
    week: string;
    level: number;
    proposed_level: number;
    comment: string | null;
    confirmed_by: string;
  },
): Promise<void> {
  await db
    .insertInto('area_ratings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'neighbourhood_code', 'week']).doUpdateSet({
        level: row.level,
        proposed_level: row.proposed_level,
        comment: row.comment,
        confirmed_by: row.confirmed_by,
        confirmed_at: new Date(),
      }),
    )
    .execute();
}

const annotationColumns = ['id', 'date', 'kind', 'text', 'area_id', 'created_by', 'version'] as const;

/** Annotations between two days (inclusive) for the organisation as a whole and for any of `areaIds`. */
export function listAnnotations(
  db: Db,
  organisationId: string,
  filter: { areaIds: readonly string[] | null; from?: string; to?: string },
) {
  let q = db.selectFrom('annotations').select(annotationColumns).where('organisation_id', '=', organisationId);
  if (filter.areaIds) {
    const ids = filter.areaIds;
    q = q.where((eb) =>
      ids.length ? eb.or([eb('area_id', 'is', null), eb('area_id', 'in', ids)]) : eb('area_id', 'is', null),
    );
  }
  if (filter.from) q = q.where('date', '>=', filter.from);
  if (filter.to) q = q.where('date', '<=', filter.to);
  return q.orderBy('date').orderBy('created_at').execute();
}

export function findAnnotation(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('annotations')
    .select(annotationColumns)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAnnotation(
  db: Db,
  row: {
    organisation_id: string;
    area_id: string | null;
    date: string;
    kind: AnnotationKind;
    text: string;
    created_by: string;
  },
): Promise<string> {
  const { id } = await db.insertInto('annotations').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateAnnotationRow(
  db: Db,
  organisationId: string,
  id: string,
  change: { date?: string; kind?: AnnotationKind; text?: string },
): Promise<void> {
  await db
    .updateTable('annotations')
    .set({ ...change, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteAnnotationRow(db: Db, organisationId: string, id: string): Promise<void> {
  await db.deleteFrom('annotations').where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}
