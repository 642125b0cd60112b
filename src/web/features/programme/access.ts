import type { Me } from '../../../domain/auth.js';
import { actsForUnit, editsForUnit } from '../../../domain/policies.js';
import { allows, unitRolesOf } from '../views/access.js';

// The server's policy table and row rules (domain/policies.ts), used here only to decide what to show.
export const canReadProgramme = (me: Me | null | undefined) => allows(me, 'programme:read');

/** A unit's own records are edited by its editors and coordinators (and admins). */
export function canEditForUnit(me: Me | null | undefined, unitId: string): boolean {
  return editsForUnit(unitRolesOf(me), unitId);
}

/** Acting for a unit (answering its requests): its members except analysts, and admins. */
export function canActForUnit(me: Me | null | undefined, unitId: string): boolean {
  return actsForUnit(unitRolesOf(me), unitId);
}

/**
 * The units the user may record problems, measures and requests for, from `all` (the organisation's
 * units): every unit for an admin, else the units where the user edits.
 */
export function editableUnits<U extends { id: string }>(me: Me | null | undefined, all: readonly U[]): U[] {
  return all.filter((u) => canEditForUnit(me, u.id));
}

/** `preferred` when the user may edit for it, else the first unit they may edit for. */
export function defaultUnit<U extends { id: string }>(
  me: Me | null | undefined,
  all: readonly U[],
  preferred: string | null | undefined,
): string {
  const units = editableUnits(me, all);
  return units.find((u) => u.id === preferred)?.id ?? units[0]?.id ?? '';
}
