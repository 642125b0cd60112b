import type { Me } from '../../../domain/auth.js';
import type { Confidentiality } from '../../../domain/confidentiality.js';
import { type IncidentConfidentialityUpdate, IncidentConfidentialityUpdateSchema } from '../../../domain/incidents.js';
import { classifiesIncident } from '../../../domain/policies.js';

/**
 * The server's row rule for changing an incident's tier (domain/policies.ts), used here only to decide whether
 * to show the control: the assigned unit's editors and coordinators, the district's coordinators, admins.
 */
export function canClassifyIncident(me: Me | null | undefined, incident: { assignedUnitId: string | null; districtUnitId: string | null }): boolean {
  return Boolean(me) && classifiesIncident(me!.memberships.map((m) => ({ role: m.role, unit: m.unit_id })), incident);
}

/** The change as the API takes it, or 'unchanged' when the chosen tier is the current one (the only way it can fail). */
export function validateTier(from: Confidentiality, confidentiality: Confidentiality): IncidentConfidentialityUpdate | 'unchanged' {
  const result = IncidentConfidentialityUpdateSchema.safeParse({ from, confidentiality });
  return result.success ? result.data : 'unchanged';
}
