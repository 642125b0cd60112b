import { z } from 'zod';
import { IndicatorOutcomeSchema } from './annual.js';
import { IsoDateSchema, UuidSchema } from './common.js';
import { MeasureStatusSchema, MeasureTypeSchema } from './measures.js';
import { IndicatorDirectionSchema } from './problems.js';
import { RequestStatusSchema } from './requests.js';

/**
 * The figures a unit's follow-up draws from its own records for a reporting period. They are stored with the
 * follow-up when it is submitted, so the committee's report does not move when the records change afterwards.
 */

const Ref = z.object({ id: UuidSchema, name: z.string() });
const Period = z.object({ from: IsoDateSchema, to: IsoDateSchema, value: z.number().int() });

/** A measure the unit is responsible for that ran in the period, with its follow-ups in the period. */
export const FigureMeasureSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  type: MeasureTypeSchema,
  status: MeasureStatusSchema,
  problem_ids: z.array(UuidSchema),
  /** Follow-ups due in the period. */
  followups_due: z.number().int(),
  /** Follow-ups recorded in the period. */
  followups_recorded: z.number().int(),
  /** Follow-ups due by the period's end (or the day drawn, if earlier) and not recorded. */
  followups_overdue: z.number().int(),
});
export type FigureMeasure = z.infer<typeof FigureMeasureSchema>;

/** An indicator of a problem the unit owns: its baseline, its value over as many days up to the period's end, and its target. */
export const FigureIndicatorSchema = z.object({
  problem_id: UuidSchema,
  title: z.string(),
  where: z.string(),
  baseline: Period,
  current: Period,
  target_value: z.number().int().nullable(),
  direction: IndicatorDirectionSchema,
  outcome: IndicatorOutcomeSchema,
  /** Whether the value reached the target, judged by the direction; null without a target. */
  target_met: z.boolean().nullable(),
});
export type FigureIndicator = z.infer<typeof FigureIndicatorSchema>;

/** A contribution request the unit made or received that was open in the period or answered in it. */
export const FigureRequestSchema = z.object({
  id: UuidSchema,
  role: z.enum(['made', 'received']),
  counterpart: Ref,
  problem_id: UuidSchema,
  status: RequestStatusSchema,
  due_date: IsoDateSchema,
  answered_on: IsoDateSchema.nullable(),
});
export type FigureRequest = z.infer<typeof FigureRequestSchema>;

const Count = z.number().int();

/** A follow-up's headline: every figure a count or sum over the tables it heads. */
export const FollowupTotalsSchema = z.object({
  measures: Count,
  measures_by_status: z.object({ planned: Count, ongoing: Count, done: Count, stopped: Count }),
  followups_due: Count,
  followups_recorded: Count,
  followups_overdue: Count,
  indicators: z.object({ better: Count, unchanged: Count, worse: Count }),
  targets_met: Count,
  requests_made: Count,
  requests_received: Count,
  requests_answered: Count,
});
export type FollowupTotals = z.infer<typeof FollowupTotalsSchema>;

export const UnitFiguresSchema = z.object({
  /** The local day the figures were drawn on: the day of submission for a submitted follow-up. */
  drawn_on: IsoDateSchema,
  measures: z.array(FigureMeasureSchema),
  indicators: z.array(FigureIndicatorSchema),
  requests: z.array(FigureRequestSchema),
  totals: FollowupTotalsSchema,
});
export type UnitFigures = z.infer<typeof UnitFiguresSchema>;

/** A goal's indicator in the compiled report: the problem's, with the unit that owns (and reported) it. */
export const GoalIndicatorSchema = FigureIndicatorSchema.extend({ unit: Ref });
export type GoalIndicator = z.infer<typeof GoalIndicatorSchema>;

/**
 * The headline counted from a follow-up's tables and from nothing else.
 * @example followupTotals({ measures: [], indicators: [], requests: [] }).measures // 0
 */
export function followupTotals(t: Pick<UnitFigures, 'measures' | 'indicators' | 'requests'>): FollowupTotals {
  const count = <T>(rows: readonly T[], pick: (r: T) => boolean) => rows.filter(pick).length;
  const sum = (pick: (m: FigureMeasure) => number) => t.measures.reduce((s, m) => s + pick(m), 0);
  return {
    measures: t.measures.length,
    measures_by_status: {
      planned: count(t.measures, (m) => m.status === 'planned'),
      ongoing: count(t.measures, (m) => m.status === 'ongoing'),
      done: count(t.measures, (m) => m.status === 'done'),
      stopped: count(t.measures, (m) => m.status === 'stopped'),
    },
    followups_due: sum((m) => m.followups_due),
    followups_recorded: sum((m) => m.followups_recorded),
    followups_overdue: sum((m) => m.followups_overdue),
    indicators: {
      better: count(t.indicators, (i) => i.outcome === 'better'),
      unchanged: count(t.indicators, (i) => i.outcome === 'unchanged'),
      worse: count(t.indicators, (i) => i.outcome === 'worse'),
    },
    targets_met: count(t.indicators, (i) => i.target_met === true),
    requests_made: count(t.requests, (r) => r.role === 'made'),
    requests_received: count(t.requests, (r) => r.role === 'received'),
    requests_answered: count(t.requests, (r) => r.answered_on !== null),
  };
}

/** Totals with every figure zero: the sum of no follow-ups. */
export const ZERO_TOTALS: FollowupTotals = followupTotals({ measures: [], indicators: [], requests: [] });

/**
 * The figure-by-figure sum of several follow-ups' totals: what the city's compiled report heads with.
 * @example sumTotals([]).requests_made // 0
 */
export function sumTotals(all: readonly FollowupTotals[]): FollowupTotals {
  const add = (a: FollowupTotals, b: FollowupTotals): FollowupTotals => ({
    measures: a.measures + b.measures,
    measures_by_status: {
      planned: a.measures_by_status.planned + b.measures_by_status.planned,
      ongoing: a.measures_by_status.ongoing + b.measures_by_status.ongoing,
      done: a.measures_by_status.done + b.measures_by_status.done,
      stopped: a.measures_by_status.stopped + b.measures_by_status.stopped,
    },
    followups_due: a.followups_due + b.followups_due,
    followups_recorded: a.followups_recorded + b.followups_recorded,
    followups_overdue: a.followups_overdue + b.followups_overdue,
    indicators: {
      better: a.indicators.better + b.indicators.better,
      unchanged: a.indicators.unchanged + b.indicators.unchanged,
      worse: a.indicators.worse + b.indicators.worse,
    },
    targets_met: a.targets_met + b.targets_met,
    requests_made: a.requests_made + b.requests_made,
    requests_received: a.requests_received + b.requests_received,
    requests_answered: a.requests_answered + b.requests_answered,
  });
  return all.reduce(add, ZERO_TOTALS);
}

/**
 * Whether a value reached its target, given which way is better; null without a target.
 * @example targetMet(4, 5, 'lower') // true
 */
export function targetMet(value: number, target: number | null, direction: 'lower' | 'higher'): boolean | null {
  if (target === null) return null;
  return direction === 'lower' ? value <= target : value >= target;
}
