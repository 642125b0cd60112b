import type { Principal, Role } from '../../domain/auth.js';

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
