import type { Principal, Role } from '../../domain/auth.js';
import { AppError } from '../../domain/errors.js';

/**
 * Every route names one of these; the roles (and for API tokens the scope) that may use it are here and
 * nowhere else. 'public' is open to all; 'signed_in' to any account.
 */
export const POLICIES = {
  public: { roles: 'anyone' },
  signed_in: { roles: 'signed_in' },
  'incidents:read': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'], scope: 'incidents:read' },
  'incidents:create': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer'], scope: 'incidents:write' },
  'incidents:update': { roles: ['admin', 'coordinator', 'unit_editor'], scope: 'incidents:write' },
  'categories:manage': { roles: ['admin'] },
  'imports:run': { roles: ['admin', 'coordinator'], scope: 'imports:run' },
  'audit:read': { roles: ['admin'] },
  'gdpr:manage': { roles: ['admin'] },
  'users:manage': { roles: ['admin'] },
  // Situation picture (issue 4): live figures are aggregates for staff and analysts; coordinators write for
  // their own district (checked per row in situation.policy.ts), admins everywhere; police and other partners
  // read the frozen reports of meetings their unit takes part in; units work their own inbox and actions.
  'situation:read': { roles: ['admin', 'coordinator', 'unit_editor', 'analyst'] },
  'situation:write': { roles: ['admin', 'coordinator'] },
  'meetings:read': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'] },
  'actions:update': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer'] },
  'inbox:read': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer'] },
  // The programme (issue 5): everyone on staff and partners read problems, measures and requests (analysts
  // without free text); units write their own (row rules: canEditForUnit); the receiving unit answers a
  // request, partners included (the police deliver too); admins keep the responsibility matrix.
  'programme:read': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'] },
  'programme:write': { roles: ['admin', 'coordinator', 'unit_editor'] },
  'requests:answer': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer'] },
  'responsibility:manage': { roles: ['admin'] },
  'assignments:override': { roles: ['admin', 'coordinator', 'unit_editor'] },
  'quality:read': { roles: ['admin', 'coordinator', 'unit_editor', 'analyst'] },
  'agreements:write': { roles: ['admin', 'coordinator'] },
} as const satisfies Record<string, { roles: 'anyone' | 'signed_in' | readonly Role[]; scope?: string }>;
export type Policy = keyof typeof POLICIES;

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

/** Free text can hold sensitive detail: analysts work with aggregates only, and the public never sees it. */
export function canReadFreeText(principal: Principal): boolean {
  if (principal.kind === 'system') return true;
  const roles = rolesOf(principal);
  return ['admin', 'coordinator', 'unit_editor', 'partner_viewer'].some((r) => roles.has(r as Role));
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
