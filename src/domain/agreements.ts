import { ConfidentialitySchema } from './confidentiality.js';
import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { IsoDateSchema, UuidSchema } from './common.js';
import { FollowupAssessmentSchema, MeasureStatusSchema, MeasureTypeSchema } from './measures.js';

/** A district's samverkansöverenskommelse with the police, or a medborgarlöfte (citizen promise). */
export const AgreementKindSchema = z.enum(['collaboration_agreement', 'citizen_promise']);
export type AgreementKind = z.infer<typeof AgreementKindSchema>;

/** Agreements are reviewed every six months; the review is due this many months after the last one. */
export const REVIEW_INTERVAL_MONTHS = 6;

const AgreementFields = {
  title: z.string().trim().min(1).max(200),
  /** Internal summary: staff only, never on the public page. */
  summary: z.string().trim().max(4000),
  period_start: IsoDateSchema,
  period_end: IsoDateSchema,
  /** Priority areas: the (focus) areas the agreement is about. */
  area_ids: z.array(UuidSchema).min(1).max(50),
  /** Activities are measures, so they carry status, responsible unit, follow-ups and indicators. */
  measure_ids: z.array(UuidSchema).max(100),
};

export const AgreementCreateSchema = z
  .strictObject({
    district_unit_id: UuidSchema,
    partner_unit_id: UuidSchema,
    kind: AgreementKindSchema,
    title: AgreementFields.title,
    summary: AgreementFields.summary.optional(),
    period_start: AgreementFields.period_start,
    period_end: AgreementFields.period_end,
    area_ids: AgreementFields.area_ids,
    measure_ids: AgreementFields.measure_ids.default([]),
    /** Default public: agreements with the police are published; a tier above keeps one internal. */
    confidentiality: ConfidentialitySchema.optional(),
  })
  .refine((v) => v.period_end >= v.period_start, { path: ['period_end'], message: 'period_end before period_start' })
  .refine((v) => v.district_unit_id !== v.partner_unit_id, {
    path: ['partner_unit_id'],
    message: 'an agreement needs two parties',
  });
export type AgreementCreate = z.infer<typeof AgreementCreateSchema>;

export const AgreementUpdateSchema = z
  .strictObject({
    kind: AgreementKindSchema.optional(),
    partner_unit_id: UuidSchema.optional(),
    title: AgreementFields.title.optional(),
    summary: AgreementFields.summary.nullable().optional(),
    period_start: AgreementFields.period_start.optional(),
    period_end: AgreementFields.period_end.optional(),
    area_ids: AgreementFields.area_ids.optional(),
    measure_ids: AgreementFields.measure_ids.optional(),
    confidentiality: ConfidentialitySchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update');
export type AgreementUpdate = z.infer<typeof AgreementUpdateSchema>;

/** How an activity went in the half-year a review looks back on. */
export const ActivityAssessmentSchema = z.enum(['as_planned', 'partly', 'not_done']);
export type ActivityAssessment = z.infer<typeof ActivityAssessmentSchema>;
/** Which way an indicator went, as in a measure's follow-up. */
export const IndicatorAssessmentSchema = FollowupAssessmentSchema;

const ReviewComment = z.string().trim().max(1000);

/**
 * A review held (every six months): what the parties concluded and an assessment of every activity and every
 * indicator the agreement has on the day (the server refuses a review that leaves one out). The indicator's
 * value is counted, not typed; the next review falls due six months later.
 */
export const AgreementReviewSchema = z.strictObject({
  reviewed_on: IsoDateSchema,
  note: z.string().trim().max(4000).optional(),
  activities: z
    .array(
      z.strictObject({
        measure_id: UuidSchema,
        assessment: ActivityAssessmentSchema,
        comment: ReviewComment.optional(),
      }),
    )
    .max(100)
    .default([]),
  indicators: z
    .array(
      z.strictObject({
        problem_id: UuidSchema,
        assessment: IndicatorAssessmentSchema,
        comment: ReviewComment.optional(),
      }),
    )
    .max(100)
    .default([]),
});
export type AgreementReviewInput = z.input<typeof AgreementReviewSchema>;
export type AgreementReview = z.infer<typeof AgreementReviewSchema>;

/** The text a coordinator approves, word for word, for the public progress page; null withdraws it. */
export const AgreementPublicTextSchema = z.strictObject({ text: z.string().trim().min(1).max(4000).nullable() });

export const AgreementListQuerySchema = z.object({ district_unit_id: UuidSchema.optional() });

const Ref = z.object({ id: UuidSchema, name: z.string() });
const Period = z.object({ from: IsoDateSchema, to: IsoDateSchema, value: z.number().int() });
const PublicPeriod = Period.extend({ value: z.number().int().nullable() });

/** A problem's indicator as in measure follow-ups: the baseline and an equally long period ending today. */
export const AgreementIndicatorSchema = z.object({
  problem_id: UuidSchema,
  categories: z.array(CategoryCodeSchema),
  /** Where it is counted: the problem's places, or else its area. */
  where: z.string(),
  baseline: Period,
  current: Period,
  target_value: z.number().int().nullable(),
});

/** A review as recorded; note and comments are null for readers without access to free text (analysts). */
export const AgreementReviewRecordSchema = z.object({
  id: UuidSchema,
  reviewed_on: IsoDateSchema,
  /** The review due date this one set: six months after it. */
  next_review: IsoDateSchema,
  note: z.string().nullable(),
  recorded_at: z.string(),
  activities: z.array(
    z.object({
      measure_id: UuidSchema,
      title: z.string(),
      assessment: ActivityAssessmentSchema,
      comment: z.string().nullable(),
    }),
  ),
  indicators: z.array(
    z.object({
      problem_id: UuidSchema,
      categories: z.array(CategoryCodeSchema),
      where: z.string(),
      /** Counted on the day of the review: the baseline and the equally long period ending then. */
      baseline_value: z.number().int(),
      value: Period,
      assessment: IndicatorAssessmentSchema,
      comment: z.string().nullable(),
    }),
  ),
});
export type AgreementReviewRecord = z.infer<typeof AgreementReviewRecordSchema>;

const ReviewFields = {
  last_review: IsoDateSchema.nullable(),
  next_review: IsoDateSchema,
  /** The six-monthly review is past due while the agreement runs. */
  review_overdue: z.boolean(),
};

export const AgreementSchema = z.object({
  id: UuidSchema,
  kind: AgreementKindSchema,
  title: z.string(),
  /** Null for readers without access to free text (analysts). */
  summary: z.string().nullable(),
  approved_public_text: z.string().nullable(),
  district_unit: Ref,
  partner_unit: Ref,
  period_start: IsoDateSchema,
  period_end: IsoDateSchema,
  ...ReviewFields,
  areas: z.array(Ref),
  activities: z.array(
    z.object({
      id: UuidSchema,
      title: z.string(),
      type: MeasureTypeSchema,
      status: MeasureStatusSchema,
      responsible_unit: Ref,
    }),
  ),
  indicators: z.array(AgreementIndicatorSchema),
  confidentiality: ConfidentialitySchema,
  /** The reviews held, newest first. */
  reviews: z.array(AgreementReviewRecordSchema),
  /** Raised on every change; also the ETag, sent back as `If-Match` to refuse overwriting a newer version (409). */
  version: z.number().int(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

/**
 * The public progress page of an agreement. No free text written by staff (its title and summary, measure
 * titles and descriptions, problem statements) — only what a coordinator approved as `public_text`; a page
 * names an agreement by its kind, parties and period.
 */
export const PublicAgreementSchema = z.object({
  id: UuidSchema,
  kind: AgreementKindSchema,
  district: z.string(),
  partner: z.string(),
  period_start: IsoDateSchema,
  period_end: IsoDateSchema,
  ...ReviewFields,
  public_text: z.string().nullable(),
  priority_areas: z.array(z.string()),
  activities: z.array(z.object({ type: MeasureTypeSchema, status: MeasureStatusSchema, responsible_unit: z.string() })),
  /** Counts of 1–4 are withheld (null): k-anonymity of public figures, analysis/stats/disclosure.ts. */
  indicators: z.array(
    AgreementIndicatorSchema.omit({ problem_id: true }).extend({ baseline: PublicPeriod, current: PublicPeriod }),
  ),
});
export type PublicAgreement = z.infer<typeof PublicAgreementSchema>;
export const PublicAgreementQuerySchema = z.object({ district_unit_id: UuidSchema.optional() });

/** A review due within a month, or overdue, in the district unit's inbox. */
export const AgreementReviewInboxItemSchema = z.object({
  kind: z.literal('agreement_review'),
  id: UuidSchema,
  title: z.string(),
  due_date: IsoDateSchema,
  days_left: z.number().int(),
  overdue: z.boolean(),
});
