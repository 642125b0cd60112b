import type { ServiceContext } from '../../core/context.js';
import { SYSTEM } from '../../domain/auth.js';
import { today } from '../../domain/calendar/index.js';
import { drawnOn, type UnitFigures } from '../../domain/reporting.js';
import { indicatorOn, indicatorWhere } from '../agreements/agreement-reviews.service.js';
import { listMeasures } from '../measures/measures.service.js';
import { listProblems } from '../problems/problems.service.js';
import { listRequests } from '../requests/requests.service.js';
import { assembleFigures, type DrawWindow, type MeasuredProblem } from './figures.assemble.js';

/** The window a period is drawn over at `now`: its days, and the day drawn on — today, or its end once past. */
export function drawWindow(ctx: ServiceContext, period: { from: string; to: string }, now: Date): DrawWindow {
  const day = today(ctx.organisation.timeZone, now);
  return {
    from: period.from,
    to: period.to,
    day: drawnOn(period.to, day),
    timeZone: ctx.organisation.timeZone,
  };
}

/**
 * The figures of each of `unitIds` for a period, drawn from the records as they are now. Drawn as the system,
 * not as the caller, so a follow-up holds the same figures whoever opens or submits it; what the document may
 * not show (restricted records) `assembleFigures` leaves out for everyone.
 */
export async function drawFigures(
  ctx: ServiceContext,
  unitIds: readonly string[],
  period: { from: string; to: string },
  now: Date,
): Promise<Map<string, UnitFigures>> {
  if (!unitIds.length) return new Map();
  const sys: ServiceContext = { ...ctx, principal: SYSTEM };
  const w = drawWindow(ctx, period, now);
  const units = new Set(unitIds);
  const one = unitIds.length === 1 ? unitIds[0] : undefined;
  const [measures, problems, requests] = await Promise.all([
    listMeasures(sys, one ? { responsible_unit_id: one } : {}),
    listProblems(sys, one ? { owner_unit_id: one } : {}),
    listRequests(sys, one ? { unit_id: one } : {}),
  ]);
  const measured: MeasuredProblem[] = [];
  for (const p of problems)
    if (units.has(p.owner_unit.id) && p.baseline && p.confidentiality !== 'restricted')
      measured.push({ problem: p, where: indicatorWhere(p), current: await indicatorOn(sys, p, w.day) });
  return new Map(unitIds.map((id) => [id, assembleFigures(id, { measures, problems: measured, requests }, w)]));
}
