import type { Me } from '../../../domain/auth.js';

export type ScopeKind = 'city' | 'district' | 'unit';
export interface ScopeChoice {
  scope: ScopeKind;
  unitId: string | null;
}

/**
 * Where a report starts when the address names no scope: the user's district, else their own unit, else the
 * city (admins and analysts look across units).
 * @example defaultScope({ memberships: [{ unit_id: 'u1', unit_kind: 'district', role: 'coordinator', unit_name: 'EAV' }] } as Me) // { scope: 'district', unitId: 'u1' }
 */
export function defaultScope(me: Me | null | undefined): ScopeChoice {
  const memberships = (me?.memberships ?? []).filter((m) => m.role !== 'admin' && m.role !== 'analyst');
  const district = memberships.find((m) => m.unit_kind === 'district');
  if (district) return { scope: 'district', unitId: district.unit_id };
  return memberships[0] ? { scope: 'unit', unitId: memberships[0].unit_id } : { scope: 'city', unitId: null };
}

/** The scope in the address (`?scope=district&unit=…`), or null when it names none or is incomplete. */
export function scopeFromParams(params: URLSearchParams): ScopeChoice | null {
  const scope = params.get('scope');
  const unitId = params.get('unit');
  if (scope === 'city') return { scope, unitId: null };
  if ((scope === 'district' || scope === 'unit') && unitId) return { scope, unitId };
  return null;
}
