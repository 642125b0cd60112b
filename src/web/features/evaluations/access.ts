import type { Me } from '../../../domain/auth.js';
import type { Measure } from '../../../domain/measures.js';
import { coordinatesUnit, editsForUnit } from '../../../domain/policies.js';
import { allows, unitRolesOf } from '../views/access.js';

/**
 * The server's row rule for designing a measure's evaluation, used here only to decide what to show: the
 * editors and coordinators of its responsible unit, the coordinators of its contributing units and of its
 * problems' districts, and admins.
 */
export function mayEvaluate(
  me: Me | null | undefined,
  measure: Pick<Measure, 'responsible_unit' | 'contributing_units' | 'problems'>,
): boolean {
  if (!allows(me, 'evaluations:write')) return false;
  const roles = unitRolesOf(me);
  if (editsForUnit(roles, measure.responsible_unit.id)) return true;
  const units = [...measure.contributing_units.map((u) => u.id), ...measure.problems.map((p) => p.owner_unit_id)];
  return units.some((u) => coordinatesUnit(roles, u));
}
