import type { Principal, Role } from '../../domain/auth.js';
import { AppError } from '../../domain/errors.js';

/**
 * Row-level rules of the situation picture, on top of the route policies in core/policy.ts (which only say
 * which roles may call a route at all).
 */
type User = Extract<Principal, { kind: 'user' }>;

function has(principal: User, role: Role, unitId?: string | null): boolean {
  return principal.memberships.some((m) => m.role === role && (unitId === undefined || m.unitId === unitId));
}

/**
 * Writing a district's picture (thresholds, ratings, annotations, freezing, meetings, actions): its own
 * coordinators and admins; the whole city's (ownerUnitId null): admins only.
 */
export function canWriteScope(principal: Principal, ownerUnitId: string | null): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind !== 'user') return false;
  return has(principal, 'admin') || (ownerUnitId !== null && has(principal, 'coordinator', ownerUnitId));
}

/** Throws FORBIDDEN unless `canWriteScope`. */
export function assertCanWriteScope(principal: Principal, ownerUnitId: string | null, what: string): void {
  if (!canWriteScope(principal, ownerUnitId))
    throw new AppError('FORBIDDEN', { details: { reason: `not a coordinator of this district (${what})` } });
}

const STAFF: readonly Role[] = ['admin', 'coordinator', 'unit_editor', 'analyst'];

/**
 * Frozen reports and meetings: staff and analysts read all; a partner (the police) only those of meetings
 * one of its units takes part in.
 */
export function canReadMeeting(principal: Principal, participantUnitIds: readonly string[]): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind !== 'user') return false;
  if (principal.memberships.some((m) => STAFF.includes(m.role))) return true;
  return principal.memberships.some((m) => m.role === 'partner_viewer' && participantUnitIds.includes(m.unitId));
}

/**
 * Marking an action done or cancelled: the assignee unit's own people (not analysts), the district's
 * coordinators and admins.
 */
export function canUpdateAction(principal: Principal, assigneeUnitId: string, ownerUnitId: string | null): boolean {
  if (canWriteScope(principal, ownerUnitId)) return true;
  if (principal.kind !== 'user') return false;
  return principal.memberships.some((m) => m.unitId === assigneeUnitId && m.role !== 'analyst');
}
