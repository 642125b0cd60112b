import { ConfidentialitySchema } from './confidentiality.js';
import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';
import { IndicatorDirectionSchema } from './problems.js';

/** Situational/physical (CPTED), staffing and working methods, social, information, surveillance/guarding. */
export const MeasureTypeSchema = z.enum(['situational', 'staffing', 'social', 'information', 'surveillance']);
export type MeasureType = z.infer<typeof MeasureTypeSchema>;

export const MeasureStatusSchema = z.enum(['planned', 'ongoing', 'done', 'stopped']);
export type MeasureStatus = z.infer<typeof MeasureStatusSchema>;

/**
 * Allowed status changes. done and stopped are final: a measure taken up again is a new measure, so the
 * follow-up of the first stays what it was.
 */
export const MEASURE_TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  planned: ['ongoing', 'stopped'],
  ongoing: ['done', 'stopped'],
  done: [],
  stopped: [],
};

export const TargetGroupSchema = z.enum([
  'residents',
  'visitors',
  'youth',
  'children',
  'elderly',
  'business_owners',
  'staff',
  'students',
]);

export const ComponentInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  type: MeasureTypeSchema,
  /** A part can be more confidential than its measure (e.g. the details of guarding); default the measure's tier. */
  confidentiality: ConfidentialitySchema.optional(),
});

export const ComponentUpdateSchema = ComponentInputSchema.extend({ id: UuidSchema.optional() });

export const MeasureCreateSchema = z
  .strictObject({
    /** Required: the right measure is aimed at an identified problem. */
    problem_ids: z.array(UuidSchema).min(1).max(20),
    responsible_unit_id: UuidSchema,
    contributing_unit_ids: z.array(UuidSchema).max(30).default([]),
    place_ids: z.array(UuidSchema).max(50).default([]),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).optional(),
    type: MeasureTypeSchema,
    period_start: IsoDateSchema.optional(),
    period_end: IsoDateSchema.optional(),
    cost_estimate_sek: z.number().int().min(0).max(1_000_000_000).optional(),
    target_groups: z.array(TargetGroupSchema).max(8).default([]),
    followup_dates: z.array(IsoDateSchema).max(24).default([]),
    /** Parts of a multi-part measure, in order (the Högdalen library model has five). */
    components: z.array(ComponentInputSchema).max(30).default([]),
    confidentiality: ConfidentialitySchema.optional(),
  })
  .refine((v) => !v.period_start || !v.period_end || v.period_end >= v.period_start, {
    path: ['period_end'],
    message: 'period_end before period_start',
  });
export type MeasureCreate = z.infer<typeof MeasureCreateSchema>;

export const MeasureUpdateSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(4000).nullable().optional(),
    period_start: IsoDateSchema.nullable().optional(),
    period_end: IsoDateSchema.nullable().optional(),
    cost_estimate_sek: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
    target_groups: z.array(TargetGroupSchema).max(8).optional(),
    contributing_unit_ids: z.array(UuidSchema).max(30).optional(),
    place_ids: z.array(UuidSchema).max(50).optional(),
    problem_ids: z.array(UuidSchema).min(1).max(20).optional(),
    confidentiality: ConfidentialitySchema.optional(),
    type: MeasureTypeSchema.optional(),
    /** Handing a measure over: the editor must be allowed to edit for both units. */
    responsible_unit_id: UuidSchema.optional(),
    /**
     * Components with an id are edited, those without are added after the others. Unlisted ones stay: a part
     * is stopped rather than removed, so what was done and followed up remains.
     */
    components: z.array(ComponentUpdateSchema).max(30).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update')
  .refine((v) => !v.period_start || !v.period_end || v.period_end >= v.period_start, {
    path: ['period_end'],
    message: 'period_end before period_start',
  });
export type MeasureUpdate = z.infer<typeof MeasureUpdateSchema>;

export const MeasureStatusChangeSchema = z.strictObject({ status: MeasureStatusSchema });
export const ComponentStatusChangeSchema = z.strictObject({ status: MeasureStatusSchema });

export const FollowupAssessmentSchema = z.enum(['improved', 'unchanged', 'worse', 'unclear']);
export type FollowupAssessment = z.infer<typeof FollowupAssessmentSchema>;

export const FollowupAddSchema = z.strictObject({ due_date: IsoDateSchema });

/** Recording a follow-up: what was done and an assessment; the indicator value is computed, not typed. */
export const FollowupRecordSchema = z.strictObject({
  what_was_done: z.string().trim().min(1).max(4000),
  assessment: FollowupAssessmentSchema,
});
export type FollowupRecord = z.infer<typeof FollowupRecordSchema>;

export const FollowupSchema = z.object({
  id: UuidSchema,
  due_date: IsoDateSchema,
  recorded_at: z.string().nullable(),
  what_was_done: z.string().nullable(),
  assessment: FollowupAssessmentSchema.nullable(),
  indicator: z
    .object({
      problem_id: UuidSchema,
      from: IsoDateSchema,
      to: IsoDateSchema,
      value: z.number().int(),
      baseline: z.number().int(),
      /** The problem's: which way is better. */
      direction: IndicatorDirectionSchema,
    })
    .nullable(),
  overdue: z.boolean(),
});
export type Followup = z.infer<typeof FollowupSchema>;

export const ComponentSchema = z.object({
  id: UuidSchema,
  position: z.number().int(),
  title: z.string(),
  type: MeasureTypeSchema,
  status: MeasureStatusSchema,
  confidentiality: ConfidentialitySchema,
});

const Ref = z.object({ id: UuidSchema, name: z.string() });

export const MeasureSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  description: z.string().nullable(),
  type: MeasureTypeSchema,
  status: MeasureStatusSchema,
  responsible_unit: Ref,
  contributing_units: z.array(Ref),
  problems: z.array(
    z.object({ id: UuidSchema, title: z.string(), owner_unit_id: UuidSchema, area_id: UuidSchema.nullable() }),
  ),
  places: z.array(Ref.extend({ type: z.string(), lon: z.number(), lat: z.number() })),
  period_start: IsoDateSchema.nullable(),
  period_end: IsoDateSchema.nullable(),
  cost_estimate_sek: z.number().int().nullable(),
  target_groups: z.array(TargetGroupSchema),
  components: z.array(ComponentSchema),
  followups: z.array(FollowupSchema),
  /** False when none of its problems has a baseline: the quality report flags it. */
  has_indicator: z.boolean(),
  confidentiality: ConfidentialitySchema,
  /** Raised on every change; also the ETag, sent back as `If-Match` to refuse overwriting a newer version (409). */
  version: z.number().int(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const MeasureListQuerySchema = z.object({
  responsible_unit_id: UuidSchema.optional(),
  /** Measures where this unit is responsible or contributes. */
  unit_id: UuidSchema.optional(),
  problem_id: UuidSchema.optional(),
  status: MeasureStatusSchema.optional(),
});
export type MeasureListQuery = z.infer<typeof MeasureListQuerySchema>;
