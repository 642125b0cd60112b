import { z } from 'zod';
import { UuidSchema } from './common.js';
import { FollowupAssessmentSchema, MeasureStatusSchema, MeasureTypeSchema } from './measures.js';
import { IndicatorDirectionSchema } from './problems.js';
import { RequestStatusSchema } from './requests.js';

/** How an indicator moved, judged by its direction, never by the sign of the change alone. */
export const IndicatorOutcomeSchema = z.enum(['better', 'unchanged', 'worse']);
export type IndicatorOutcome = z.infer<typeof IndicatorOutcomeSchema>;

/** The annual follow-up every committee (nämnd) and company (bolag) reports: one unit's or one district's year. */
export const AnnualQuerySchema = z.object({
  scope: z.enum(['unit', 'district']),
  unit_id: UuidSchema,
  year: z.coerce.number().int().min(2000).max(2100),
});
export type AnnualQuery = z.infer<typeof AnnualQuerySchema>;

const Ref = z.object({ id: UuidSchema, name: z.string() });

export const AnnualReportSchema = z.object({
  scope: z.object({ kind: z.enum(['unit', 'district']), unit: Ref }),
  year: z.number().int(),
  generated_at: z.string(),
  /** The headline: each figure is a count or sum over one of the tables below, never a separate query. */
  totals: z.object({
    /** Rows of `measures`, and of them per status. */
    measures: z.number().int(),
    measures_by_status: z.object({
      planned: z.number().int(),
      ongoing: z.number().int(),
      done: z.number().int(),
      stopped: z.number().int(),
    }),
    /** Rows of `problems`. */
    problems: z.number().int(),
    /** The sum of `measures[].followups_recorded`. */
    followups_recorded: z.number().int(),
    /** Rows of `indicators`, per outcome judged by each indicator's direction. */
    indicators: z.object({ better: z.number().int(), unchanged: z.number().int(), worse: z.number().int() }),
    /** Rows of `requests`. */
    requests_answered: z.number().int(),
  }),
  /** Measures that ran in the year: started (not only planned) with a period touching the year, or followed up in it. */
  measures: z.array(
    z.object({
      id: UuidSchema,
      title: z.string(),
      type: MeasureTypeSchema,
      status: MeasureStatusSchema,
      responsible_unit: Ref,
      period_start: z.string().nullable(),
      period_end: z.string().nullable(),
      followups_recorded: z.number().int(),
    }),
  ),
  /** Problems those measures were aimed at. */
  problems: z.array(Ref.extend({ measures: z.number().int() })),
  /** Follow-ups recorded in the year with their indicator: baseline, value then, and the change. */
  indicators: z.array(
    z.object({
      measure: Ref,
      recorded_on: z.string(),
      assessment: FollowupAssessmentSchema.nullable(),
      baseline: z.number().int(),
      value: z.number().int(),
      change: z.number().int(),
      /** The change in whole percent, rounded once on the server; null when the baseline is 0. */
      change_percent: z.number().int().nullable(),
      direction: IndicatorDirectionSchema,
      /** How the value moved judged by the direction (the recorded `assessment` is a person's judgement beside it). */
      outcome: IndicatorOutcomeSchema,
    }),
  ),
  /** Contribution requests answered in the year. */
  requests: z.array(
    z.object({
      id: UuidSchema,
      from_unit: Ref,
      to_unit: Ref,
      status: RequestStatusSchema,
      due_date: z.string(),
      answered_on: z.string(),
    }),
  ),
});
export type AnnualReport = z.infer<typeof AnnualReportSchema>;

/** The headline figures in the order every page and document shows them, with the key of their label. */
export function annualHeadline(t: AnnualReport['totals']): Array<[AnnualHeadlineKey, number]> {
  return [
    ['measures', t.measures],
    ['measures_done', t.measures_by_status.done],
    ['problems', t.problems],
    ['followups_recorded', t.followups_recorded],
    ['indicators_better', t.indicators.better],
    ['indicators_worse', t.indicators.worse],
    ['requests_answered', t.requests_answered],
  ];
}
export type AnnualHeadlineKey =
  | 'measures'
  | 'measures_done'
  | 'problems'
  | 'followups_recorded'
  | 'indicators_better'
  | 'indicators_worse'
  | 'requests_answered';
