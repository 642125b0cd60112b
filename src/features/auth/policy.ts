import type { Principal, Role } from '../../domain/auth.js';
import { FREE_TEXT_ROLES, POLICIES, type Policy } from '../../domain/policies.js';
import { AppError } from '../../domain/errors.js';

export { POLICIES, type Policy } from '../../domain/policies.js';

export function rolesOf(principal: Principal): Set<Role> {
  return new Set(principal.kind === 'user' ? principal.memberships.map((m) => m.role) : []);
}

/** 'ok', or why not: the caller must sign in, or is signed in and lacks the role or scope. */
export function checkPolicy(principal: Principal, policy: Policy): 'ok' | 'unauthenticated' | 'forbidden' {
  const rule: { roles: 'anyone' | 'signed_in' | readonly Role[]; scope?: string } = POLICIES[policy];
  if (rule.roles === 'anyone' || principal.kind === 'system') return 'ok';
  if (principal.kind === 'anonymous') return 'unauthenticated';
  if (rule.roles === 'signed_in') return principal.scopes === null ? 'ok' : 'forbidden';
  const roles = rolesOf(principal);
  if (!rule.roles.some((r) => roles.has(r))) return 'forbidden';
  if (principal.scopes !== null && (!rule.scope || !principal.scopes.includes(rule.scope))) return 'forbidden';
  return 'ok';
}

/** Whether the caller may read free text (FREE_TEXT_ROLES). */
export function canReadFreeText(principal: Principal): boolean {
  if (principal.kind === 'system') return true;
  const roles = rolesOf(principal);
  return FREE_TEXT_ROLES.some((r) => roles.has(r));
}

/** A unit's own records are edited by its editors and coordinators (and admins). */
export function canEditForUnit(principal: Principal, unitId: string): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind !== 'user') return false;
  return principal.memberships.some((m) => m.role === 'admin' || (m.unitId === unitId && (m.role === 'unit_editor' || m.role === 'coordinator')));
}

/** Throws FORBIDDEN unless `canEditForUnit`; `what` names the record for the client and the log. */
export function assertCanEditForUnit(principal: Principal, unitId: string, what: string): void {
  if (!canEditForUnit(principal, unitId)) throw new AppError('FORBIDDEN', { details: { reason: `not an editor of the responsible unit (${what})` } });
}

/** Acting for a unit (answering its requests, working its inbox): its members except analysts, and admins. */
export function canActForUnit(principal: Principal, unitId: string): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind !== 'user') return false;
  return principal.memberships.some((m) => m.role === 'admin' || (m.unitId === unitId && m.role !== 'analyst'));
}
