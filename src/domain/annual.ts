import { z } from 'zod';
import { UuidSchema } from './common.js';
import { FollowupAssessmentSchema, MeasureStatusSchema, MeasureTypeSchema } from './measures.js';
import { RequestStatusSchema } from './requests.js';

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
  totals: z.object({
    measures_run: z.number().int(), problems_addressed: z.number().int(), followups_recorded: z.number().int(),
    requests_answered: z.number().int(),
  }),
  /** Measures that ran in the year: started (not only planned) with a period touching the year, or followed up in it. */
  measures: z.array(z.object({
    id: UuidSchema, title: z.string(), type: MeasureTypeSchema, status: MeasureStatusSchema, responsible_unit: Ref,
    period_start: z.string().nullable(), period_end: z.string().nullable(), followups_recorded: z.number().int(),
  })),
  /** Problems those measures were aimed at. */
  problems: z.array(Ref.extend({ measures: z.number().int() })),
  /** Follow-ups recorded in the year with their indicator: baseline, value then, and the change. */
  indicators: z.array(z.object({
    measure: Ref, recorded_on: z.string(), assessment: FollowupAssessmentSchema.nullable(),
    baseline: z.number().int(), value: z.number().int(), change: z.number().int(), change_share: z.number().nullable(),
  })),
  /** Contribution requests answered in the year. */
  requests: z.array(z.object({ id: UuidSchema, from_unit: Ref, to_unit: Ref, status: RequestStatusSchema, due_date: z.string(), answered_on: z.string() })),
});
export type AnnualReport = z.infer<typeof AnnualReportSchema>;
