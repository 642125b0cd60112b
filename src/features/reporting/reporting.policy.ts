import type { Principal } from '../../domain/auth.js';
import { AppError } from '../../domain/errors.js';
import { canEditForUnit } from '../../core/policy.js';

/**
 * The row rules of a unit's follow-up. Its editors and coordinators (and admins) write it and read it while a
 * draft; once submitted it is the unit's report to the city, read by every staff member who reads the compiled
 * report. A draft, or a follow-up not begun, of another unit is not found: it is the unit's own until submitted.
 */
export const writesFollowup = (principal: Principal, unitId: string): boolean => canEditForUnit(principal, unitId);

export function assertReadsFollowup(principal: Principal, unitId: string, submitted: boolean): void {
  if (!submitted && !writesFollowup(principal, unitId))
    throw new AppError('NOT_FOUND', { details: { entity: 'unit_followup', unit_id: unitId } });
}

export function assertWritesFollowup(principal: Principal, unitId: string): void {
  if (!writesFollowup(principal, unitId))
    throw new AppError('FORBIDDEN', {
      messages: {
        sv: 'Bara enhetens redaktörer och samordnare kan skriva dess uppföljning.',
        en: "Only the unit's editors and coordinators can write its follow-up.",
      },
    });
}
