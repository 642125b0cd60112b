import { today } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import type { Principal } from '../../domain/auth.js';
import type { InboxItem } from '../../domain/meetings.js';
import type { ServiceContext } from '../../core/context.js';
import { agreementInboxItems } from '../agreements/agreements.service.js';
import { consultationInboxItems } from '../consultations/consultation-responses.service.js';
import { findUnit } from '../../core/tenancy.repo.js';
import { requestInboxItems } from '../requests/requests.service.js';
import { incidentInboxItems } from '../responsibility/responsibility.service.js';
import { meetingActionInboxItems } from '../situation/meetings.service.js';

/** One kind of work that lands in a unit's inbox; each source lists the unit's open items of its kind. */
export type InboxSource = (ctx: ServiceContext, unitId: string, today: string) => Promise<InboxItem[]>;

/**
 * The sources, one per item kind: meeting actions, contribution requests, incidents routed by the matrix, agreement
 * reviews, consultations to answer.
 */
const SOURCES: readonly InboxSource[] = [
  meetingActionInboxItems,
  requestInboxItems,
  incidentInboxItems,
  agreementInboxItems,
  consultationInboxItems,
];

/** A unit's inbox is for its members (not analysts, who work with aggregates) and admins. */
function canReadInbox(principal: Principal, unitId: string): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind !== 'user') return false;
  return principal.memberships.some((m) => m.role === 'admin' || (m.unitId === unitId && m.role !== 'analyst'));
}

/**
 * A unit's inbox: the open items of every source, soonest due first (overdue ones on top). Its members
 * (not analysts) and admins may read it.
 */
export async function getInbox(ctx: ServiceContext, unitId: string): Promise<{ unit_id: string; items: InboxItem[] }> {
  if (!(await findUnit(ctx.db, ctx.organisation.id, unitId)))
    throw new AppError('NOT_FOUND', { details: { entity: 'unit', id: unitId } });
  if (!canReadInbox(ctx.principal, unitId))
    throw new AppError('FORBIDDEN', { details: { reason: 'not a member of this unit' } });
  const day = today(ctx.organisation.timeZone);
  const items = (await Promise.all(SOURCES.map((source) => source(ctx, unitId, day)))).flat();
  return { unit_id: unitId, items: items.sort((a, b) => a.due_date.localeCompare(b.due_date)) };
}
