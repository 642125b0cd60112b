import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { IsoDateTimeSchema, LatSchema, LonSchema, UuidSchema } from './common.js';
import { MAX_DESCRIPTION_LENGTH, StatusSchema } from './incidents.js';

/** Name of the honeypot field: invisible to people, filled in by form-spamming bots. */
export const HONEYPOT_FIELD = 'website';

/**
 * A resident's report through the public form: anonymous by default. An e-mail is kept only when the
 * resident asks for updates, and no field exists for a name or an identity number.
 */
export const PublicReportCreateSchema = z.strictObject({
  category: CategoryCodeSchema,
  lon: LonSchema,
  lat: LatSchema,
  place_id: UuidSchema.optional(),
  zone_id: UuidSchema.optional(),
  occurred_at: IsoDateTimeSchema.optional(),
  description: z.string().trim().max(MAX_DESCRIPTION_LENGTH).optional(),
  notify: z.boolean().default(false),
  email: z.string().trim().max(254).pipe(z.email()).optional(),
  [HONEYPOT_FIELD]: z.string().max(500).optional(),
}).refine((v) => !v.notify || v.email !== undefined, { path: ['email'], message: 'an e-mail address is needed for updates' })
  .refine((v) => v.zone_id === undefined || v.place_id !== undefined, { path: ['zone_id'], message: 'a zone needs a place' });
export type PublicReportCreate = z.infer<typeof PublicReportCreateSchema>;
export type PublicReportCreateInput = z.input<typeof PublicReportCreateSchema>;

/** 'TR-' and two groups of four characters without look-alikes (0/O, 1/I/L). */
export const ReceiptCodeSchema = z.string().regex(/^TR-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);

export const PublicReportReceiptSchema = z.object({ receipt_code: ReceiptCodeSchema, status: StatusSchema });

/** What anyone holding the receipt may see: no free text, the location rounded to about 100 m. */
export const PublicReportStatusSchema = z.object({
  receipt_code: ReceiptCodeSchema,
  category: CategoryCodeSchema,
  category_label_sv: z.string(),
  category_label_en: z.string(),
  status: StatusSchema,
  closure_reason: z.enum(['fixed', 'not_ours', 'wont_fix', 'duplicate']).nullable(),
  reported_at: z.string(),
  updated_at: z.string(),
  area_name: z.string().nullable(),
  place_name: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
});
export type PublicReportStatus = z.infer<typeof PublicReportStatusSchema>;

/** A reporter reopens a closed report by its receipt code, saying why (redacted like every text). */
export const PublicReportReopenSchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export type PublicReportReopen = z.infer<typeof PublicReportReopenSchema>;
