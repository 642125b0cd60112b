import { assessGoal } from '../../analysis/stats/goal-assessment.js';
import type { AssessmentReason, GoalAssessment } from '../../domain/management-export.js';
import type { IndicatorDirection } from '../../domain/problems.js';
import { comparisonPeriod } from '../problems/indicator.js';

interface Period {
  from: string;
  to: string;
  value: number;
}

/** One row of the management-system export: a goal, the committee answering for an indicator, the year's figures. */
export interface ManagementRow {
  /** Section key and problem id: the same for the goal's indicator in every version, for machine matching. */
  key: string;
  goal_number: string;
  goal: string;
  committee: string;
  indicator: string;
  where: string;
  direction: IndicatorDirection;
  baseline: Period | null;
  target: number | null;
  outcome: Period | null;
  assessment: GoalAssessment;
  reason: AssessmentReason;
}

/** A goal's indicator before its outcome is known. */
export type IndicatorLine = Omit<ManagementRow, 'key' | 'outcome' | 'assessment' | 'reason'> & {
  section_key: string;
  problem_id: string;
};

/**
 * The last day of the year's outcome period, or null when the year has none: the period is as long as the
 * baseline and ends on the year's last day (today while the year runs, a preliminary figure); a year that has
 * not begun, or whose period would overlap the baseline, has no outcome (a before/after comparison needs both).
 * @example outcomeEnd(2026, { from: '2025-01-01', to: '2025-06-30' }, '2026-12-07') // '2026-12-07'
 */
export function outcomeEnd(year: number, baseline: { from: string; to: string }, today: string): string | null {
  if (`${year}-01-01` > today) return null;
  const end = `${year}-12-31` < today ? `${year}-12-31` : today;
  return comparisonPeriod(baseline.from, baseline.to, end).from > baseline.to ? end : null;
}

/** A line with its outcome assessed. */
export function assessedRow(line: IndicatorLine, outcome: Period | null): ManagementRow {
  const { section_key, problem_id, ...rest } = line;
  const verdict = assessGoal({
    baseline: line.baseline?.value ?? null,
    target: line.target,
    outcome: outcome?.value ?? null,
    direction: line.direction,
  });
  return { ...rest, key: `${section_key}/${problem_id}`, outcome, ...verdict };
}

/** Goal → committee → indicator: goals in document order, then committees and indicators alphabetically (Swedish). */
export function inExportOrder(rows: readonly ManagementRow[], goalOrder: readonly string[]): ManagementRow[] {
  const sv = (a: string, b: string) => a.localeCompare(b, 'sv');
  return [...rows].sort(
    (a, b) =>
      goalOrder.indexOf(a.goal_number) - goalOrder.indexOf(b.goal_number) ||
      sv(a.committee, b.committee) ||
      sv(a.indicator, b.indicator) ||
      sv(a.key, b.key),
  );
}
