import type { Role } from './auth.js';

/**
 * Shared by server and web (the web only uses it to decide what to show; the server decides).
 * Every route names one of these; the roles (and for API tokens the scope) that may use it are here and
 * nowhere else. 'public' is open to all; 'signed_in' to any account.
 */
export const POLICIES = {
  public: { roles: 'anyone' },
  signed_in: { roles: 'signed_in' },
  'incidents:read': {
    roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'],
    scope: 'incidents:read',
  },
  'incidents:create': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer'], scope: 'incidents:write' },
  'incidents:update': { roles: ['admin', 'coordinator', 'unit_editor'], scope: 'incidents:write' },
  'categories:manage': { roles: ['admin'] },
  'imports:run': { roles: ['admin', 'coordinator'], scope: 'imports:run' },
  'audit:read': { roles: ['admin'] },
  'gdpr:manage': { roles: ['admin'] },
  'users:manage': { roles: ['admin'] },
  // Background jobs are the installation's, not one organisation's: their names, states and error messages.
  'jobs:read': { roles: ['admin'] },
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
  // Records requests (issue 6, item 5): releasing documents is the registrar's decision; admins act as registrar.
  'records:export': { roles: ['admin'] },
  // Keys of trusted Open311 clients (systems reporting more than an address may) are issued by admins.
  'open311:keys': { roles: ['admin'] },
  // The programme as a governing document (issue 16): everyone with a role reads every version, drafts
  // included; the city's coordinating office edits — admins until that office has a role of its own.
  'programmes:read': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'] },
  'programmes:manage': { roles: ['admin'] },
  // Consultation rounds: a consulted unit's editors and coordinators answer; they and the office read.
  'consultations:respond': { roles: ['coordinator', 'unit_editor'] },
  'consultations:read': { roles: ['admin', 'coordinator', 'unit_editor'] },
  // The documents of Lag (2023:196) (issue 16): a district's coordinators draft, edit and adopt its own
  // (row rule in law-documents.policy.ts), admins the city's and any district's. Reading is open: staff read
  // every version, everyone else only what the council adopted.
  'law_documents:write': { roles: ['admin', 'coordinator'] },
  // Safety surveys (issue 18): published aggregates, read by everyone with a role; importing results is the
  // same city-level job as importing incidents.
  'surveys:read': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'] },
  'surveys:import': { roles: ['admin', 'coordinator'], scope: 'imports:run' },
  // Safety walks (issue 18 part 1): staff and partners who walk read and capture (row rule: a member of the
  // organising or an invited unit); the organising unit's editors and coordinators plan; the checklist is the
  // city's, kept by admins and coordinators. Analysts work with aggregates and do not read walk notes.
  'walks:read': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer'] },
  'walks:plan': { roles: ['admin', 'coordinator', 'unit_editor'] },
  'walks:capture': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer'] },
  'walks:checklist': { roles: ['admin', 'coordinator'] },
  // The reporting cycle (issue 16 part 3): the city's office (admins) opens and closes periods; a unit's
  // editors and coordinators write its follow-up (row rule: editsForUnit); staff who read free text read the
  // submitted follow-ups and the compiled report (a draft stays its unit's until submitted).
  'reporting:manage': { roles: ['admin'] },
  'reporting:read': { roles: ['admin', 'coordinator', 'unit_editor'] },
  'reporting:respond': { roles: ['admin', 'coordinator', 'unit_editor'] },
  // Evaluations (issue 17): everyone on staff reads designs and results, drafts included (analysts too: the
  // figures are aggregates); the measure's responsible unit and the coordinators of its units and problems'
  // districts write (row rule in evaluations.service.ts). The public reads published evaluations only.
  'evaluations:read': { roles: ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'] },
  'evaluations:write': { roles: ['admin', 'coordinator', 'unit_editor'] },
  // Monthly visitors and opening hours of a place: kept by the editors of the unit that owns it.
  'place_figures:write': { roles: ['admin', 'coordinator', 'unit_editor'] },
} as const satisfies Record<string, { roles: 'anyone' | 'signed_in' | readonly Role[]; scope?: string }>;
export type Policy = keyof typeof POLICIES;

/** Free text can hold sensitive detail: analysts work with aggregates only, and the public never sees it. */
export const FREE_TEXT_ROLES: readonly Role[] = ['admin', 'coordinator', 'unit_editor', 'partner_viewer'];

/** A role held in a unit: the shape every row rule takes (the server maps its principal to it, the web its `/auth/me`). */
export interface UnitRole {
  role: Role;
  unit: string;
}

/** The row rule of a unit's own records (problems, measures, requests sent): its editors and coordinators, and admins. */
export function editsForUnit(memberships: readonly UnitRole[], unitId: string): boolean {
  return memberships.some(
    (m) => m.role === 'admin' || (m.unit === unitId && (m.role === 'unit_editor' || m.role === 'coordinator')),
  );
}

/** The row rule of acting for a unit (answering its requests, working its inbox): its members except analysts, and admins. */
export function actsForUnit(memberships: readonly UnitRole[], unitId: string): boolean {
  return memberships.some((m) => m.role === 'admin' || (m.unit === unitId && m.role !== 'analyst'));
}

/**
 * The row rule of 'agreements:write': a district's local agreements are its coordinators' (and admins') to
 * record, edit and review. A coordinator elsewhere who only edits for this district may not.
 */
export function coordinatesUnit(memberships: readonly UnitRole[], unitId: string): boolean {
  return memberships.some((m) => m.role === 'admin' || (m.role === 'coordinator' && m.unit === unitId));
}

/**
 * The row rule of every change to an incident (status, closure, forwarding, notes, assignment, tier): the
 * editors and coordinators of the unit it is assigned to (who work it) and of the unit that reported it, the
 * coordinators of its district's unit, and admins.
 */
export function worksIncident(
  memberships: readonly UnitRole[],
  incident: { assignedUnitId: string | null; reportingUnitId: string | null; districtUnitId: string | null },
): boolean {
  return memberships.some(
    (m) =>
      m.role === 'admin' ||
      ((m.unit === incident.assignedUnitId || m.unit === incident.reportingUnitId) &&
        (m.role === 'unit_editor' || m.role === 'coordinator')) ||
      (m.unit === incident.districtUnitId && m.role === 'coordinator'),
  );
}
