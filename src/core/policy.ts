import type { Principal, Role } from '../domain/auth.js';
import {
  actsForUnit,
  coordinatesUnit,
  editsForUnit,
  FREE_TEXT_ROLES,
  POLICIES,
  type Policy,
  type UnitRole,
  worksIncident,
} from '../domain/policies.js';
import { AppError } from '../domain/errors.js';
import type { Confidentiality } from '../domain/confidentiality.js';

export { POLICIES, type Policy } from '../domain/policies.js';

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

/** A unit's own records are edited by its editors and coordinators (and admins): `editsForUnit`. */
export function canEditForUnit(principal: Principal, unitId: string): boolean {
  return principal.kind === 'system' || editsForUnit(membershipsOf(principal), unitId);
}

/** Throws FORBIDDEN unless `canEditForUnit`; `what` names the record for the client and the log. */
export function assertCanEditForUnit(principal: Principal, unitId: string, what: string): void {
  if (!canEditForUnit(principal, unitId))
    throw new AppError('FORBIDDEN', { details: { reason: `not an editor of the responsible unit (${what})` } });
}

/** The caller's memberships in the shape the domain's row rules take. */
function membershipsOf(principal: Principal): UnitRole[] {
  return principal.kind === 'user' ? principal.memberships.map((m) => ({ role: m.role, unit: m.unitId })) : [];
}

/** Throws FORBIDDEN unless the caller coordinates the unit or is an admin (`coordinatesUnit`: local agreements). */
export function assertCoordinatesUnit(principal: Principal, unitId: string, what: string): void {
  if (principal.kind === 'system') return;
  if (!coordinatesUnit(membershipsOf(principal), unitId))
    throw new AppError('FORBIDDEN', { details: { reason: `not a coordinator of the district (${what})` } });
}

/** The units an incident answers to, as `worksIncident` takes them. */
interface IncidentOwners {
  assignedUnitId: string | null;
  reportingUnitId: string | null;
  districtUnitId: string | null;
}

/** Throws FORBIDDEN unless the caller may change the incident (`worksIncident`); `what` names the change. */
export function assertWorksIncident(principal: Principal, incident: IncidentOwners, what: string): void {
  if (principal.kind === 'system') return;
  if (!worksIncident(membershipsOf(principal), incident))
    throw new AppError('FORBIDDEN', {
      details: { reason: `not of the assigned or reporting unit or a coordinator of the district (incident ${what})` },
    });
}

/** Acting for a unit (answering its requests, working its inbox): its members except analysts, and admins: `actsForUnit`. */
export function canActForUnit(principal: Principal, unitId: string): boolean {
  return principal.kind === 'system' || actsForUnit(membershipsOf(principal), unitId);
}

/**
 * What a caller may browse by confidentiality tier (docs/confidentiality.md): admins and the system all;
 * city staff (coordinators, unit editors, analysts) `public`, `partner` and `municipal`; partners `public`,
 * and `partner` only where a record is shared with one of their units; the public `public` only. Any tier,
 * `restricted` included, is open to the units that own the record. Repositories turn this into SQL with
 * `visibleTo` (core/visibility.repo.ts), so the rule is applied in one way everywhere.
 */
export type TierAccess =
  | { all: true }
  | { all: false; tiers: readonly Confidentiality[]; ownUnitIds: readonly string[]; partnerUnitIds: readonly string[] };

const STAFF_ROLES: readonly Role[] = ['coordinator', 'unit_editor', 'analyst'];

export function tierAccess(principal: Principal): TierAccess {
  if (principal.kind === 'system') return { all: true };
  if (principal.kind === 'anonymous') return { all: false, tiers: ['public'], ownUnitIds: [], partnerUnitIds: [] };
  if (principal.memberships.some((m) => m.role === 'admin')) return { all: true };
  const staff = principal.memberships.some((m) => STAFF_ROLES.includes(m.role));
  return {
    all: false,
    tiers: staff ? ['public', 'partner', 'municipal'] : ['public'],
    ownUnitIds: [...new Set(principal.memberships.map((m) => m.unitId))],
    partnerUnitIds: [...new Set(principal.memberships.filter((m) => m.role === 'partner_viewer').map((m) => m.unitId))],
  };
}
