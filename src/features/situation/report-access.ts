import { createHash } from 'node:crypto';
import type { SituationReport } from '../../domain/situation.js';
import type { ServiceContext } from '../../server/context.js';
import { freeTextGate } from '../auth/free-text.js';
import { tierAccess } from '../auth/policy.js';
import { hiddenActionIds } from './meetings.repo.js';
import { listHiddenIncidentIds } from './situation.repo.js';

/**
 * A report as one caller may see it. Its figures count every incident (statistics, docs/confidentiality.md)
 * and are the same for all; its records — the week's points, the actions to follow up — leave out those
 * beyond the caller's tier, and free text (action titles, annotations) goes to readers of free text only.
 * `signature` names what was left out, so callers who lose the same things can share one copy; null when
 * the report is the caller's as it is.
 */
export async function reportForCaller(ctx: ServiceContext, report: SituationReport): Promise<{ report: SituationReport; signature: string } | null> {
  const access = tierAccess(ctx.principal);
  const { readable, shown } = freeTextGate(ctx.principal);
  if (access.all && readable) return null;
  const range = { start: new Date(report.period.start), end: new Date(report.period.end) };
  // Visibility is read on every request: an incident's routing can change without touching the week's figures.
  const [incidents, actions] = access.all ? [[], []] : await Promise.all([
    report.points.length ? listHiddenIncidentIds(ctx.db, ctx.organisation.id, range, access) : [],
    hiddenActionIds(ctx.db, ctx.organisation.id, report.previous_actions.map((a) => a.id), access),
  ]);
  const hidden = new Set([...incidents, ...actions]);
  const points = report.points.filter((p) => !hidden.has(p.id));
  const hiddenPoints = report.points.length - points.length;
  if (readable && !hiddenPoints && !actions.length) return null;
  const left = [...report.points.filter((p) => hidden.has(p.id)).map((p) => p.id), ...actions].sort();
  return {
    report: {
      ...report,
      points,
      previous_actions: report.previous_actions.filter((a) => !hidden.has(a.id)).map((a) => shown('meeting_action', a)),
      annotations: report.annotations.map((a) => shown('annotation', a)),
    },
    signature: createHash('sha256').update(`${readable}|${left.join(',')}`).digest('base64url'),
  };
}
