import { sql } from 'kysely';
import type { Db } from '../../core/context.js';
import type { FollowupStatus, UnitFigures } from '../../domain/reporting.js';

function selectPeriods(db: Db, organisationId: string) {
  return db
    .selectFrom('reporting_periods as p')
    .leftJoin('programme_versions as v', 'v.id', 'p.programme_version_id')
    .select([
      'p.id',
      'p.year',
      'p.tertial',
      'p.deadline',
      'p.status',
      'p.programme_version_id',
      'v.title as programme_title',
      'p.opened_at',
    ])
    .where('p.organisation_id', '=', organisationId);
}
export type PeriodRow = Awaited<ReturnType<ReturnType<typeof selectPeriods>['executeTakeFirstOrThrow']>>;

/** One period; locked for the rest of the transaction with `forUpdate` (closing it, or writing a follow-up in it). */
export function findPeriod(db: Db, organisationId: string, id: string, forUpdate = false) {
  const q = selectPeriods(db, organisationId).where('p.id', '=', id);
  return (forUpdate ? q.forUpdate('p') : q).executeTakeFirst();
}

/** The organisation's periods, newest first (the year after its last tertial). */
export function listPeriodRows(db: Db, organisationId: string): Promise<PeriodRow[]> {
  return selectPeriods(db, organisationId)
    .orderBy('p.year', 'desc')
    .orderBy((eb) => eb.fn.coalesce('p.tertial', eb.val(4)), 'desc')
    .execute();
}

/** The period of a year and tertial, if opened already. */
export function findPeriodOf(db: Db, organisationId: string, year: number, tertial: number | null) {
  let q = db
    .selectFrom('reporting_periods')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year);
  q = tertial === null ? q.where('tertial', 'is', null) : q.where('tertial', '=', tertial);
  return q.executeTakeFirst();
}

/**
 * Holds the slot of a year and tertial for the rest of the transaction, so two offices opening the same period at
 * once are one opened and one CONFLICT, never a unique-index error.
 */
export async function lockPeriodSlot(db: Db, organisationId: string, year: number, tertial: number | null) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`reporting|${organisationId}|${year}|${tertial ?? 0}`}))`.execute(
    db,
  );
}

export async function insertPeriod(
  db: Db,
  row: {
    organisation_id: string;
    year: number;
    tertial: number | null;
    deadline: string;
    programme_version_id: string | null;
    opened_at: Date;
    opened_by: string;
  },
): Promise<string> {
  return (await db.insertInto('reporting_periods').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function closePeriodRow(db: Db, id: string, closedAt: Date, closedBy: string): Promise<void> {
  await db
    .updateTable('reporting_periods')
    .set({ status: 'closed', closed_at: closedAt, closed_by: closedBy })
    .where('id', '=', id)
    .execute();
}

/** The newest adopted programme version: what a period opened now reports against. */
export function findAdoptedProgrammeVersion(db: Db, organisationId: string) {
  return db
    .selectFrom('programme_versions as v')
    .innerJoin('programmes as p', 'p.id', 'v.programme_id')
    .select(['v.id', 'v.title'])
    .where('p.organisation_id', '=', organisationId)
    .where('v.status', '=', 'adopted')
    .orderBy('v.period_to', 'desc')
    .orderBy('v.adopted_on', 'desc')
    .executeTakeFirst();
}

/** The newest closed period that reports against the programme version, if any: what the public follow-up shows. */
export function findLatestClosedPeriod(db: Db, organisationId: string, versionId: string) {
  return selectPeriods(db, organisationId)
    .where('p.programme_version_id', '=', versionId)
    .where('p.status', '=', 'closed')
    .orderBy('p.year', 'desc')
    .orderBy((eb) => eb.fn.coalesce('p.tertial', eb.val(4)), 'desc')
    .executeTakeFirst();
}

/**
 * Of the given problems or measures, those that may still be published: not restricted now (a record restricted
 * after its unit submitted leaves the public follow-up) and not removed.
 */
export async function publishableIds(
  db: Db,
  organisationId: string,
  table: 'problems' | 'measures',
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .where('confidentiality', '!=', 'restricted')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Units of the given kinds in force on `day`, by kind and name. */
export function listReportingUnits(db: Db, organisationId: string, kinds: readonly string[], day: string) {
  return (
    db
      .selectFrom('units')
      .select(['id', 'name', 'kind'])
      .where('organisation_id', '=', organisationId)
      .where('kind', 'in', [...kinds] as Array<'district' | 'specialist' | 'company'>)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
      // Districts first, then specialist committees, then companies: the order of the committee's report.
      .orderBy(sql`CASE kind WHEN 'district' THEN 0 WHEN 'specialist' THEN 1 ELSE 2 END`)
      .orderBy('name')
      .execute()
  );
}
export type ReportingUnitRow = Awaited<ReturnType<typeof listReportingUnits>>[number];

function selectFollowups(db: Db) {
  return db
    .selectFrom('unit_followups')
    .select(['id', 'period_id', 'unit_id', 'status', 'summary', 'figures', 'submitted_at', 'submitted_by', 'version']);
}
export type FollowupRow = Awaited<ReturnType<ReturnType<typeof selectFollowups>['executeTakeFirstOrThrow']>>;

/** A unit's follow-up in a period; locked with `forUpdate` for a change. */
export function findFollowup(db: Db, periodId: string, unitId: string, forUpdate = false) {
  const q = selectFollowups(db).where('period_id', '=', periodId).where('unit_id', '=', unitId);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Every follow-up of the periods (begun or submitted); a unit without a row has not begun. */
export async function listFollowups(db: Db, periodIds: readonly string[]): Promise<FollowupRow[]> {
  if (!periodIds.length) return [];
  return selectFollowups(db)
    .where('period_id', 'in', [...periodIds])
    .execute();
}

/** The draft of a unit in a period, made on its first save. */
export async function insertFollowup(
  db: Db,
  organisationId: string,
  periodId: string,
  unitId: string,
): Promise<string> {
  return (
    await db
      .insertInto('unit_followups')
      .values({ organisation_id: organisationId, period_id: periodId, unit_id: unitId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateFollowupRow(
  db: Db,
  id: string,
  change: {
    summary?: string | null;
    status?: FollowupStatus;
    figures?: UnitFigures;
    submitted_at?: Date;
    submitted_by?: string;
  },
): Promise<void> {
  await db
    .updateTable('unit_followups')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function listGoalComments(db: Db, followupIds: readonly string[]) {
  if (!followupIds.length) return [];
  return db
    .selectFrom('unit_followup_goals')
    .select(['followup_id', 'section_key', 'comment'])
    .where('followup_id', 'in', [...followupIds])
    .execute();
}
export type GoalCommentRow = Awaited<ReturnType<typeof listGoalComments>>[number];

/** Replaces a draft's comment on a goal; an empty comment removes it. */
export async function putGoalComment(
  db: Db,
  row: { organisation_id: string; followup_id: string; section_key: string; comment: string | null },
): Promise<void> {
  await db
    .deleteFrom('unit_followup_goals')
    .where('followup_id', '=', row.followup_id)
    .where('section_key', '=', row.section_key)
    .execute();
  if (row.comment !== null)
    await db
      .insertInto('unit_followup_goals')
      .values({ ...row, comment: row.comment })
      .execute();
}
