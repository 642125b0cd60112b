import type { ServiceContext } from '../../core/context.js';
import { type CompiledReport, periodDays } from '../../domain/reporting.js';
import { compileReport, type UnitPart } from './compiled-report.js';
import { drawFigures } from './followup-figures.js';
import { periodRow, reportingUnits, toPeriod, unitStatuses } from './reporting-periods.service.js';
import { listFollowups, listGoalComments } from './reporting.repo.js';
import { periodGoals } from './unit-followups.service.js';

/**
 * The compiled report of a period: every reporting unit with its state; a submitted unit's figures as frozen
 * with its text, the others' drawn from their records now (their text is theirs until submitted). The figures
 * leave restricted records out whoever asks, so the report can go to the committee as it is.
 */
export async function getCompiledReport(
  ctx: ServiceContext,
  periodId: string,
  now: Date = new Date(),
): Promise<CompiledReport> {
  const row = await periodRow(ctx, periodId);
  const statuses = unitStatuses(
    ctx,
    row,
    await reportingUnits(ctx, row, now),
    await listFollowups(ctx.db, [periodId]),
    now,
  );
  const submitted = statuses.filter((s) => s.followup?.status === 'submitted');
  const live = await drawFigures(
    ctx,
    statuses.filter((s) => s.followup?.status !== 'submitted').map((s) => s.unit.id),
    periodDays(row.year, row.tertial),
    now,
  );
  const comments = await listGoalComments(
    ctx.db,
    submitted.map((s) => s.followup!.id),
  );
  const parts: UnitPart[] = statuses.map(({ followup, ...status }) => {
    const frozen = followup?.status === 'submitted' ? followup : undefined;
    return {
      status,
      summary: frozen?.summary ?? null,
      figures: frozen?.figures ?? live.get(status.unit.id)!,
      comments: frozen ? comments.filter((c) => c.followup_id === frozen.id) : [],
    };
  });
  return compileReport(
    { period: toPeriod(ctx, row), generated_at: now.toISOString() },
    await periodGoals(ctx, row),
    parts,
  );
}
