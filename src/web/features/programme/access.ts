import type { Me, Role } from '../../../domain/auth.js';
import { POLICIES } from '../../../domain/policies.js';

// The server's policy table and row rules (core/policy.ts), used here only to decide what to show.
const has = (me: Me | null | undefined, roles: readonly Role[]) => Boolean(me?.memberships.some((m) => roles.includes(m.role)));
export const canReadProgramme = (me: Me | null | undefined) => has(me, POLICIES['programme:read'].roles);

/** A unit's own records are edited by its editors and coordinators (and admins). */
export function canEditForUnit(me: Me | null | undefined, unitId: string): boolean {
  return Boolean(me?.memberships.some((m) => m.role === 'admin' || (m.unit_id === unitId && (m.role === 'unit_editor' || m.role === 'coordinator'))));
}

/** Acting for a unit (answering its requests): its members except analysts, and admins. */
export function canActForUnit(me: Me | null | undefined, unitId: string): boolean {
  return Boolean(me?.memberships.some((m) => m.role === 'admin' || (m.unit_id === unitId && m.role !== 'analyst')));
}

const isAdmin = (me: Me | null | undefined) => Boolean(me?.memberships.some((m) => m.role === 'admin'));

/**
 * The units the user may record problems, measures and requests for, from `all` (the organisation's
 * units): every unit for an admin, else the units where the user edits.
 */
export function editableUnits<U extends { id: string }>(me: Me | null | undefined, all: readonly U[]): U[] {
  if (isAdmin(me)) return [...all];
  return all.filter((u) => canEditForUnit(me, u.id));
}

/** `preferred` when the user may edit for it, else the first unit they may edit for. */
export function defaultUnit<U extends { id: string }>(me: Me | null | undefined, all: readonly U[], preferred: string | null | undefined): string {
  const units = editableUnits(me, all);
  return units.find((u) => u.id === preferred)?.id ?? units[0]?.id ?? '';
}
