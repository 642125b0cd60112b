import type { Me } from '../../../domain/auth.js';
import { POLICIES, type Policy, type UnitRole } from '../../../domain/policies.js';

/**
 * Whether the server's policy table lets the user call routes of `policy`; used only to decide what to show
 * (the server decides).
 */
export function allows(me: Me | null | undefined, policy: Policy): boolean {
  const { roles } = POLICIES[policy];
  if (roles === 'anyone') return true;
  if (!me) return false;
  return roles === 'signed_in' || me.memberships.some((m) => (roles as readonly string[]).includes(m.role));
}

/** The user's memberships in the shape the server's row rules (domain/policies.ts) take; none when signed out. */
export function unitRolesOf(me: Me | null | undefined): UnitRole[] {
  return me?.memberships.map((m) => ({ role: m.role, unit: m.unit_id })) ?? [];
}
