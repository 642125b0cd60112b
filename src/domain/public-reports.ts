import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { IsoDateTimeSchema, LatSchema, LonSchema, UuidSchema } from './common.js';
import { MAX_DESCRIPTION_LENGTH, StatusSchema } from './incidents.js';

/** Name of the honeypot field: invisible to people, filled in by form-spamming bots. */
export const HONEYPOT_FIELD = 'website';

/**
 * Whether a report is a bot's: its honeypot is filled. The public form and Open311 answer such a report as if
 * it were taken and store nothing, so the bot learns nothing.
 */
export const isHoneypotFilled = (input: { [HONEYPOT_FIELD]?: string | undefined }): boolean =>
  Boolean(input[HONEYPOT_FIELD]);

/** The honeypot field of both report schemas: untrimmed, as no person types even a space into it. */
export const HoneypotSchema = z.string().max(500).optional();

/**
 * Reports one address may file without an API key, through the public form and Open311 together (one count,
 * features/public-reports/public-reports.routes.ts `reportLimit`); with REDIS_URL the count is shared by every
 * server process (server/app.ts).
 */
export const ANONYMOUS_REPORT_LIMIT = { max: 10, timeWindow: '10 minutes' } as const;

/**
 * A resident's report through the public form: anonymous by default. An e-mail is kept only when the
 * resident asks for updates, and no field exists for a name or an identity number.
 */
export const PublicReportCreateSchema = z
  .strictObject({
    category: CategoryCodeSchema,
    lon: LonSchema,
    lat: LatSchema,
    place_id: UuidSchema.optional(),
    zone_id: UuidSchema.optional(),
    occurred_at: IsoDateTimeSchema.optional(),
    description: z.string().trim().max(MAX_DESCRIPTION_LENGTH).optional(),
    notify: z.boolean().default(false),
    email: z.string().trim().max(254).pipe(z.email()).optional(),
    [HONEYPOT_FIELD]: HoneypotSchema,
  })
  .refine((v) => !v.notify || v.email !== undefined, {
    path: ['email'],
    message: 'an e-mail address is needed for updates',
  })
  .refine((v) => v.zone_id === undefined || v.place_id !== undefined, {
    path: ['zone_id'],
    message: 'a zone needs a place',
  });
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

/** The token of the link that confirms a reporter's e-mail address. */
export const ContactConfirmSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
