import type { ResponsibilityTarget } from '../../db/schema.js';
import { STREET } from '../../domain/responsibility.js';

/** A row of the responsibility matrix as the router needs it. */
export interface RoutingRule {
  id: string;
  placeType: string;
  categoryId: string | null;
  target: ResponsibilityTarget;
  unitId: string | null;
}

/** What is known about an incident that decides who must act. */
export interface RoutingFacts {
  categoryId: string;
  place: { type: string; ownerUnitId: string | null } | null;
  /** The unit owning the incident's district (the stadsdelsnämnd). */
  districtUnitId: string | null;
}

/**
 * The responsible unit: the most specific rule for the place type (exact category before "any category")
 * whose target resolves; otherwise the place's owner, otherwise the district. Null when nobody is known.
 * @example routeIncident([{ id: 'r', placeType: 'street', categoryId: 'light', target: 'unit', unitId: 'traffic' }],
 *   { categoryId: 'light', place: null, districtUnitId: 'sdn' }) // { unitId: 'traffic', ruleId: 'r' }
 */
export function routeIncident(
  rules: readonly RoutingRule[],
  facts: RoutingFacts,
): { unitId: string; ruleId: string | null } | null {
  const placeType = facts.place?.type ?? STREET;
  const candidates = [
    ...rules.filter((r) => r.placeType === placeType && r.categoryId === facts.categoryId),
    ...rules.filter((r) => r.placeType === placeType && r.categoryId === null),
  ];
  for (const rule of candidates) {
    const unitId =
      rule.target === 'unit'
        ? rule.unitId
        : rule.target === 'district'
          ? facts.districtUnitId
          : (facts.place?.ownerUnitId ?? null);
    if (unitId) return { unitId, ruleId: rule.id };
  }
  const fallback = facts.place?.ownerUnitId ?? facts.districtUnitId;
  return fallback ? { unitId: fallback, ruleId: null } : null;
}
