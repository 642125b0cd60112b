import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../core/context.js';
import type {
  SafetyWalksTable,
  WalkChecklistItemsTable,
  WalkObservationFollowupsTable,
  WalkObservationPhotosTable,
  WalkObservationsTable,
} from '../../db/schema/walks.js';
import type { WalkStatus } from '../../domain/walks.js';

/** The checklist with each item's category code, in its order. */
export function listChecklistRows(db: Db, organisationId: string) {
  return db
    .selectFrom('walk_checklist_items as w')
    .leftJoin('incident_categories as c', 'c.id', 'w.category_id')
    .select([
      'w.id',
      'w.code',
      'w.label',
      'w.label_en',
      'w.setting',
      'w.sort_order',
      'w.active',
      'w.version',
      'c.code as category',
    ])
    .where('w.organisation_id', '=', organisationId)
    .orderBy('w.sort_order')
    .orderBy('w.code')
    .execute();
}

export type ChecklistRow = Awaited<ReturnType<typeof listChecklistRows>>[number];

export async function insertChecklistItems(db: Db, rows: Insertable<WalkChecklistItemsTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  return (await db.insertInto('walk_checklist_items').values(rows).returning('id').execute()).map((r) => r.id);
}

export async function updateChecklistItem(
  db: Db,
  organisationId: string,
  id: string,
  changes: Updateable<WalkChecklistItemsTable>,
): Promise<number> {
  const r = await db
    .updateTable('walk_checklist_items')
    .set({ ...changes, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function maxChecklistOrder(db: Db, organisationId: string): Promise<number> {
  const r = await db
    .selectFrom('walk_checklist_items')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** Walks with their organising unit, area and (through the area or its parent) the district's unit. */
function walkQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('safety_walks as w')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .innerJoin('areas as a', 'a.id', 'w.area_id')
    .leftJoin('areas as pa', 'pa.id', 'a.parent_id')
    .select((eb) => [
      'w.id',
      'w.title',
      'w.unit_id',
      'u.name as unit_name',
      'w.area_id',
      'a.name as area_name',
      'w.route',
      'w.walk_date',
      'w.status',
      'w.groups',
      eb.fn.coalesce('a.owner_unit_id', 'pa.owner_unit_id').as('district_unit_id'),
      eb
        .selectFrom('walk_observations as o')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('o.walk_id', '=', 'w.id')
        .as('observation_count'),
    ])
    .where('w.organisation_id', '=', organisationId);
}

export type WalkRow = Awaited<ReturnType<ReturnType<typeof walkQuery>['executeTakeFirstOrThrow']>>;

export function findWalk(db: Db, organisationId: string, id: string) {
  return walkQuery(db, organisationId).where('w.id', '=', id).executeTakeFirst();
}

/** Walks, newest first; limited to those organised by or inviting one of `unitIds` unless null (all). */
export function listWalkRows(db: Db, organisationId: string, unitIds: readonly string[] | null) {
  let q = walkQuery(db, organisationId);
  if (unitIds !== null) {
    if (unitIds.length === 0) return Promise.resolve([]);
    q = q.where((eb) =>
      eb.or([
        eb('w.unit_id', 'in', unitIds),
        eb.exists(
          eb
            .selectFrom('safety_walk_units as su')
            .select('su.walk_id')
            .whereRef('su.walk_id', '=', 'w.id')
            .where('su.unit_id', 'in', unitIds),
        ),
      ]),
    );
  }
  return q.orderBy('w.walk_date', 'desc').orderBy('w.created_at', 'desc').limit(500).execute();
}

export function listInvitedUnits(db: Db, walkIds: readonly string[]) {
  if (walkIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('safety_walk_units as su')
    .innerJoin('units as u', 'u.id', 'su.unit_id')
    .select(['su.walk_id', 'u.id', 'u.name'])
    .where('su.walk_id', 'in', walkIds)
    .orderBy('u.name')
    .execute();
}

export async function insertWalk(
  db: Db,
  row: Insertable<SafetyWalksTable>,
  invitedUnitIds: readonly string[],
): Promise<string> {
  const { id } = await db.insertInto('safety_walks').values(row).returning('id').executeTakeFirstOrThrow();
  if (invitedUnitIds.length > 0)
    await db
      .insertInto('safety_walk_units')
      .values(invitedUnitIds.map((unit_id) => ({ organisation_id: row.organisation_id, walk_id: id, unit_id })))
      .execute();
  return id;
}

/** Locks the walk's row for the rest of the transaction and returns its status. */
export function lockWalk(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('safety_walks')
    .select(['id', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setWalkStatus(db: Db, id: string, status: WalkStatus): Promise<void> {
  await db
    .updateTable('safety_walks')
    .set({ status, updated_at: new Date(), finished_at: status === 'finished' ? new Date() : null })
    .where('id', '=', id)
    .execute();
}

/** A walk's observations with their checklist item and photo size, in the order they were noted. */
function observationQuery(db: Db, organisationId: string) {
  return db
    .selectFrom('walk_observations as o')
    .innerJoin('walk_checklist_items as i', 'i.id', 'o.item_id')
    .leftJoin('incident_categories as c', 'c.id', 'i.category_id')
    .leftJoin('walk_observation_photos as ph', 'ph.observation_id', 'o.id')
    .leftJoin('problems as p', 'p.id', 'o.problem_id')
    .select([
      'o.id',
      'o.walk_id',
      'o.item_id',
      'i.code as item_code',
      'i.label as item_label',
      'i.label_en as item_label_en',
      'c.code as category',
      'o.lon',
      'o.lat',
      'o.severity',
      'o.note',
      'o.observed_at',
      'o.problem_id',
      'o.incident_id',
      'ph.width as photo_width',
      'ph.height as photo_height',
      'p.title as problem_title',
    ])
    .where('o.organisation_id', '=', organisationId);
}

export type ObservationRow = Awaited<ReturnType<ReturnType<typeof observationQuery>['executeTakeFirstOrThrow']>>;

export function listObservationRows(db: Db, organisationId: string, walkId: string) {
  return observationQuery(db, organisationId)
    .where('o.walk_id', '=', walkId)
    .orderBy('o.observed_at')
    .orderBy('o.id')
    .execute();
}

/** Any organisation's row with this id: a client id is global, so one taken elsewhere must be refused, not shown. */
export function findObservationOwner(db: Db, id: string) {
  return db
    .selectFrom('walk_observations')
    .select(['id', 'organisation_id', 'walk_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findObservation(db: Db, organisationId: string, id: string) {
  return observationQuery(db, organisationId).where('o.id', '=', id).executeTakeFirst();
}

/** Inserts unless the id exists; true when this call made the row. */
export async function insertObservation(db: Db, row: Insertable<WalkObservationsTable>): Promise<boolean> {
  const r = await db
    .insertInto('walk_observations')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function linkObservation(
  db: Db,
  id: string,
  link: { problem_id: string } | { incident_id: string },
): Promise<void> {
  await db.updateTable('walk_observations').set(link).where('id', '=', id).execute();
}

/** Stores or replaces the observation's photo (a resend of the same photo lands on the same row). */
export async function upsertObservationPhoto(db: Db, row: Insertable<WalkObservationPhotosTable>): Promise<void> {
  await db
    .insertInto('walk_observation_photos')
    .values(row)
    .onConflict((oc) =>
      oc.column('observation_id').doUpdateSet({
        width: row.width,
        height: row.height,
        image: row.image,
        thumbnail: row.thumbnail,
      }),
    )
    .execute();
}

export function findObservationPhoto(db: Db, organisationId: string, observationId: string, size: 'full' | 'thumb') {
  return db
    .selectFrom('walk_observation_photos')
    .select(['content_type', size === 'thumb' ? 'thumbnail as data' : 'image as data'])
    .where('organisation_id', '=', organisationId)
    .where('observation_id', '=', observationId)
    .executeTakeFirst();
}

export function findCategoryIdsByCode(db: Db, organisationId: string, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('incident_categories')
    .select(['id', 'code'])
    .where('organisation_id', '=', organisationId)
    .where('code', 'in', codes)
    .execute();
}

/** The area, its parent and its children: the areas whose walks look at the same streets. */
export async function overlappingAreaIds(db: Db, organisationId: string, areaId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('areas as a')
    .select(['a.id', 'a.parent_id'])
    .where('a.organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('a.id', '=', areaId), eb('a.parent_id', '=', areaId)]))
    .execute();
  const parent = rows.find((r) => r.id === areaId)?.parent_id;
  return [...new Set([...rows.map((r) => r.id), ...(parent ? [parent] : [])])];
}

/**
 * Observations of walks before `walkId` (an earlier date, or the same date planned earlier) in `areaIds`
 * that no other walk has found fixed, with this walk's answer when it has given one.
 */
export function listEarlierObservationRows(db: Db, organisationId: string, walkId: string, areaIds: string[]) {
  return observationQuery(db, organisationId)
    .innerJoin('safety_walks as e', 'e.id', 'o.walk_id')
    .innerJoin('safety_walks as w', (j) => j.on('w.id', '=', walkId))
    .leftJoin('walk_observation_followups as f', (j) =>
      j.onRef('f.observation_id', '=', 'o.id').on('f.walk_id', '=', walkId),
    )
    .leftJoin('users as fu', 'fu.id', 'f.answered_by')
    .select([
      'e.title as earlier_title',
      'e.walk_date as earlier_date',
      'f.outcome',
      'f.note as answer_note',
      'f.answered_at',
      'fu.display_name as answered_by',
    ])
    .where('e.id', '<>', walkId)
    .where('e.area_id', 'in', areaIds)
    .where((eb) =>
      eb.or([
        eb('e.walk_date', '<', eb.ref('w.walk_date')),
        eb.and([eb('e.walk_date', '=', eb.ref('w.walk_date')), eb('e.created_at', '<', eb.ref('w.created_at'))]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('walk_observation_followups as fx')
            .select('fx.observation_id')
            .whereRef('fx.observation_id', '=', 'o.id')
            .where('fx.walk_id', '<>', walkId)
            .where('fx.outcome', '=', 'fixed'),
        ),
      ),
    )
    .orderBy('e.walk_date')
    .orderBy('o.observed_at')
    .orderBy('o.id')
    .execute();
}

export type EarlierObservationRow = Awaited<ReturnType<typeof listEarlierObservationRows>>[number];

/** What later walks answered about these observations, oldest answer first. */
export function listFollowupRows(db: Db, organisationId: string, observationIds: readonly string[]) {
  if (observationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('walk_observation_followups as f')
    .innerJoin('safety_walks as w', 'w.id', 'f.walk_id')
    .leftJoin('users as u', 'u.id', 'f.answered_by')
    .select([
      'f.observation_id',
      'f.walk_id',
      'w.title',
      'w.walk_date',
      'f.outcome',
      'f.note',
      'f.answered_at',
      'u.display_name as answered_by',
    ])
    .where('f.organisation_id', '=', organisationId)
    .where('f.observation_id', 'in', observationIds)
    .orderBy('f.answered_at')
    .execute();
}

export function findFollowup(db: Db, observationId: string, walkId: string) {
  return db
    .selectFrom('walk_observation_followups')
    .select(['outcome', 'note'])
    .where('observation_id', '=', observationId)
    .where('walk_id', '=', walkId)
    .forUpdate()
    .executeTakeFirst();
}

/** Stores the walk's answer about the observation, replacing an earlier answer of the same walk. */
export async function upsertFollowup(db: Db, row: Insertable<WalkObservationFollowupsTable>): Promise<void> {
  await db
    .insertInto('walk_observation_followups')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['observation_id', 'walk_id']).doUpdateSet({
        outcome: row.outcome,
        note: row.note ?? null,
        answered_by: row.answered_by ?? null,
        answered_at: new Date(),
      }),
    )
    .execute();
}
