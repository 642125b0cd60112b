import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../core/context.js';
import type { IncidentCategoriesTable } from '../../db/schema.js';

const columns = ['id', 'code', 'label_sv', 'label_en', 'group_code', 'sort_order', 'active'] as const;

/** The organisation's categories in display order, inactive ones too. */
export function listCategoryRows(db: Db, organisationId: string) {
  return db
    .selectFrom('incident_categories')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export function findCategoryIdByCode(db: Db, organisationId: string, code: string) {
  return db
    .selectFrom('incident_categories')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function findCategoryByCode(db: Db, organisationId: string, code: string) {
  return db
    .selectFrom('incident_categories')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function insertCategory(db: Db, category: Insertable<IncidentCategoriesTable>) {
  return db.insertInto('incident_categories').values(category).returning(columns).executeTakeFirstOrThrow();
}

export function updateCategoryRow(db: Db, id: string, update: Updateable<IncidentCategoriesTable>) {
  return db
    .updateTable('incident_categories')
    .set(update)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function insertCategories(
  db: Db,
  categories: readonly Insertable<IncidentCategoriesTable>[],
): Promise<void> {
  await db.insertInto('incident_categories').values(categories).execute();
}
