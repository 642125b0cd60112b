import type { ServiceContext } from '../../core/context.js';
import { ANONYMOUS } from '../../domain/auth.js';
import { periodDays, type PublicFollowup } from '../../domain/reporting.js';
import { versionRow } from '../programmes/programmes.service.js';
import { compileReport, type UnitPart } from './compiled-report.js';
import { reportingUnits, toPeriod, unitStatuses } from './reporting-periods.service.js';
import { findLatestClosedPeriod, listFollowups, publishableIds } from './reporting.repo.js';
import { periodGoals } from './unit-followups.service.js';

/**
 * The adopted programme's follow-up for the public (PublicFollowupSchema): the latest closed period of the
 * version, compiled from the submitted follow-ups' frozen figures alone — a draft or a unit that never submitted
 * adds nothing, and no unit's text goes out (it was written for the committee, not approved for the public).
 * A draft version, or one on consultation, is NOT_FOUND whoever asks.
 */
export async function getPublicFollowup(
  ctx: ServiceContext,
  versionId: string,
  now: Date = new Date(),
): Promise<PublicFollowup> {
  await versionRow({ ...ctx, principal: ANONYMOUS }, versionId);
  const row = await findLatestClosedPeriod(ctx.db, ctx.organisation.id, versionId);
  if (!row) return { period: null, units: { reported: 0, total: 0 }, goals: [] };
  const statuses = unitStatuses(
    ctx,
    row,
    await reportingUnits(ctx, row, now),
    await listFollowups(ctx.db, [row.id]),
    now,
  );
  const parts: UnitPart[] = statuses.flatMap(({ followup, ...status }) =>
    followup?.status === 'submitted' && followup.figures
      ? [{ status, summary: null, figures: followup.figures, comments: [] }]
      : [],
  );
  const report = compileReport(
    { period: toPeriod(ctx, row), generated_at: now.toISOString() },
    await periodGoals(ctx, row),
    parts,
  );
  const [problems, measures] = await Promise.all([
    publishableIds(
      ctx.db,
      ctx.organisation.id,
      'problems',
      report.goals.flatMap((g) => g.indicators.map((i) => i.problem_id)),
    ),
    publishableIds(
      ctx.db,
      ctx.organisation.id,
      'measures',
      report.goals.flatMap((g) => g.measures.flatMap((u) => u.measures.map((m) => m.id))),
    ),
  ]);
  return {
    period: { year: row.year, tertial: row.tertial, ...periodDays(row.year, row.tertial) },
    units: { reported: parts.length, total: statuses.length },
    goals: report.goals.map((g) => ({
      number: g.number,
      heading: g.heading,
      indicators: g.indicators
        .filter((i) => problems.has(i.problem_id))
        .map((i) => ({
          unit: i.unit.name,
          where: i.where,
          baseline: i.baseline,
          current: i.current,
          target_value: i.target_value,
          direction: i.direction,
          outcome: i.outcome,
          target_met: i.target_met,
        })),
      measures: g.measures.flatMap((u) =>
        u.measures
          .filter((m) => measures.has(m.id))
          .map((m) => ({ unit: u.unit.name, type: m.type, status: m.status })),
      ),
    })),
  };
}
