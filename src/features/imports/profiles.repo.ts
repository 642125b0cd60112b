import type { Db } from '../../core/context.js';

const columns = ['id', 'name', 'source_label', 'format', 'columns', 'options', 'created_at', 'updated_at'] as const;

export function listProfileRows(db: Db, organisationId: string) {
  return db
    .selectFrom('import_profiles')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
}

export function findProfileRow(db: Db, organisationId: string, by: { id: string } | { name: string }) {
  const q = db.selectFrom('import_profiles').select(columns).where('organisation_id', '=', organisationId);
  return ('id' in by ? q.where('id', '=', by.id) : q.where('name', '=', by.name)).executeTakeFirst();
}
export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileRow>>>;

export function insertProfileRow(
  db: Db,
  values: {
    organisation_id: string;
    name: string;
    source_label: string;
    format: ProfileRow['format'];
    columns: Record<string, string>;
    options: Record<string, unknown>;
  },
) {
  return db.insertInto('import_profiles').values(values).returning(columns).executeTakeFirstOrThrow();
}

export function updateProfileRow(
  db: Db,
  id: string,
  values: {
    name: string;
    source_label: string;
    format: ProfileRow['format'];
    columns: Record<string, string>;
    options: Record<string, unknown>;
  },
) {
  return db
    .updateTable('import_profiles')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/** The profile's category table as source value → category code. */
export function listCategoryMappings(db: Db, profileIds: string[]) {
  if (profileIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('import_category_mappings as m')
    .innerJoin('incident_categories as c', 'c.id', 'm.category_id')
    .select(['m.profile_id', 'm.source_value', 'm.category_id', 'c.code'])
    .where('m.profile_id', 'in', profileIds)
    .orderBy('m.source_value')
    .execute();
}

export async function replaceCategoryMappings(
  db: Db,
  organisationId: string,
  profileId: string,
  rows: Array<{ source_value: string; category_id: string }>,
): Promise<void> {
  await db.deleteFrom('import_category_mappings').where('profile_id', '=', profileId).execute();
  if (rows.length)
    await db
      .insertInto('import_category_mappings')
      .values(rows.map((r) => ({ ...r, organisation_id: organisationId, profile_id: profileId })))
      .execute();
}
