import type { CompiledReport, UnitFigures, UnitStatus } from '../../domain/reporting.js';
import { sumTotals } from '../../domain/reporting.js';
import type { ProgrammeGoal } from '../programmes/programmes.service.js';

/** One reporting unit's contribution to the compiled report: its state, text and figures (frozen or drawn now). */
export interface UnitPart {
  status: UnitStatus;
  summary: string | null;
  figures: UnitFigures;
  comments: ReadonlyArray<{ section_key: string; comment: string }>;
}

/**
 * The city's report from its units' parts, and from nothing else: the totals are the sum of the units' totals,
 * and per goal the indicators and measures are the units' rows that answer its problems. Each indicator row is its
 * owning unit's and each measure its responsible unit's, so no row appears twice under a goal.
 */
export function compileReport(
  head: Pick<CompiledReport, 'period' | 'generated_at'>,
  goals: readonly ProgrammeGoal[],
  parts: readonly UnitPart[],
): CompiledReport {
  return {
    ...head,
    units: parts.map((p) => ({
      ...p.status,
      summary: p.summary,
      drawn_on: p.figures.drawn_on,
      totals: p.figures.totals,
    })),
    totals: sumTotals(parts.map((p) => p.figures.totals)),
    goals: goals.map((g) => {
      const problems = new Set(g.problem_ids);
      return {
        section_key: g.key,
        number: g.number,
        heading: g.heading,
        body: g.body,
        indicators: parts.flatMap((p) =>
          p.figures.indicators.filter((i) => problems.has(i.problem_id)).map((i) => ({ ...i, unit: p.status.unit })),
        ),
        measures: parts
          .map((p) => ({
            unit: p.status.unit,
            measures: p.figures.measures
              .filter((m) => m.problem_ids.some((id) => problems.has(id)))
              .map(({ id, title, type, status }) => ({ id, title, type, status })),
          }))
          .filter((u) => u.measures.length > 0),
        comments: parts.flatMap((p) =>
          p.comments.filter((c) => c.section_key === g.key).map((c) => ({ unit: p.status.unit, comment: c.comment })),
        ),
      };
    }),
  };
}
