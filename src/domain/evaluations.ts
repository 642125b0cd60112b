import { z } from 'zod';
import { addDays, daysBetween } from './calendar/index.js';
import { csvList, IsoDateSchema, UuidSchema } from './common.js';

/**
 * Evaluating a measure (issue 17): the design an evaluator chooses, the comparison places the system
 * suggests, a place's monthly visitor figures, and the computed results. Shared by server and web forms.
 */

export const EvaluationStatusSchema = z.enum(['draft', 'published']);
export type EvaluationStatus = z.infer<typeof EvaluationStatusSchema>;

const PeriodSchema = z.strictObject({ from: IsoDateSchema, to: IsoDateSchema });

const SitesSchema = z.strictObject({
  place_ids: z.array(UuidSchema).max(50).default([]),
  area_ids: z.array(UuidSchema).max(50).default([]),
});

/** The default ring around the treatment places in which displacement is looked for. */
export const DEFAULT_BUFFER_METRES = 250;

export const EvaluationDesignSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  status: EvaluationStatusSchema.default('draft'),
  treatment: SitesSchema,
  comparison: SitesSchema,
  /** A ring `metres` around the treatment places (null: none) and/or chosen areas. */
  buffer: z
    .strictObject({
      metres: z.number().int().min(50).max(5000).nullable().default(DEFAULT_BUFFER_METRES),
      area_ids: z.array(UuidSchema).max(50).default([]),
    })
    .default({ metres: DEFAULT_BUFFER_METRES, area_ids: [] }),
  before: PeriodSchema,
  after: PeriodSchema,
  /** Incident category codes counted as the outcome. */
  categories: z.array(z.string().min(1).max(64)).min(1).max(30),
  conclusion: z.string().trim().max(8000).nullable().default(null),
});
export type EvaluationDesign = z.infer<typeof EvaluationDesignSchema>;
export type EvaluationDesignInput = z.input<typeof EvaluationDesignSchema>;

/** A rule of the design that one field alone cannot check, with a machine-readable code. */
export interface DesignIssue {
  path: string;
  code:
    | 'no_treatment'
    | 'no_comparison'
    | 'period_reversed'
    | 'after_not_after_before'
    | 'comparison_is_treatment'
    | 'buffer_overlaps';
  message: string;
}

/**
 * What is wrong with a design as a whole (empty when nothing): the server refuses it with VALIDATION_FAILED
 * and these details, the web form shows them before sending.
 */
export function designIssues(v: EvaluationDesign): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const issue = (path: string, code: DesignIssue['code'], message: string) => issues.push({ path, code, message });
  if (v.treatment.place_ids.length + v.treatment.area_ids.length === 0)
    issue('treatment', 'no_treatment', 'choose at least one treatment place or area');
  if (v.comparison.place_ids.length + v.comparison.area_ids.length === 0)
    issue('comparison', 'no_comparison', 'choose at least one comparison place or area');
  if (v.before.to < v.before.from) issue('before.to', 'period_reversed', 'the before period ends before it starts');
  if (v.after.to < v.after.from) issue('after.to', 'period_reversed', 'the after period ends before it starts');
  if (v.after.from <= v.before.to)
    issue('after.from', 'after_not_after_before', 'the after period must start after the before period ends');
  const treated = new Set([...v.treatment.place_ids, ...v.treatment.area_ids]);
  if ([...v.comparison.place_ids, ...v.comparison.area_ids].some((id) => treated.has(id)))
    issue('comparison', 'comparison_is_treatment', 'a comparison site is also a treatment site');
  const compared = new Set([...v.comparison.place_ids, ...v.comparison.area_ids]);
  if (v.buffer.area_ids.some((id) => treated.has(id) || compared.has(id)))
    issue('buffer.area_ids', 'buffer_overlaps', 'a buffer area is also a treatment or comparison area');
  return issues;
}

/**
 * Default periods around an implementation: the after period runs from the day after the implementation to
 * `until` (at most a year), and the before period has the same length and ends the day before the
 * implementation starts, so the two compare like with like and the building work itself is left out.
 * @example defaultPeriods('2018-07-01', '2018-12-31', '2026-01-01') // before 2017-07-01–2018-06-30, after 2019-01-01–2019-12-31
 */
export function defaultPeriods(
  implementationFrom: string,
  implementationTo: string,
  until: string,
): { before: { from: string; to: string }; after: { from: string; to: string } } {
  const afterFrom = addDays(implementationTo, 1);
  const afterTo = [until, addDays(afterFrom, 364)].sort()[0]!;
  const length = Math.max(0, daysBetween(afterFrom, afterTo));
  const beforeTo = addDays(implementationFrom, -1);
  return { before: { from: addDays(beforeTo, -length), to: beforeTo }, after: { from: afterFrom, to: afterTo } };
}

const SiteRef = z.object({ id: UuidSchema, name: z.string() });
const PlaceSiteRef = SiteRef.extend({ type: z.string(), setting: z.string(), lon: z.number(), lat: z.number() });
const SitesOut = z.object({ places: z.array(PlaceSiteRef), areas: z.array(SiteRef) });

export const EvaluationSchema = z.object({
  id: UuidSchema,
  measure_id: UuidSchema,
  title: z.string(),
  status: EvaluationStatusSchema,
  treatment: SitesOut,
  comparison: SitesOut,
  buffer: z.object({ metres: z.number().int().nullable(), areas: z.array(SiteRef) }),
  before: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
  after: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
  /** The days between the periods (null when the after period starts the day after the before period). */
  implementation: z.object({ from: IsoDateSchema, to: IsoDateSchema }).nullable(),
  categories: z.array(z.object({ code: z.string(), label_sv: z.string(), label_en: z.string() })),
  conclusion: z.string().nullable(),
  /** Whether the caller may change the design. */
  can_edit: z.boolean(),
  updated_at: z.string(),
  version: z.number().int(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const ComparisonSuggestionQuerySchema = z.object({
  treatment_place_ids: csvList(UuidSchema),
  categories: csvList(z.string().min(1).max(64)),
  before_from: IsoDateSchema,
  before_to: IsoDateSchema,
});

export const ComparisonSuggestionSchema = z.object({
  place: PlaceSiteRef,
  before_count: z.number().int(),
  /** The before period's second half against its first (1: flat). */
  trend_ratio: z.number().nullable(),
  /** Lower is more alike. */
  score: z.number(),
  /** Why this place, in plain Swedish and English. */
  reason: z.object({ sv: z.string(), en: z.string() }),
});
export type ComparisonSuggestion = z.infer<typeof ComparisonSuggestionSchema>;

export const ComparisonSuggestionsSchema = z.object({
  treatment: z.object({ before_count: z.number().int(), trend_ratio: z.number().nullable() }),
  suggestions: z.array(ComparisonSuggestionSchema),
});

/** A place's visitors and opening hours in one month ('YYYY-MM'). */
export const PlaceMonthFigureSchema = z
  .strictObject({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
    visitors: z.number().int().min(0).max(10_000_000).nullable(),
    opening_hours: z.number().min(0).max(744).nullable(),
  })
  .refine((v) => v.visitors !== null || v.opening_hours !== null, {
    path: ['visitors'],
    message: 'give visitors or opening hours',
  });
export type PlaceMonthFigure = z.infer<typeof PlaceMonthFigureSchema>;

export const PlaceMonthFiguresUpdateSchema = z
  .strictObject({ months: z.array(PlaceMonthFigureSchema).min(1).max(240) })
  .refine((v) => new Set(v.months.map((m) => m.month)).size === v.months.length, {
    path: ['months'],
    message: 'a month is given twice',
  });

const Localised = z.object({ sv: z.string(), en: z.string() });
const CaveatOut = z.object({ code: z.string(), text: Localised });
const Counts = z.object({ before: z.number().int(), after: z.number().int() });

export const EvaluationEffectSchema = z.object({
  method: z.enum(['relative_effect', 'difference_in_differences', 'rate_per_visitors', 'interrupted_time_series']),
  /** The estimate on its own scale: RES, the rate ratio, or the level change per week. */
  estimate: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  /** The change in per cent (negative: a reduction), when the method gives one. */
  percent_change: z.number().nullable(),
  percent_lower: z.number().nullable(),
  percent_upper: z.number().nullable(),
  significant: z.boolean().nullable(),
  summary: Localised,
  caveats: z.array(CaveatOut),
});
export type EvaluationEffect = z.infer<typeof EvaluationEffectSchema>;

export const EvaluationResultsSchema = z.object({
  evaluation_id: UuidSchema,
  counts: z.object({ treatment: Counts, comparison: Counts, buffer: Counts.nullable() }),
  weeks: z.object({ before: z.number().int(), after: z.number().int() }),
  effects: z.array(EvaluationEffectSchema),
  displacement: z
    .object({
      wdq: z.number().nullable(),
      reading: z.string(),
      success_measure: z.number(),
      buffer_measure: z.number(),
      total_net_effect: z.number(),
      summary: Localised,
    })
    .nullable(),
  /** Incidents per zone of the treatment places, before and after, with the change in share. */
  zones: z.array(
    z.object({
      zone_id: UuidSchema.nullable(),
      name: z.string(),
      before: z.number().int(),
      after: z.number().int(),
      change: z.enum(['higher', 'lower', 'similar']),
    }),
  ),
  /** Weekly counts of the treatment and comparison sites, for the before/after chart. */
  series: z.array(
    z.object({
      week: z.string(),
      period: z.enum(['before', 'implementation', 'after']),
      treatment: z.number().int(),
      comparison: z.number().int(),
    }),
  ),
  caveats: z.array(CaveatOut),
});
export type EvaluationResults = z.infer<typeof EvaluationResultsSchema>;
