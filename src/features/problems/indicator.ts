import { indicatorOutcome } from '../../analysis/stats/indicator-outcome.js';
import { addDays, daysBetween, startOfLocalDay } from '../../domain/calendar/index.js';
import type { IndicatorDirection } from '../../domain/problems.js';
import type { ServiceContext } from '../../core/context.js';
import { countMatchingIncidents } from '../incidents/incidents.service.js';

/** What a problem's indicator counts: incidents of its categories at its places, or else in its area. */
export interface IndicatorDefinition {
  categories: readonly string[];
  areaId: string | null;
  placeIds: readonly string[];
}

/**
 * The period a follow-up compares with the baseline: as many days as the baseline, ending on `endDay`,
 * so counts of equal length are compared.
 * @example comparisonPeriod('2026-01-01', '2026-01-10', '2026-06-30') // { from: '2026-06-21', to: '2026-06-30' }
 */
export function comparisonPeriod(
  baselineFrom: string,
  baselineTo: string,
  endDay: string,
): { from: string; to: string } {
  return { from: addDays(endDay, -daysBetween(baselineFrom, baselineTo)), to: endDay };
}

/** The indicator's value over the inclusive local days [from, to] of the organisation, computed from incidents. */
export async function computeIndicator(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  def: IndicatorDefinition,
  from: string,
  to: string,
): Promise<number> {
  const period = {
    category: [...def.categories],
    from: startOfLocalDay(from, ctx.organisation.timeZone).toISOString(),
    to: startOfLocalDay(addDays(to, 1), ctx.organisation.timeZone).toISOString(),
  };
  // An incident has at most one place, so per-place counts add up without double counting.
  if (def.placeIds.length) {
    const counts = await Promise.all(
      def.placeIds.map((place_id) => countMatchingIncidents(ctx, { ...period, place_id })),
    );
    return counts.reduce((a, b) => a + b, 0);
  }
  return countMatchingIncidents(ctx, { ...period, ...(def.areaId ? { area_id: def.areaId } : {}) });
}

/**
 * Whether a value moved the wrong way for the indicator's direction.
 * @example movedWrongWay(84, 90, 'lower') // true
 */
export function movedWrongWay(baseline: number, value: number, direction: IndicatorDirection): boolean {
  return indicatorOutcome(baseline, value, direction) === 'worse';
}
