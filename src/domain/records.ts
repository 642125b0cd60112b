import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';
import { ConfidentialitySchema, RecordTypeSchema } from './confidentiality.js';
import { ReleaseReviewSchema } from './osl-grounds.js';

/** Most records one release may hold: a larger request is split, so each release stays reviewable. */
export const MAX_RELEASE_RECORDS = 5000;

export const ReleaseFormatSchema = z.enum(['json', 'xlsx', 'pdf']);

// Both engines' date range, with room: year 0 or 10000 would be refused by the database, not by validation.
const ReleaseDateSchema = IsoDateSchema.refine(
  (d) => d >= '1900-01-01' && d <= '2999-12-31',
  'a date between 1900 and 2999',
);

/** Which records a request covers when not named one by one: created in a period, of a unit. */
export const RecordsFilterSchema = z.strictObject({
  from: ReleaseDateSchema.optional(),
  to: ReleaseDateSchema.optional(),
  /** The owning unit (reporting, owner, responsible, asking, district or assignee unit, by record type). */
  unit_id: UuidSchema.optional(),
});
export type RecordsFilter = z.infer<typeof RecordsFilterSchema>;

/**
 * A records request (begäran om allmän handling): the requested records of one type, by id or by filter,
 * released to `recipient` under the registry reference `request_ref`.
 */
export const RecordsExportSchema = z
  .strictObject({
    request_ref: z.string().trim().min(1).max(100),
    recipient: z.string().trim().min(1).max(200),
    type: RecordTypeSchema,
    ids: z.array(UuidSchema).min(1).max(MAX_RELEASE_RECORDS).optional(),
    filter: RecordsFilterSchema.optional(),
    format: ReleaseFormatSchema.default('json'),
  })
  .refine((v) => (v.ids === undefined) !== (v.filter === undefined), {
    path: ['ids'],
    message: 'name the records by ids or by a filter, not both',
  });
export type RecordsExport = z.infer<typeof RecordsExportSchema>;

/** Text shown in place of a masked field. */
export const MASKED = '[sekretess]';

export const ReleasedRecordSchema = z.object({
  id: UuidSchema,
  confidentiality: ConfidentialitySchema,
  /** The record as released: masked fields read MASKED, masked spans name their ground. */
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  masked: z.array(z.string()),
});
export type ReleasedRecord = z.infer<typeof ReleasedRecordSchema>;

export const RecordsReleaseSchema = z.object({
  id: UuidSchema,
  request_ref: z.string(),
  recipient: z.string(),
  record_type: RecordTypeSchema,
  record_ids: z.array(UuidSchema),
  masked: z.array(z.object({ id: UuidSchema, fields: z.array(z.string()) })),
  format: ReleaseFormatSchema,
  released_by: z.string(),
  released_at: z.string(),
  /** The review before the release (null for releases made before reviews existed). */
  review: ReleaseReviewSchema.nullable(),
});
export type RecordsRelease = z.infer<typeof RecordsReleaseSchema>;

export const RecordsExportResultSchema = z.object({
  release: RecordsReleaseSchema,
  records: z.array(ReleasedRecordSchema),
});
export type RecordsExportResult = z.infer<typeof RecordsExportResultSchema>;

export const ReleaseListQuerySchema = z.object({ request_ref: z.string().trim().min(1).max(100).optional() });
