import type { MeetingActionStatus } from '../../db/schema.js';
import type { Confidentiality } from '../../domain/confidentiality.js';
import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

const reportColumns = [
  'r.id',
  'r.area_id',
  'r.week',
  'r.frozen_at',
  'r.frozen_by',
  'm.id as meeting_id',
  'r.confidentiality',
] as const;

function selectReports(db: Db, organisationId: string) {
  return db
    .selectFrom('situation_reports as r')
    .leftJoin('meetings as m', 'm.report_id', 'r.id')
    .select(reportColumns)
    .where('r.organisation_id', '=', organisationId);
}

/** A scope is an area id, or null for the whole city. */
function sameScope<Q extends ReturnType<typeof selectReports>>(q: Q, areaId: string | null): Q {
  return (areaId === null ? q.where('r.area_id', 'is', null) : q.where('r.area_id', '=', areaId)) as Q;
}

export async function insertReport(
  db: Db,
  row: {
    organisation_id: string;
    area_id: string | null;
    week: string;
    snapshot: Record<string, unknown>;
    frozen_by: string;
    confidentiality: Confidentiality;
  },
): Promise<string> {
  const { id } = await db.insertInto('situation_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** One frozen report; with `access`, only if the caller may see its tier. */
export function findReport(db: Db, organisationId: string, id: string, access?: TierAccess) {
  const q = selectReports(db, organisationId).select('r.snapshot').where('r.id', '=', id);
  return (access ? q.where(visibleTo(access, 'situation_report', 'r')) : q).executeTakeFirst();
}

export function findReportByScope(db: Db, organisationId: string, areaId: string | null, week: string) {
  return sameScope(selectReports(db, organisationId), areaId).where('r.week', '=', week).executeTakeFirst();
}

export function listReports(
  db: Db,
  organisationId: string,
  filter: { areaId?: string | undefined; fromWeek?: string | undefined },
  access?: TierAccess,
) {
  let q = selectReports(db, organisationId);
  if (access) q = q.where(visibleTo(access, 'situation_report', 'r'));
  if (filter.areaId) q = q.where('r.area_id', '=', filter.areaId);
  if (filter.fromWeek) q = q.where('r.week', '>=', filter.fromWeek);
  return q.orderBy('r.week', 'desc').limit(200).execute();
}

export async function insertMeeting(
  db: Db,
  row: {
    organisation_id: string;
    report_id: string;
    held_at: Date;
    notes: string | null;
    notes_redactions: number;
    created_by: string;
    confidentiality: Confidentiality;
  },
): Promise<string> {
  const { id } = await db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** One meeting; with `access`, only if the caller may see its tier. */
export function findMeeting(db: Db, organisationId: string, id: string, access?: TierAccess) {
  const q = db
    .selectFrom('meetings as m')
    .innerJoin('situation_reports as r', 'r.id', 'm.report_id')
    .select([
      'm.id',
      'm.report_id',
      'm.held_at',
      'm.notes',
      'm.notes_redactions',
      'r.area_id',
      'r.week',
      'm.confidentiality',
      'm.version',
    ])
    .where('m.organisation_id', '=', organisationId)
    .where('m.id', '=', id);
  return (access ? q.where(visibleTo(access, 'meeting', 'm')) : q).executeTakeFirst();
}

export async function updateMeetingRow(
  db: Db,
  id: string,
  change: { held_at?: Date; notes?: string | null; notes_redactions?: number; confidentiality?: Confidentiality },
): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function replaceParticipants(
  db: Db,
  organisationId: string,
  meetingId: string,
  unitIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('meeting_participants').where('meeting_id', '=', meetingId).execute();
  if (unitIds.length)
    await db
      .insertInto('meeting_participants')
      .values(unitIds.map((unit_id) => ({ organisation_id: organisationId, meeting_id: meetingId, unit_id })))
      .execute();
}

export async function replaceAttendees(
  db: Db,
  organisationId: string,
  meetingId: string,
  attendees: ReadonlyArray<{ name: string; unit_id: string | null }>,
): Promise<void> {
  await db.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
  if (attendees.length)
    await db
      .insertInto('meeting_attendees')
      .values(
        attendees.map((a, position) => ({
          organisation_id: organisationId,
          meeting_id: meetingId,
          position,
          name: a.name,
          unit_id: a.unit_id,
        })),
      )
      .execute();
}

/** The people at a meeting in the order given, with their unit's name. */
export function listAttendees(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_attendees as a')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.name', 'a.unit_id', 'u.name as unit_name'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .execute();
}

export function listParticipants(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_participants as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['u.id', 'u.name'])
    .where('p.meeting_id', '=', meetingId)
    .orderBy('u.name')
    .execute();
}

const actionColumns = [
  'a.id',
  'a.meeting_id',
  'a.unit_id',
  'u.name as unit_name',
  'a.title',
  'a.due_date',
  'a.status',
  'a.status_note',
  'a.closed_at',
  'a.version',
] as const;

export async function insertAction(
  db: Db,
  row: {
    organisation_id: string;
    meeting_id: string;
    unit_id: string;
    title: string;
    due_date: string;
    created_by: string;
    confidentiality: Confidentiality;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('meeting_actions')
    .values({ ...row, status_note: null, closed_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A meeting's actions; with `access`, only those the caller may see. */
export function listMeetingActions(db: Db, meetingId: string, access: TierAccess = { all: true }) {
  return db
    .selectFrom('meeting_actions as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([...actionColumns, 'a.confidentiality'])
    .where('a.meeting_id', '=', meetingId)
    .where(visibleTo(access, 'meeting_action', 'a'))
    .orderBy('a.due_date')
    .orderBy('a.created_at')
    .execute();
}

/** One action with what deciding who may change it needs: its meeting's scope. */
export function findAction(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('meeting_actions as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('situation_reports as r', 'r.id', 'm.report_id')
    .select([...actionColumns, 'a.confidentiality', 'r.area_id'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function updateActionRow(
  db: Db,
  id: string,
  change: { status: MeetingActionStatus; status_note: string | null; closed_at: Date | null },
): Promise<void> {
  await db
    .updateTable('meeting_actions')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Actions to follow up in a scope's report for `week`: all decided at last week's meeting, and any decided
 * earlier that are still open.
 */
export function listPreviousActions(
  db: Db,
  organisationId: string,
  areaId: string | null,
  week: string,
  previousWeek: string,
) {
  let q = db
    .selectFrom('meeting_actions as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('situation_reports as r', 'r.id', 'm.report_id')
    .select([...actionColumns, 'r.week as meeting_week'])
    .where('a.organisation_id', '=', organisationId)
    .where('r.week', '<', week)
    .where((eb) => eb.or([eb('r.week', '=', previousWeek), eb('a.status', '=', 'open')]));
  q = areaId === null ? q.where('r.area_id', 'is', null) : q.where('r.area_id', '=', areaId);
  return q.orderBy('r.week').orderBy('a.due_date').execute();
}

/** Which of the actions `ids` the caller may not see (`access`). */
export async function hiddenActionIds(
  db: Db,
  organisationId: string,
  ids: readonly string[],
  access: TierAccess,
): Promise<string[]> {
  if (!ids.length || access.all) return [];
  const rows = await db
    .selectFrom('meeting_actions as a')
    .select('a.id')
    .where('a.organisation_id', '=', organisationId)
    .where('a.id', 'in', ids)
    .where((eb) => eb.not(visibleTo(access, 'meeting_action', 'a')(eb)))
    .execute();
  return rows.map((r) => r.id);
}

/** A unit's open actions, soonest due first, with the meeting they came from. */
export function listOpenActionsForUnit(db: Db, organisationId: string, unitId: string) {
  return db
    .selectFrom('meeting_actions as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('situation_reports as r', 'r.id', 'm.report_id')
    .leftJoin('areas as ar', 'ar.id', 'r.area_id')
    .select(['a.id', 'a.title', 'a.due_date', 'm.id as meeting_id', 'r.week', 'r.area_id', 'ar.name as area_name'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.unit_id', '=', unitId)
    .where('a.status', '=', 'open')
    .orderBy('a.due_date')
    .orderBy('a.created_at')
    .execute();
}

/** Units of the organisation among `ids` (to check participants and assignees exist). */
export function listUnitsById(db: Db, organisationId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();
}
