import { daysBetween, weekBounds } from '../../domain/calendar/index.js';
import { redactPersonalData } from '../../analysis/text/redact.js';
import { lockForChange } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type {
  FreezeReport,
  FrozenReportSummary,
  FrozenReportView,
  InboxItem,
  Meeting,
  MeetingAction,
  MeetingActionCreate,
  MeetingActionUpdate,
  MeetingCreate,
  MeetingUpdate,
} from '../../domain/meetings.js';
import type { SituationReport } from '../../domain/situation.js';
import type { ServiceContext, Db } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { DEFAULT_CONFIDENTIALITY } from '../../domain/confidentiality.js';
import { freeTextGate } from '../auth/free-text.js';
import { tierAccess } from '../../core/policy.js';
import {
  findAction,
  findMeeting,
  findReport,
  findReportByScope,
  insertAction,
  insertMeeting,
  insertReport,
  listMeetingActions,
  listAttendees,
  listOpenActionsForUnit,
  listParticipants,
  listReports,
  listUnitsById,
  replaceAttendees,
  replaceParticipants,
  updateActionRow,
  updateMeetingRow,
} from './meetings.repo.js';
import { reportDiff } from './report-diff.js';
import { bumpDataVersion, countReportedAfter } from './situation.repo.js';
import { assertCanWriteScope, canReadMeeting, canUpdateAction } from './situation.policy.js';
import { reportsForCaller } from './report-access.js';
import { sharedSituationReport, situationScope } from './situation.service.js';

const SITUATION = 'situation';

type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

function summary(r: Omit<ReportRow, 'snapshot'>): FrozenReportSummary {
  return {
    id: r.id,
    area_id: r.area_id,
    week: r.week,
    frozen_at: new Date(r.frozen_at).toISOString(),
    frozen_by: r.frozen_by,
    meeting_id: r.meeting_id,
    confidentiality: r.confidentiality,
  };
}

function forbidden(reason: string): AppError {
  return new AppError('FORBIDDEN', { details: { reason } });
}

/**
 * Freezes a scope's week for the meeting: the figures as they are now, kept as they are whatever arrives
 * later. One per scope and week (CONFLICT otherwise). Audited.
 */
export async function freezeSituationReport(ctx: ServiceContext, input: FreezeReport): Promise<FrozenReportView> {
  const scope = await situationScope(ctx, input.area_id);
  assertCanWriteScope(ctx.principal, scope.ownerUnitId, 'freeze');
  if (await findReportByScope(ctx.db, ctx.organisation.id, scope.areaId, input.week)) {
    throw new AppError('CONFLICT', {
      details: { entity: 'situation_report', area_id: scope.areaId, week: input.week },
    });
  }
  // Assembled before the transaction: PGlite has one connection, and the snapshot needs no lock.
  // Everything the week holds: each reader of the frozen report sees it through reportsForCaller.
  const { report } = await sharedSituationReport(ctx, { area_id: input.area_id ?? undefined, week: input.week });
  const id = await inTransaction(ctx.db, async (trx) => {
    const reportId = await insertReport(trx, {
      organisation_id: ctx.organisation.id,
      area_id: scope.areaId,
      week: input.week,
      snapshot: report as unknown as Record<string, unknown>,
      frozen_by: ctx.actor,
      confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY.situation_report,
    }).catch((e: unknown) => {
      if ((e as { code?: string }).code === '23505')
        throw new AppError('CONFLICT', { details: { entity: 'situation_report', week: input.week } });
      throw e;
    });
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'situation_report',
      entityId: reportId,
      after: { area_id: scope.areaId, week: input.week, total: report.totals.count },
    });
    return reportId;
  });
  return getFrozenReport(ctx, id);
}

async function reportWithAccess(ctx: ServiceContext, id: string): Promise<ReportRow> {
  const row = await findReport(ctx.db, ctx.organisation.id, id, tierAccess(ctx.principal));
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'situation_report', id } });
  const participants = row.meeting_id ? (await listParticipants(ctx.db, row.meeting_id)).map((p) => p.id) : [];
  if (!canReadMeeting(ctx.principal, participants)) throw forbidden('not a participant of this meeting');
  return row;
}

/** A frozen report: the snapshot, the same figures now, and what changed since (late reports). */
export async function getFrozenReport(ctx: ServiceContext, id: string): Promise<FrozenReportView> {
  const row = await reportWithAccess(ctx, id);
  const snapshot = row.snapshot as unknown as SituationReport;
  const { report: shared, scope } = await sharedSituationReport(ctx, {
    area_id: row.area_id ?? undefined,
    week: row.week,
  });
  // The whole city's hidden points: the snapshot's lie in the neighbourhood rows of when it was frozen.
  const [frozenView, currentView] = await reportsForCaller(ctx, null, [snapshot, shared]);
  const frozen = frozenView?.report ?? snapshot;
  const current = currentView?.report ?? shared;
  const late = await countReportedAfter(
    ctx.db,
    {
      organisationId: ctx.organisation.id,
      areaIds: scope.areaIds,
      categoryIds: null,
      sources: null,
      timeZone: ctx.organisation.timeZone,
    },
    weekBounds(row.week, ctx.organisation.timeZone),
    new Date(row.frozen_at),
  );
  return { report: summary(row), frozen, current, diff: reportDiff(frozen, current, late) };
}

/** The frozen report of a scope and week, or NOT_FOUND. */
export async function findFrozenReport(
  ctx: ServiceContext,
  areaId: string | null,
  week: string,
): Promise<FrozenReportView> {
  const row = await findReportByScope(ctx.db, ctx.organisation.id, areaId, week);
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'situation_report', area_id: areaId, week } });
  return getFrozenReport(ctx, row.id);
}

/** Frozen reports, newest week first. */
export async function listFrozenReports(
  ctx: ServiceContext,
  query: { area_id?: string | undefined; from_week?: string | undefined },
): Promise<FrozenReportSummary[]> {
  return (
    await listReports(
      ctx.db,
      ctx.organisation.id,
      { areaId: query.area_id, fromWeek: query.from_week },
      tierAccess(ctx.principal),
    )
  ).map(summary);
}

async function checkUnits(db: Db, organisationId: string, ids: readonly string[], path: string): Promise<void> {
  const found = new Set((await listUnitsById(db, organisationId, ids)).map((u) => u.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', {
      details: missing.map((id) => ({ path, code: 'unknown_unit', message: `no unit ${id}` })),
    });
}

function attendeeUnits(attendees: ReadonlyArray<{ unit_id: string | null }>): string[] {
  return [...new Set(attendees.flatMap((a) => (a.unit_id ? [a.unit_id] : [])))];
}

async function writableReport(ctx: ServiceContext, reportId: string) {
  const row = await findReport(ctx.db, ctx.organisation.id, reportId);
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'situation_report', id: reportId } });
  const scope = await situationScope(ctx, row.area_id);
  assertCanWriteScope(ctx.principal, scope.ownerUnitId, 'meeting');
  return row;
}

/** Records the meeting about a frozen report: participants, redacted notes, decided actions. Audited. */
export async function createMeeting(ctx: ServiceContext, reportId: string, input: MeetingCreate): Promise<Meeting> {
  const report = await writableReport(ctx, reportId);
  if (report.meeting_id) throw new AppError('CONFLICT', { details: { entity: 'meeting', report_id: reportId } });
  await checkUnits(ctx.db, ctx.organisation.id, input.participants, 'participants');
  await checkUnits(ctx.db, ctx.organisation.id, attendeeUnits(input.attendees), 'attendees');
  await checkUnits(
    ctx.db,
    ctx.organisation.id,
    input.actions.map((a) => a.unit_id),
    'actions',
  );
  const notes = input.notes ? redactPersonalData(input.notes) : null;
  const id = await inTransaction(ctx.db, async (trx) => {
    const meetingId = await insertMeeting(trx, {
      organisation_id: ctx.organisation.id,
      report_id: reportId,
      held_at: new Date(input.held_at),
      notes: notes?.text || null,
      notes_redactions: notes?.count ?? 0,
      created_by: ctx.actor,
      confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY.meeting,
    });
    await replaceParticipants(trx, ctx.organisation.id, meetingId, [...new Set(input.participants)]);
    await replaceAttendees(trx, ctx.organisation.id, meetingId, input.attendees);
    for (const a of input.actions) await addActionRow(trx, ctx, meetingId, a);
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'meeting',
      entityId: meetingId,
      after: {
        report_id: reportId,
        held_at: input.held_at,
        participants: input.participants,
        attendees: input.attendees.length,
        notes_redactions: notes?.count ?? 0,
        actions: input.actions.length,
      },
    });
    return meetingId;
  });
  return getMeeting(ctx, id);
}

async function addActionRow(db: Db, ctx: ServiceContext, meetingId: string, a: MeetingActionCreate): Promise<string> {
  const title = redactPersonalData(a.title).text;
  const id = await insertAction(db, {
    organisation_id: ctx.organisation.id,
    meeting_id: meetingId,
    unit_id: a.unit_id,
    title,
    due_date: a.due_date,
    created_by: ctx.actor,
    confidentiality: a.confidentiality ?? DEFAULT_CONFIDENTIALITY.meeting_action,
  });
  await auditChange(db, ctx, {
    action: 'create',
    entityType: 'meeting_action',
    entityId: id,
    after: { meeting_id: meetingId, unit_id: a.unit_id, title, due_date: a.due_date },
  });
  return id;
}

/** The meeting once the caller may write its district's picture. */
async function writableMeeting(ctx: ServiceContext, meetingId: string) {
  const meeting = await findMeeting(ctx.db, ctx.organisation.id, meetingId);
  if (!meeting) throw new AppError('NOT_FOUND', { details: { entity: 'meeting', id: meetingId } });
  const scope = await situationScope(ctx, meeting.area_id);
  assertCanWriteScope(ctx.principal, scope.ownerUnitId, 'meeting');
  return meeting;
}

/** Changes a meeting's time, participants or notes (redacted again). Audited. */
export async function updateMeeting(
  ctx: ServiceContext,
  meetingId: string,
  input: MeetingUpdate,
  expectedVersion?: number,
): Promise<Meeting> {
  const notes = input.notes === undefined ? undefined : redactPersonalData(input.notes);
  await inTransaction(ctx.db, async (trx) => {
    const before = await lockForChange(
      trx,
      'meetings',
      'meeting',
      ctx.organisation.id,
      meetingId,
      expectedVersion,
      () => writableMeeting({ ...ctx, db: trx }, meetingId),
    );
    if (input.participants) await checkUnits(trx, ctx.organisation.id, input.participants, 'participants');
    if (input.attendees) await checkUnits(trx, ctx.organisation.id, attendeeUnits(input.attendees), 'attendees');
    await updateMeetingRow(trx, meetingId, {
      ...(input.held_at ? { held_at: new Date(input.held_at) } : {}),
      ...(notes ? { notes: notes.text || null, notes_redactions: notes.count } : {}),
      ...(input.confidentiality ? { confidentiality: input.confidentiality } : {}),
    });
    if (input.participants)
      await replaceParticipants(trx, ctx.organisation.id, meetingId, [...new Set(input.participants)]);
    if (input.attendees) await replaceAttendees(trx, ctx.organisation.id, meetingId, input.attendees);
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'meeting',
      entityId: meetingId,
      before: { held_at: new Date(before.held_at).toISOString(), notes_redactions: before.notes_redactions },
      after: {
        ...(input.held_at ? { held_at: input.held_at } : {}),
        ...(input.participants ? { participants: input.participants } : {}),
        ...(input.attendees ? { attendees: input.attendees.length } : {}),
        notes_changed: notes !== undefined,
      },
    });
  });
  return getMeeting(ctx, meetingId);
}

/** A meeting with participants and actions; notes only for readers of free text (not analysts). */
export async function getMeeting(ctx: ServiceContext, meetingId: string): Promise<Meeting> {
  const access = tierAccess(ctx.principal);
  const meeting = await findMeeting(ctx.db, ctx.organisation.id, meetingId, access);
  if (!meeting) throw new AppError('NOT_FOUND', { details: { entity: 'meeting', id: meetingId } });
  const [participants, attendees, actions] = await Promise.all([
    listParticipants(ctx.db, meetingId),
    listAttendees(ctx.db, meetingId),
    listMeetingActions(ctx.db, meetingId, access),
  ]);
  if (
    !canReadMeeting(
      ctx.principal,
      participants.map((p) => p.id),
    )
  )
    throw forbidden('not a participant of this meeting');
  const { shown } = freeTextGate(ctx.principal);
  return shown('meeting', {
    id: meeting.id,
    report_id: meeting.report_id,
    area_id: meeting.area_id,
    week: meeting.week,
    held_at: new Date(meeting.held_at).toISOString(),
    participants,
    attendees,
    notes: meeting.notes,
    notes_redactions: meeting.notes_redactions,
    actions: actions.map((a) => shown('meeting_action', toAction(a))),
    confidentiality: meeting.confidentiality,
    version: meeting.version,
  });
}

function toAction(a: Awaited<ReturnType<typeof listMeetingActions>>[number]): MeetingAction {
  return { ...a, closed_at: a.closed_at ? new Date(a.closed_at).toISOString() : null };
}

/** Adds a decided action to a meeting. Audited. */
export async function addMeetingAction(
  ctx: ServiceContext,
  meetingId: string,
  input: MeetingActionCreate,
): Promise<MeetingAction> {
  await writableMeeting(ctx, meetingId);
  await checkUnits(ctx.db, ctx.organisation.id, [input.unit_id], 'unit_id');
  const id = await inTransaction(ctx.db, async (trx) => {
    const actionId = await addActionRow(trx, ctx, meetingId, input);
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    return actionId;
  });
  return toAction((await findAction(ctx.db, ctx.organisation.id, id))!);
}

/** Moves an action to done or cancelled (or reopens it); the assignee unit, the district or an admin. Audited. */
export async function updateMeetingAction(
  ctx: ServiceContext,
  actionId: string,
  input: MeetingActionUpdate,
  expectedVersion?: number,
): Promise<MeetingAction> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await lockForChange(
      trx,
      'meeting_actions',
      'meeting_action',
      ctx.organisation.id,
      actionId,
      expectedVersion,
      async () => {
        const action = (await findAction(trx, ctx.organisation.id, actionId))!;
        const scope = await situationScope({ ...ctx, db: trx }, action.area_id);
        if (!canUpdateAction(ctx.principal, action.unit_id, scope.ownerUnitId))
          throw forbidden('neither the assignee unit nor the district');
        return action;
      },
    );
    await updateActionRow(trx, actionId, {
      status: input.status,
      status_note: input.note ? redactPersonalData(input.note).text : null,
      closed_at: input.status === 'open' ? null : new Date(),
    });
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'meeting_action',
      entityId: actionId,
      before: { status: before.status },
      after: { status: input.status },
    });
  });
  return toAction((await findAction(ctx.db, ctx.organisation.id, actionId))!);
}

/** A unit's open meeting actions as inbox items, soonest due first, with days left (negative: overdue). */
export async function meetingActionInboxItems(
  ctx: ServiceContext,
  unitId: string,
  today: string,
): Promise<InboxItem[]> {
  const rows = await listOpenActionsForUnit(ctx.db, ctx.organisation.id, unitId);
  return rows.map((r) => {
    const daysLeft = daysBetween(today, r.due_date);
    return {
      kind: 'meeting_action' as const,
      id: r.id,
      title: r.title,
      due_date: r.due_date,
      days_left: daysLeft,
      overdue: daysLeft < 0,
      meeting: { id: r.meeting_id, week: r.week, area_id: r.area_id, area_name: r.area_name ?? ctx.organisation.slug },
    };
  });
}
