import { redactPersonalData } from '../../analysis/text/redact.js';
import { lockForChange } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { daysBetween, today } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import type { InboxItem } from '../../domain/meetings.js';
import {
  type ContributionRequest,
  REQUEST_TRANSITIONS,
  type RequestCreate,
  type RequestListQuery,
  type RequestStatus,
} from '../../domain/requests.js';
import { heavyReadContext, type ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { freeTextGate } from '../auth/free-text.js';
import { assertCanEditForUnit, canActForUnit, tierAccess } from '../../core/policy.js';
import { DEFAULT_CONFIDENTIALITY } from '../../domain/confidentiality.js';
import { findPlaceRef, findUnit } from '../../core/tenancy.repo.js';
import { assertProblemsExist } from '../problems/problems.service.js';
import { findRequest, insertRequest, listRequestRows, type RequestRow, updateRequestRow } from './requests.repo.js';

const OPEN: readonly RequestStatus[] = ['requested', 'accepted'];

function toRequest(ctx: ServiceContext, r: RequestRow, day: string): ContributionRequest {
  const { shown } = freeTextGate(ctx.principal);
  return shown('request', {
    id: r.id,
    from_unit: { id: r.from_unit_id, name: r.from_unit_name },
    to_unit: { id: r.to_unit_id, name: r.to_unit_name },
    problem: shown('problem', { id: r.problem_id, title: r.problem_title }),
    place: r.place_id && r.place_name ? { id: r.place_id, name: r.place_name } : null,
    what: r.what,
    due_date: r.due_date,
    status: r.status,
    answer: r.answer,
    answered_at: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    overdue: OPEN.includes(r.status) && r.due_date < day,
    created_at: new Date(r.created_at).toISOString(),
    confidentiality: r.confidentiality,
    version: r.version,
  });
}

/** A district (or any unit) calls on another unit for a problem; the sender's editors and coordinators may. */
export async function createRequest(ctx: ServiceContext, input: RequestCreate): Promise<ContributionRequest> {
  const org = ctx.organisation.id;
  for (const [path, id] of [
    ['from_unit_id', input.from_unit_id],
    ['to_unit_id', input.to_unit_id],
  ] as const) {
    if (!(await findUnit(ctx.db, org, id)))
      throw new AppError('VALIDATION_FAILED', { details: [{ path, code: 'unknown_unit', message: 'no such unit' }] });
  }
  await assertProblemsExist(ctx, [input.problem_id], 'problem_id');
  if (input.place_id && !(await findPlaceRef(ctx.db, org, input.place_id)))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'place_id', code: 'unknown_place', message: 'no such place' }],
    });
  assertCanEditForUnit(ctx.principal, input.from_unit_id, 'contribution request');
  const id = await inTransaction(ctx.db, async (trx) => {
    const requestId = await insertRequest(trx, {
      organisation_id: org,
      from_unit_id: input.from_unit_id,
      to_unit_id: input.to_unit_id,
      problem_id: input.problem_id,
      place_id: input.place_id ?? null,
      what: redactPersonalData(input.what).text,
      due_date: input.due_date,
      created_by: ctx.actor,
      answer: null,
      answered_at: null,
      confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY.request,
    });
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'contribution_request',
      entityId: requestId,
      after: { ...input, what: '[text]' },
    });
    return requestId;
  });
  return getRequest(ctx, id);
}

async function requestRow(ctx: ServiceContext, id: string): Promise<RequestRow> {
  const row = await findRequest(ctx.db, ctx.organisation.id, id, tierAccess(ctx.principal));
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'contribution_request', id } });
  return row;
}

/** One request. */
export async function getRequest(ctx: ServiceContext, id: string): Promise<ContributionRequest> {
  return toRequest(ctx, await requestRow(ctx, id), today(ctx.organisation.timeZone));
}

/** Requests sent or received by a unit (or all), soonest due first. */
export async function listRequests(caller: ServiceContext, query: RequestListQuery): Promise<ContributionRequest[]> {
  const ctx = heavyReadContext(caller);
  const day = today(ctx.organisation.timeZone);
  return (
    await listRequestRows(
      ctx.db,
      ctx.organisation.id,
      { unitId: query.unit_id, problemId: query.problem_id, status: query.status },
      tierAccess(ctx.principal),
    )
  ).map((r) => toRequest(ctx, r, day));
}

/**
 * The receiving unit answers: accept, decline with a reason, deliver with a note. Only its members (not
 * analysts) and admins; a change the status graph does not allow is INVALID_TRANSITION (409).
 */
export async function answerRequest(
  ctx: ServiceContext,
  id: string,
  status: Exclude<RequestStatus, 'requested'>,
  text: string | undefined,
  expectedVersion?: number,
): Promise<ContributionRequest> {
  await inTransaction(ctx.db, async (trx) => {
    // Checked on the locked row: of two answers at once (accept and decline), one is made and the other refused.
    const before = await lockForChange(
      trx,
      'contribution_requests',
      'contribution_request',
      ctx.organisation.id,
      id,
      expectedVersion,
      async () => {
        const row = await requestRow({ ...ctx, db: trx }, id);
        if (!canActForUnit(ctx.principal, row.to_unit_id))
          throw new AppError('FORBIDDEN', { details: { reason: 'not a member of the receiving unit' } });
        return row;
      },
    );
    if (!REQUEST_TRANSITIONS[before.status].includes(status)) {
      throw new AppError('INVALID_TRANSITION', {
        details: {
          entity: 'contribution_request',
          from: before.status,
          to: status,
          allowed: REQUEST_TRANSITIONS[before.status],
        },
      });
    }
    const answer = text ? redactPersonalData(text).text : before.answer;
    await updateRequestRow(trx, id, { status, answer, answered_at: new Date() });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'contribution_request',
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
  });
  return getRequest(ctx, id);
}

/**
 * Inbox source: open requests the unit received, and — escalation — open requests it sent that are
 * overdue, so both sides see a late request.
 */
export async function requestInboxItems(ctx: ServiceContext, unitId: string, day: string): Promise<InboxItem[]> {
  const rows = await listRequestRows(ctx.db, ctx.organisation.id, { unitId, openOnly: true });
  return rows
    .filter((r) => r.to_unit_id === unitId || r.due_date < day)
    .map((r) => {
      const receiver = r.to_unit_id === unitId;
      const daysLeft = daysBetween(day, r.due_date);
      return {
        kind: 'contribution_request' as const,
        id: r.id,
        title: r.what.slice(0, 200),
        due_date: r.due_date,
        days_left: daysLeft,
        overdue: daysLeft < 0,
        role: receiver ? ('receiver' as const) : ('sender' as const),
        status: r.status,
        counterpart: receiver
          ? { id: r.from_unit_id, name: r.from_unit_name }
          : { id: r.to_unit_id, name: r.to_unit_name },
        problem: { id: r.problem_id, title: r.problem_title },
        place: r.place_id && r.place_name ? { id: r.place_id, name: r.place_name } : null,
      };
    });
}

/** Open requests past due on `day` (for the quality report). */
export async function overdueRequests(
  ctx: ServiceContext,
  day: string = today(ctx.organisation.timeZone),
): Promise<RequestRow[]> {
  return (await listRequestRows(ctx.db, ctx.organisation.id, { openOnly: true })).filter((r) => r.due_date < day);
}
