import type { Me } from '../../../domain/auth.js';
import type { Confidentiality } from '../../../domain/confidentiality.js';
import { type IncidentConfidentialityUpdate, IncidentConfidentialityUpdateSchema } from '../../../domain/incidents.js';
import { worksIncident } from '../../../domain/policies.js';
import { unitRolesOf } from '../views/access.js';

/**
 * The server's row rule for changing an incident (domain/policies.ts): status, assignment and tier. Used here
 * only to decide whether to show the forms: the assigned and reporting units' editors and coordinators, the
 * district's coordinators, admins.
 */
export function canWorkIncident(
  me: Me | null | undefined,
  incident: { assignedUnitId: string | null; reportingUnitId: string | null; districtUnitId: string | null },
): boolean {
  return worksIncident(unitRolesOf(me), incident);
}

/** The change as the API takes it, or 'unchanged' when the chosen tier is the current one (the only way it can fail). */
export function validateTier(
  from: Confidentiality,
  confidentiality: Confidentiality,
): IncidentConfidentialityUpdate | 'unchanged' {
  const result = IncidentConfidentialityUpdateSchema.safeParse({ from, confidentiality });
  return result.success ? result.data : 'unchanged';
}
