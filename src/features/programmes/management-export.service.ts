import { today } from '../../domain/calendar/index.js';
import type { ManagementExportFormat, ManagementExportQuery } from '../../domain/management-export.js';
import type { ServiceContext } from '../../core/context.js';
import { indicatorOn, indicatorWhere } from '../agreements/agreement-reviews.service.js';
import { listProblems } from '../problems/problems.service.js';
import { type ManagementExport, renderManagementExport } from './management-export.render.js';
import { assessedRow, type IndicatorLine, inExportOrder, outcomeEnd } from './management-rows.js';
import { orderSections } from './programme-view.js';
import { listSectionIndicators, listSectionRows } from './programmes.repo.js';
import { versionRow } from './programmes.service.js';

/**
 * A version's follow-up for one year as the city's management system reads it: each goal's indicators with
 * the committee answering for them (the problem's owner unit), baseline, annual target (the problem's target),
 * the year's outcome and its assessment. Only problems the caller may see are listed (listProblems applies
 * the tiers and the free-text rule), so a restricted problem never reaches a reader without access.
 */
export async function getManagementExport(
  ctx: ServiceContext,
  versionId: string,
  query: ManagementExportQuery,
): Promise<ManagementExport> {
  const version = await versionRow(ctx, versionId);
  const goals = orderSections(await listSectionRows(ctx.db, [version.id])).filter(
    (s) => s.kind === 'goal' || s.kind === 'sub_goal',
  );
  const links = await listSectionIndicators(
    ctx.db,
    goals.map((g) => g.id),
  );
  const problems = links.length
    ? new Map((await listProblems(ctx, { ids: [...new Set(links.map((l) => l.problem_id))] })).map((p) => [p.id, p]))
    : new Map();
  const day = today(ctx.organisation.timeZone);
  const rows = [];
  for (const link of links) {
    const goal = goals.find((g) => g.id === link.section_id)!;
    const p = problems.get(link.problem_id);
    if (!p) continue;
    const line: IndicatorLine = {
      section_key: goal.section_key,
      problem_id: p.id,
      goal_number: goal.number,
      goal: goal.heading ?? goal.body,
      committee: p.owner_unit.name,
      indicator: p.title,
      where: indicatorWhere(p),
      direction: p.indicator_direction,
      baseline: p.baseline,
      target: p.target_value,
    };
    const end = p.baseline ? outcomeEnd(query.year, p.baseline, day) : null;
    rows.push(assessedRow(line, end ? await indicatorOn(ctx, p, end) : null));
  }
  return {
    version: { title: version.title, period_from: version.period_from, period_to: version.period_to },
    year: query.year,
    computed_on: day,
    rows: inExportOrder(
      rows,
      goals.map((g) => g.number),
    ),
  };
}

/** The export rendered as CSV or Excel. */
export async function exportManagementFile(
  ctx: ServiceContext,
  versionId: string,
  query: ManagementExportQuery,
  format: ManagementExportFormat,
) {
  return renderManagementExport(await getManagementExport(ctx, versionId, query), format);
}
