import { createHash } from 'node:crypto';
import type { SituationReport } from '../../domain/situation.js';
import type { ServiceContext } from '../../core/context.js';
import { freeTextGate } from '../auth/free-text.js';
import { tierAccess } from '../../core/policy.js';
import { hiddenActionIds } from './meetings.repo.js';
import { listHiddenIncidentIds } from './situation.repo.js';

/**
 * Reports of one week as one caller may see them. Their figures count every incident (statistics,
 * docs/confidentiality.md) and are the same for all; their records — the week's points, the actions to follow
 * up — leave out those beyond the caller's tier, and free text (action titles, annotations) goes to readers of
 * free text only. `areaIds` are the neighbourhood rows the reports' points lie in (null: anywhere in the city).
 * Per report, `signature` names what was left out, so callers who lose the same things can share one copy;
 * null when the report is the caller's as it is. Several reports (a frozen week and the same week now) share
 * one read of what is hidden.
 */
export async function reportsForCaller(
  ctx: ServiceContext,
  areaIds: readonly string[] | null,
  reports: readonly SituationReport[],
): Promise<Array<{ report: SituationReport; signature: string } | null>> {
  const access = tierAccess(ctx.principal);
  const { readable, shown } = freeTextGate(ctx.principal);
  if (!reports.length || (access.all && readable)) return reports.map(() => null);
  const range = { start: new Date(reports[0]!.period.start), end: new Date(reports[0]!.period.end) };
  // Visibility is read on every request: an incident's routing can change without touching the week's figures.
  const [incidents, actions] = await Promise.all([
    reports.some((r) => r.points.length)
      ? listHiddenIncidentIds(ctx.db, ctx.organisation.id, areaIds, range, access)
      : [],
    hiddenActionIds(
      ctx.db,
      ctx.organisation.id,
      [...new Set(reports.flatMap((r) => r.previous_actions.map((a) => a.id)))],
      access,
    ),
  ]);
  const hidden = new Set([...incidents, ...actions]);
  return reports.map((report) => {
    const left = [...report.points, ...report.previous_actions].map((r) => r.id).filter((id) => hidden.has(id));
    if (readable && !left.length) return null;
    return {
      report: {
        ...report,
        points: report.points.filter((p) => !hidden.has(p.id)),
        previous_actions: report.previous_actions
          .filter((a) => !hidden.has(a.id))
          .map((a) => shown('meeting_action', a)),
        annotations: report.annotations.map((a) => shown('annotation', a)),
      },
      signature: createHash('sha256')
        .update(`${readable}|${left.sort().join(',')}`)
        .digest('base64url'),
    };
  });
}
