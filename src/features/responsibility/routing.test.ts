import { describe, expect, it } from 'vitest';
import { routeIncident, type RoutingRule } from './routing.js';

const rules: RoutingRule[] = [
  { id: 'street-light', placeType: 'street', categoryId: 'light', target: 'unit', unitId: 'traffic' },
  { id: 'street-any', placeType: 'street', categoryId: null, target: 'district', unitId: null },
  { id: 'library', placeType: 'library', categoryId: null, target: 'unit', unitId: 'culture' },
  { id: 'courtyard', placeType: 'courtyard', categoryId: null, target: 'place_owner', unitId: null },
];

describe('routeIncident', () => {
  it('prefers the exact category, then any category of the place type', () => {
    expect(routeIncident(rules, { categoryId: 'light', place: null, districtUnitId: 'sdn' })).toEqual({
      unitId: 'traffic',
      ruleId: 'street-light',
    });
    expect(routeIncident(rules, { categoryId: 'violence', place: null, districtUnitId: 'sdn' })).toEqual({
      unitId: 'sdn',
      ruleId: 'street-any',
    });
    expect(
      routeIncident(rules, {
        categoryId: 'light',
        place: { type: 'library', ownerUnitId: 'x' },
        districtUnitId: 'sdn',
      }),
    ).toEqual({ unitId: 'culture', ruleId: 'library' });
  });

  it('resolves the place owner, and falls back to the owner or district without a rule', () => {
    expect(
      routeIncident(rules, {
        categoryId: 'x',
        place: { type: 'courtyard', ownerUnitId: 'stockholmshem' },
        districtUnitId: 'sdn',
      })?.unitId,
    ).toBe('stockholmshem');
    expect(
      routeIncident(rules, {
        categoryId: 'x',
        place: { type: 'museum', ownerUnitId: 'culture' },
        districtUnitId: 'sdn',
      }),
    ).toEqual({ unitId: 'culture', ruleId: null });
    expect(routeIncident([], { categoryId: 'x', place: null, districtUnitId: null })).toBeNull();
  });
});
