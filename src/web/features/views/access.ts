import type { Me } from '../../../domain/auth.js';
import { POLICIES, type Policy } from '../../../domain/policies.js';

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
