import type { Insertable, Updateable } from 'kysely';
import type { MeasureFollowupsTable, MeasuresTable, MeasureStatus } from '../../db/schema.js';
import type { Confidentiality } from '../../domain/confidentiality.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

const measureColumns = [
  'm.id',
  'm.title',
  'm.description',
  'm.type',
  'm.status',
  'm.responsible_unit_id',
  'u.name as responsible_unit_name',
  'm.period_start',
  'm.period_end',
  'm.cost_estimate_sek',
  'm.target_groups',
  'm.created_at',
  'm.confidentiality',
  'm.version',
] as const;

function selectMeasures(db: Db, organisationId: string) {
  return db
    .selectFrom('measures as m')
    .innerJoin('units as u', 'u.id', 'm.responsible_unit_id')
    .select(measureColumns)
    .where('m.organisation_id', '=', organisationId);
}
export type MeasureRow = Awaited<ReturnType<ReturnType<typeof selectMeasures>['executeTakeFirstOrThrow']>>;

export async function insertMeasure(db: Db, row: Insertable<MeasuresTable>): Promise<string> {
  return (await db.insertInto('measures').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Replaces the given link sets; problems are inserted before old ones go, so the measure is never aimed at nothing. */
export async function replaceMeasureLinks(
  db: Db,
  organisationId: string,
  measureId: string,
  links: { problemIds?: readonly string[]; unitIds?: readonly string[]; placeIds?: readonly string[] },
): Promise<void> {
  if (links.problemIds) {
    const keep = [...new Set(links.problemIds)];
    await db
      .insertInto('measure_problems')
      .values(keep.map((problem_id) => ({ organisation_id: organisationId, measure_id: measureId, problem_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db
      .deleteFrom('measure_problems')
      .where('measure_id', '=', measureId)
      .where('problem_id', 'not in', keep)
      .execute();
  }
  if (links.unitIds) {
    await db.deleteFrom('measure_units').where('measure_id', '=', measureId).execute();
    if (links.unitIds.length)
      await db
        .insertInto('measure_units')
        .values(
          [...new Set(links.unitIds)].map((unit_id) => ({
            organisation_id: organisationId,
            measure_id: measureId,
            unit_id,
          })),
        )
        .execute();
  }
  if (links.placeIds) {
    await db.deleteFrom('measure_places').where('measure_id', '=', measureId).execute();
    if (links.placeIds.length)
      await db
        .insertInto('measure_places')
        .values(
          [...new Set(links.placeIds)].map((place_id) => ({
            organisation_id: organisationId,
            measure_id: measureId,
            place_id,
          })),
        )
        .execute();
  }
}

type ComponentFields = { title: string; type: MeasuresTable['type']; confidentiality: Confidentiality };

/** Inserts components in order, numbered from `firstPosition` (after the existing ones when adding). */
export async function insertComponents(
  db: Db,
  organisationId: string,
  measureId: string,
  components: readonly ComponentFields[],
  firstPosition = 1,
): Promise<void> {
  if (components.length)
    await db
      .insertInto('measure_components')
      .values(
        components.map((c, i) => ({
          organisation_id: organisationId,
          measure_id: measureId,
          position: firstPosition + i,
          ...c,
        })),
      )
      .execute();
}

export async function updateComponent(db: Db, id: string, change: ComponentFields): Promise<void> {
  await db.updateTable('measure_components').set(change).where('id', '=', id).execute();
}

/** The components of a measure, all tiers: for numbering new ones and checking that edited ones belong to it. */
export function listComponents(db: Db, measureId: string) {
  return db
    .selectFrom('measure_components')
    .selectAll()
    .where('measure_id', '=', measureId)
    .orderBy('position')
    .execute();
}

/** Plans follow-up dates; returns how many were new (a date the measure already has is left as it is). */
export async function insertFollowups(
  db: Db,
  organisationId: string,
  measureId: string,
  dates: readonly string[],
): Promise<number> {
  if (!dates.length) return 0;
  const rows = await db
    .insertInto('measure_followups')
    .values(
      [...new Set(dates)].map((due_date) => ({ organisation_id: organisationId, measure_id: measureId, due_date })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export async function updateMeasureRow(db: Db, id: string, change: Updateable<MeasuresTable>): Promise<void> {
  await db
    .updateTable('measures')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** One measure; with `access`, only if the caller may see its tier. */
export function findMeasure(db: Db, organisationId: string, id: string, access?: TierAccess) {
  const q = selectMeasures(db, organisationId).where('m.id', '=', id);
  return (access ? q.where(visibleTo(access, 'measure', 'm')) : q).executeTakeFirst();
}

export function listMeasureRows(
  db: Db,
  organisationId: string,
  filter: {
    responsibleUnitId?: string | undefined;
    unitId?: string | undefined;
    problemId?: string | undefined;
    status?: string | undefined;
    ids?: readonly string[];
  },
  access?: TierAccess,
) {
  let q = selectMeasures(db, organisationId);
  if (access) q = q.where(visibleTo(access, 'measure', 'm'));
  if (filter.responsibleUnitId) q = q.where('m.responsible_unit_id', '=', filter.responsibleUnitId);
  if (filter.unitId) {
    const unitId = filter.unitId;
    q = q.where((eb) =>
      eb.or([
        eb('m.responsible_unit_id', '=', unitId),
        eb('m.id', 'in', eb.selectFrom('measure_units').select('measure_id').where('unit_id', '=', unitId)),
      ]),
    );
  }
  if (filter.problemId)
    q = q.where(
      'm.id',
      'in',
      db.selectFrom('measure_problems').select('measure_id').where('problem_id', '=', filter.problemId),
    );
  if (filter.status) q = q.where('m.status', '=', filter.status as MeasureStatus);
  if (filter.ids) {
    if (!filter.ids.length) return Promise.resolve([]);
    q = q.where('m.id', 'in', filter.ids);
  }
  return q.orderBy('m.created_at', 'desc').limit(1000).execute();
}

/** Links, components and follow-ups of many measures at once; with `access`, only the problems and components the caller may see. */
export async function measureDetails(db: Db, ids: readonly string[], access: TierAccess = { all: true }) {
  if (!ids.length) return { problems: [], units: [], places: [], components: [], followups: [] };
  const [problems, units, places, components, followups] = await Promise.all([
    db
      .selectFrom('measure_problems as mp')
      .innerJoin('problems as p', 'p.id', 'mp.problem_id')
      .select(['mp.measure_id', 'p.id', 'p.title', 'p.owner_unit_id', 'p.area_id', 'p.baseline_value', 'p.created_at'])
      .where('mp.measure_id', 'in', ids)
      .where(visibleTo(access, 'problem', 'p'))
      .orderBy('p.created_at')
      .execute(),
    db
      .selectFrom('measure_units as mu')
      .innerJoin('units as u', 'u.id', 'mu.unit_id')
      .select(['mu.measure_id', 'u.id', 'u.name'])
      .where('mu.measure_id', 'in', ids)
      .orderBy('u.name')
      .execute(),
    db
      .selectFrom('measure_places as mp')
      .innerJoin('places as pl', 'pl.id', 'mp.place_id')
      .select(['mp.measure_id', 'pl.id', 'pl.name', 'pl.type', 'pl.lon', 'pl.lat'])
      .where('mp.measure_id', 'in', ids)
      .orderBy('pl.name')
      .execute(),
    db
      .selectFrom('measure_components')
      .select(['id', 'measure_id', 'position', 'title', 'type', 'status', 'confidentiality'])
      .where('measure_id', 'in', ids)
      .where(visibleTo(access, 'measure_component', 'measure_components'))
      .orderBy('position')
      .execute(),
    db
      .selectFrom('measure_followups as f')
      .leftJoin('problems as ip', 'ip.id', 'f.indicator_problem_id')
      .selectAll('f')
      .select('ip.indicator_direction')
      .where('f.measure_id', 'in', ids)
      .orderBy('f.due_date')
      .execute(),
  ]);
  return { problems, units, places, components, followups };
}

/** Ids of the problems a measure is aimed at that `access` does not show. */
export async function hiddenProblemIds(db: Db, measureId: string, access: TierAccess): Promise<string[]> {
  const linked = db
    .selectFrom('measure_problems as mp')
    .innerJoin('problems as p', 'p.id', 'mp.problem_id')
    .select('p.id')
    .where('mp.measure_id', '=', measureId);
  const [all, seen] = await Promise.all([linked.execute(), linked.where(visibleTo(access, 'problem', 'p')).execute()]);
  const visible = new Set(seen.map((r) => r.id));
  return all.map((r) => r.id).filter((pid) => !visible.has(pid));
}

export function findComponent(db: Db, measureId: string, componentId: string) {
  return db
    .selectFrom('measure_components')
    .selectAll()
    .where('measure_id', '=', measureId)
    .where('id', '=', componentId)
    .executeTakeFirst();
}

export async function updateComponentStatus(db: Db, id: string, status: MeasureStatus): Promise<void> {
  await db.updateTable('measure_components').set({ status }).where('id', '=', id).execute();
}

export function findFollowup(db: Db, measureId: string, followupId: string) {
  return db
    .selectFrom('measure_followups')
    .selectAll()
    .where('measure_id', '=', measureId)
    .where('id', '=', followupId)
    .executeTakeFirst();
}

/** Records a follow-up; the caller holds its measure's lock and has checked that it is not recorded yet. */
export async function recordFollowupRow(db: Db, id: string, change: Updateable<MeasureFollowupsTable>): Promise<void> {
  await db.updateTable('measure_followups').set(change).where('id', '=', id).execute();
}
