import type { Principal } from '../../domain/auth.js';
import { AppError } from '../../domain/errors.js';
import { PUBLISHED_LAW_DOCUMENT_STATUSES, type LawDocumentStatus } from '../../domain/law-documents.js';
import { assertCoordinatesUnit, rolesOf } from '../../core/policy.js';

/** Staff who read every version, drafts included; everyone else (the public, partners) reads adopted ones. */
const STAFF_READERS = ['admin', 'coordinator', 'unit_editor', 'analyst'] as const;

/** The statuses the caller may read; undefined for all. */
export function readableLawStatuses(principal: Principal): readonly LawDocumentStatus[] | undefined {
  if (principal.kind === 'system') return undefined;
  const roles = rolesOf(principal);
  return STAFF_READERS.some((r) => roles.has(r)) ? undefined : PUBLISHED_LAW_DOCUMENT_STATUSES;
}

/**
 * The row rule of drafting, editing and adopting: a district's documents are its coordinators' (and
 * admins'); the whole city's are the admins' (the city's coordinating office).
 */
export function assertWritesLawDocument(principal: Principal, districtId: string | null): void {
  if (districtId !== null) assertCoordinatesUnit(principal, districtId, 'law document');
  else if (principal.kind !== 'system' && !rolesOf(principal).has('admin'))
    throw new AppError('FORBIDDEN', { details: { reason: "only admins draft the city's documents" } });
}
