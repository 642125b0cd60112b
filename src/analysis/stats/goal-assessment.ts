import type { AssessmentReason, GoalAssessment } from '../../domain/management-export.js';
import type { IndicatorDirection } from '../../domain/problems.js';
import { indicatorOutcome } from './indicator-outcome.js';

/** One indicator's figures for a year: its baseline, the target to reach and the year's outcome (null when missing). */
export interface GoalFigures {
  baseline: number | null;
  target: number | null;
  outcome: number | null;
  direction: IndicatorDirection;
}

/**
 * The ILS assessment of an indicator for a year (docs/management-export.md):
 * - kan inte bedömas without a baseline, without the year's outcome, or without a target;
 * - uppnås helt when the outcome reaches the target (at or below it when lower is better, at or above when higher);
 * - uppnås delvis when it misses the target but is better than the baseline;
 * - uppnås ej when it is the same as or worse than the baseline.
 * @example assessGoal({ baseline: 84, target: 60, outcome: 70, direction: 'lower' }) // { assessment: 'partly_met', reason: 'improved' }
 */
export function assessGoal(f: GoalFigures): { assessment: GoalAssessment; reason: AssessmentReason } {
  if (f.baseline === null) return { assessment: 'not_assessable', reason: 'no_baseline' };
  if (f.outcome === null) return { assessment: 'not_assessable', reason: 'no_outcome' };
  if (f.target === null) return { assessment: 'not_assessable', reason: 'no_target' };
  const reached = f.direction === 'lower' ? f.outcome <= f.target : f.outcome >= f.target;
  if (reached) return { assessment: 'met', reason: 'target_reached' };
  return indicatorOutcome(f.baseline, f.outcome, f.direction) === 'better'
    ? { assessment: 'partly_met', reason: 'improved' }
    : { assessment: 'not_met', reason: 'not_improved' };
}
