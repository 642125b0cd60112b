import { describe, expect, it } from 'vitest';
import type { Me } from '../../../domain/auth.js';
import { defaultScope, scopeFromParams } from './scope.js';

const me = (
  ...memberships: Array<[string, Me['memberships'][number]['unit_kind'], Me['memberships'][number]['role']]>
): Me => ({
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'a@example.org', display_name: 'A' },
  csrf_token: null,
  memberships: memberships.map(([unit_id, unit_kind, role]) => ({ unit_id, unit_kind, role, unit_name: unit_id })),
});

describe('report scope', () => {
  it("starts at the user's district, else their unit, else (admins, analysts) the city", () => {
    expect(defaultScope(me(['culture', 'specialist', 'unit_editor'], ['eav', 'district', 'coordinator']))).toEqual({
      scope: 'district',
      unitId: 'eav',
    });
    expect(defaultScope(me(['culture', 'specialist', 'unit_editor']))).toEqual({ scope: 'unit', unitId: 'culture' });
    expect(defaultScope(me(['city-hall', 'district', 'admin']))).toEqual({ scope: 'city', unitId: null });
    expect(defaultScope(me(['city-hall', 'specialist', 'analyst']))).toEqual({ scope: 'city', unitId: null });
    expect(defaultScope(null)).toEqual({ scope: 'city', unitId: null });
  });

  it('reads a complete scope from the address and nothing else', () => {
    expect(scopeFromParams(new URLSearchParams('scope=district&unit=eav'))).toEqual({
      scope: 'district',
      unitId: 'eav',
    });
    expect(scopeFromParams(new URLSearchParams('scope=city&unit=eav'))).toEqual({ scope: 'city', unitId: null });
    expect(scopeFromParams(new URLSearchParams('scope=unit'))).toBeNull();
    expect(scopeFromParams(new URLSearchParams('scope=planet&unit=x'))).toBeNull();
    expect(scopeFromParams(new URLSearchParams(''))).toBeNull();
  });
});
