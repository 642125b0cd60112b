import { ConfidentialitySchema } from './confidentiality.js';
import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { IsoDateSchema, UuidSchema } from './common.js';

/** SARA: scanning → analysis → response → assessment (a step back is allowed when analysis was too thin). */
export const ProblemStageSchema = z.enum(['scanning', 'analysis', 'response', 'assessment']);
export type ProblemStage = z.infer<typeof ProblemStageSchema>;
export const PROBLEM_STAGES = ProblemStageSchema.options;

/**
 * Only one SARA step at a time, forward or back: skipping analysis is what the method exists to prevent.
 * @example stageAllowed('scanning', 'response') // false
 */
export function stageAllowed(from: ProblemStage, to: ProblemStage): boolean {
  return Math.abs(PROBLEM_STAGES.indexOf(to) - PROBLEM_STAGES.indexOf(from)) === 1;
}

/** Who is affected: residents, visitors, business owners, staff. */
export const AffectedGroupSchema = z.enum(['residents', 'visitors', 'business_owners', 'staff']);

/** Incidents selected by filter: the same fields as the incident list's filter. */
export const IncidentFilterSchema = z.strictObject({
  category: z.array(CategoryCodeSchema).min(1).max(20).optional(),
  area_id: UuidSchema.optional(),
  place_id: UuidSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type IncidentFilter = z.infer<typeof IncidentFilterSchema>;

/**
 * Evidence is a typed link. New kinds (safety_walk_observation, survey_result) join this union with their
 * own `ref`/`filter` shape; the table stores any kind, so no schema rewrite is needed.
 */
export const EvidenceInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('incident_filter'),
    filter: IncidentFilterSchema,
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('hotspot'),
    /** The H3 cell the situation report flagged. */
    ref: z.string().regex(/^[0-9a-f]{15}$/, 'an H3 cell index'),
    filter: z.strictObject({ week: z.string().regex(/^\d{4}-W\d{2}$/), area_id: UuidSchema.nullable() }),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({ kind: z.literal('note'), note: z.string().trim().min(1).max(2000) }),
  z.strictObject({
    kind: z.literal('document'),
    ref: z.string().trim().min(1).max(500),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('walk_observation'),
    /** An observation of a safety walk; `filter.walk_id` the walk whose report shows it. */
    ref: UuidSchema,
    filter: z.strictObject({ walk_id: UuidSchema }),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({
    kind: z.literal('survey_item'),
    /** The survey question; `filter.survey_area_id` the area its figures are for. */
    ref: UuidSchema,
    filter: z.strictObject({ survey_area_id: UuidSchema }),
    note: z.string().trim().max(2000).optional(),
  }),
]);
export type EvidenceInput = z.infer<typeof EvidenceInputSchema>;
export const EVIDENCE_KINDS = [
  'incident_filter',
  'hotspot',
  'note',
  'document',
  'survey_item',
  'walk_observation',
] as const;

const SurveyFigureSchema = z.object({
  year: z.number().int(),
  /** Percent answering the question's key option. */
  share: z.number(),
  respondents: z.number().int().nullable(),
  /** 95 % Wilson interval in percent; null when the source gave no respondents. */
  ci: z.object({ low: z.number(), high: z.number() }).nullable(),
});

/** A survey item as evidence and indicator: which way is better, the first figure and the latest after it. */
export const SurveyEvidenceSchema = z.object({
  question: z.string(),
  area: z.string(),
  direction: z.enum(['lower', 'higher']),
  first: SurveyFigureSchema.nullable(),
  latest: SurveyFigureSchema.nullable(),
});
export type SurveyEvidence = z.infer<typeof SurveyEvidenceSchema>;

export const EvidenceSchema = z.object({
  id: UuidSchema,
  kind: z.string(),
  ref: z.string().nullable(),
  filter: z.record(z.string(), z.unknown()).nullable(),
  note: z.string().nullable(),
  created_at: z.string(),
  /** For incident filters: how many incidents match now. */
  incident_count: z.number().int().nullable(),
  /** For a survey item: its question, area and first and latest figures, the problem's survey indicator. */
  survey: SurveyEvidenceSchema.nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * The baseline: incidents of the problem's categories at its places (or else in its area) over a period,
 * computed from data when it is set (e.g. klotter at Högdalen centrum, weeks 1–26: 84).
 */
const baselineShape = {
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** The value to reach; below the baseline means "fewer incidents" (the usual aim). */
  target_value: z.number().int().min(0).optional(),
};
const inOrder = (v: { from: string; to: string }) => v.to >= v.from;
const notInOrder = { path: ['to'], message: 'to must not be before from' };
export const BaselineInputSchema = z.strictObject(baselineShape).refine(inOrder, notInOrder);
export type BaselineInput = z.infer<typeof BaselineInputSchema>;

/** Which way the indicator should move to count as better: 'lower' (fewer incidents, the usual aim) or 'higher'. */
export const IndicatorDirectionSchema = z.enum(['lower', 'higher']);
export type IndicatorDirection = z.infer<typeof IndicatorDirectionSchema>;

/** A new problem's indicator: the baseline period, and which way is better (no default: a report must never guess). */
export const BaselineCreateSchema = z
  .strictObject({ ...baselineShape, direction: IndicatorDirectionSchema })
  .refine(inOrder, notInOrder);

export const ProblemCreateSchema = z
  .strictObject({
    owner_unit_id: UuidSchema,
    area_id: UuidSchema.optional(),
    place_ids: z.array(UuidSchema).max(50).default([]),
    title: z.string().trim().min(1).max(200),
    statement: z.string().trim().min(1).max(4000),
    categories: z.array(CategoryCodeSchema).min(1).max(20),
    time_pattern: z.string().trim().max(500).optional(),
    affected: z.array(AffectedGroupSchema).max(4).default([]),
    evidence: z.array(EvidenceInputSchema).max(50).default([]),
    baseline: BaselineCreateSchema.optional(),
    confidentiality: ConfidentialitySchema.optional(),
  })
  .refine((v) => v.area_id !== undefined || v.place_ids.length > 0, {
    path: ['area_id'],
    message: 'an area or at least one place',
  });
export type ProblemCreate = z.infer<typeof ProblemCreateSchema>;

export const ProblemUpdateSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    statement: z.string().trim().min(1).max(4000).optional(),
    time_pattern: z.string().trim().max(500).nullable().optional(),
    affected: z.array(AffectedGroupSchema).max(4).optional(),
    stage: ProblemStageSchema.optional(),
    confidentiality: ConfidentialitySchema.optional(),
    /** Where and what: changing them recomputes the baseline over its period (an area or a place must remain). */
    area_id: UuidSchema.nullable().optional(),
    place_ids: z.array(UuidSchema).max(50).optional(),
    categories: z.array(CategoryCodeSchema).min(1).max(20).optional(),
    target_value: z.number().int().min(0).nullable().optional(),
    indicator_direction: IndicatorDirectionSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update')
  .refine((v) => v.area_id === undefined || v.place_ids === undefined || v.area_id !== null || v.place_ids.length > 0, {
    path: ['area_id'],
    message: 'an area or at least one place',
  });
export type ProblemUpdate = z.infer<typeof ProblemUpdateSchema>;

export const IndicatorValueSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema, value: z.number().int() });

export const ProblemSchema = z.object({
  id: UuidSchema,
  owner_unit: z.object({ id: UuidSchema, name: z.string() }),
  area: z.object({ id: UuidSchema, name: z.string() }).nullable(),
  places: z.array(z.object({ id: UuidSchema, name: z.string(), type: z.string(), lon: z.number(), lat: z.number() })),
  title: z.string(),
  statement: z.string().nullable(),
  stage: ProblemStageSchema,
  categories: z.array(CategoryCodeSchema),
  time_pattern: z.string().nullable(),
  affected: z.array(AffectedGroupSchema),
  baseline: IndicatorValueSchema.nullable(),
  target_value: z.number().int().nullable(),
  indicator_direction: IndicatorDirectionSchema,
  /** A sentence for reports, e.g. 'klotter at Högdalen centrum, 2026-01-01 – 2026-06-28: 84'. */
  baseline_label: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
  measure_ids: z.array(UuidSchema),
  created_at: z.string(),
  confidentiality: ConfidentialitySchema,
  /** Raised on every change; also the ETag, sent back as `If-Match` to refuse overwriting a newer version (409). */
  version: z.number().int(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const ProblemListQuerySchema = z.object({
  owner_unit_id: UuidSchema.optional(),
  area_id: UuidSchema.optional(),
  stage: ProblemStageSchema.optional(),
});
export type ProblemListQuery = z.infer<typeof ProblemListQuerySchema>;
