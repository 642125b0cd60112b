import type { Me } from '../../../domain/auth.js';
import { coordinatesUnit } from '../../../domain/policies.js';
import { allows, unitRolesOf } from '../views/access.js';

/**
 * Whether the user may record, edit and review the district's agreements and approve their public text: the
 * server's policy ('agreements:write') and row rule (`coordinatesUnit`), used here only to decide what to show.
 */
export function canEditAgreements(me: Me | null | undefined, districtId: string | null | undefined): boolean {
  if (!me || !districtId || !allows(me, 'agreements:write')) return false;
  return coordinatesUnit(unitRolesOf(me), districtId);
}
