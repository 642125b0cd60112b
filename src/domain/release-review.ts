import { z } from 'zod';
import { UuidSchema } from './common.js';
import { RecordTypeSchema } from './confidentiality.js';
import { GroundSchema } from './osl-grounds.js';
import { ReleaseFormatSchema, ReleasedRecordSchema } from './records.js';

/**
 * Free text written by people, the fields a release is reviewed in: candidates are marked there, an officer
 * may mask any part of them, and the recogniser runs over them once more on the way out.
 */
export const RELEASE_FREE_TEXT_FIELDS: readonly string[] = [
  'description',
  'status_note',
  'title',
  'statement',
  'time_pattern',
  'what',
  'answer',
  'notes',
  'summary',
  'approved_public_text',
  'components',
];

/** What a mark covers: a recognised identifier, a suggestion of the candidate finder, or the officer's own selection. */
export const MarkKindSchema = z.enum([
  'personnummer',
  'samordningsnummer',
  'e-post',
  'telefon',
  'registreringsnummer',
  'personal_data',
  'name',
  'number',
  'address',
  'selection',
]);
export type MarkKind = z.infer<typeof MarkKindSchema>;

/**
 * A span of one field of one record in a draft release. `automatic` marks (identity numbers, phone numbers,
 * e-mail addresses, licence plates) are masked from the start; `suggested` ones wait for the officer's
 * decision; `officer` marks are spans the officer selected and masked.
 */
export const ReviewMarkSchema = z.object({
  id: z.string(),
  record_id: UuidSchema,
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** The marked text (shown to the reviewing officer only; never logged). */
  text: z.string(),
  kind: MarkKindSchema,
  origin: z.enum(['automatic', 'suggested', 'officer']),
  decision: z.enum(['mask', 'approve']).nullable(),
  ground: GroundSchema.nullable(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
});
export type ReviewMark = z.infer<typeof ReviewMarkSchema>;

/** A release being reviewed (sekretessprövning): the records as they would be released, and the marks to decide. */
export const ReleaseDraftSchema = z.object({
  id: UuidSchema,
  request_ref: z.string(),
  recipient: z.string(),
  record_type: RecordTypeSchema,
  format: ReleaseFormatSchema,
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  /** Restricted fields already read [sekretess]; free text as stored, marks not yet applied. */
  records: z.array(ReleasedRecordSchema),
  marks: z.array(ReviewMarkSchema),
  /** Marks without a decision; the draft can be released only at 0. */
  undecided: z.number().int(),
});
export type ReleaseDraft = z.infer<typeof ReleaseDraftSchema>;

/** The officer's decisions on a draft: mask (with a ground) or approve each mark; mask spans of their own; undo their own. */
export const DraftReviewSchema = z.strictObject({
  decisions: z
    .array(
      z
        .strictObject({
          id: z.string().min(1).max(40),
          decision: z.enum(['mask', 'approve']),
          ground: GroundSchema.optional(),
        })
        .refine((d) => d.decision === 'approve' || d.ground !== undefined, {
          path: ['ground'],
          message: 'a mask needs a ground',
        }),
    )
    .max(20_000)
    .default([]),
  add: z
    .array(
      z
        .strictObject({
          record_id: UuidSchema,
          field: z.string().min(1).max(100),
          start: z.number().int().min(0),
          end: z.number().int().min(1),
          ground: GroundSchema,
        })
        .refine((a) => a.end > a.start, { path: ['end'], message: 'end after start' }),
    )
    .max(1000)
    .default([]),
  remove: z.array(z.string().min(1).max(40)).max(1000).default([]),
});
export type DraftReview = z.infer<typeof DraftReviewSchema>;

/** The release of a fully reviewed draft. */
export const ReleaseFromDraftSchema = z.strictObject({ draft_id: UuidSchema });
