import type { ServiceContext } from '../../core/context.js';
import type { Principal } from '../../domain/auth.js';
import { invitationState, type ConsultationResponse } from '../../domain/consultations.js';
import { localDay } from '../../domain/calendar/index.js';
import type { ResponseRow, StatementRow } from './consultations.repo.js';

/** A response as the API shows it, its state counted at `now` in the organisation's zone. */
export function toResponse(
  ctx: ServiceContext,
  row: ResponseRow,
  statements: readonly StatementRow[],
  now: Date,
): ConsultationResponse {
  return {
    id: row.id,
    round_id: row.round_id,
    version: { id: row.version_id, title: row.version_title },
    unit: { id: row.unit_id, name: row.unit_name },
    deadline: row.deadline,
    status: row.status,
    state: invitationState(row, row.deadline, ctx.organisation.timeZone, now),
    summary: row.summary,
    submitted_at: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    sections: statements
      .filter((s) => s.response_id === row.id)
      .map((s) => ({
        section_key: s.section_key,
        statement: s.statement,
        proposal: s.proposal,
        handling: s.handling,
        handling_reason: s.handling_reason,
      })),
  };
}

/** The local day an instant fell on, for "sent on". */
export const dayOf = (ctx: ServiceContext, at: Date) => localDay(at, ctx.organisation.timeZone);

/**
 * Who answers for a unit: its editors and coordinators (the system for the seed). An admin of the
 * coordinating office reads every response but answers only for units it is a member of.
 */
export function answersForUnit(principal: Principal, unitId: string): boolean {
  if (principal.kind === 'system') return true;
  return (
    principal.kind === 'user' &&
    principal.memberships.some((m) => m.unitId === unitId && (m.role === 'unit_editor' || m.role === 'coordinator'))
  );
}

/** Whether the caller reads every response (the coordinating office: admins, and the system). */
export function readsAllResponses(principal: Principal): boolean {
  return (
    principal.kind === 'system' || (principal.kind === 'user' && principal.memberships.some((m) => m.role === 'admin'))
  );
}

/** The units the caller answers for. */
export function answeringUnits(principal: Principal): string[] {
  return principal.kind === 'user'
    ? principal.memberships.filter((m) => m.role === 'unit_editor' || m.role === 'coordinator').map((m) => m.unitId)
    : [];
}
