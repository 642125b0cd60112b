import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { IsoDateTimeSchema, LatSchema, LonSchema, UuidSchema } from './common.js';
import { ClosureReasonSchema, MAX_DESCRIPTION_LENGTH, StatusSchema } from './incidents.js';

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

/** One step of a report's status, from the audit trail of its changes. */
export const StatusStepSchema = z.object({
  at: z.string(),
  status: StatusSchema,
  closure_reason: ClosureReasonSchema.nullable(),
});
export type StatusStep = z.infer<typeof StatusStepSchema>;

/** A reply staff wrote to the reporter, redacted on write. */
export const PublicUpdateSchema = z.object({ body: z.string(), created_at: z.string() });
export type PublicUpdate = z.infer<typeof PublicUpdateSchema>;

/** The category's service level: how long handling is expected to take, and when that time is up. */
export const HandlingPromiseSchema = z.object({ hours: z.number().int(), rule: z.string(), due_at: z.string() });

/**
 * What anyone holding the receipt may see: no free text of the report, the location rounded to about 100 m,
 * the status history, the replies staff wrote to the reporter, the expected handling time and whether a
 * photo came with it (shown only through the receipt code: the reporter's own).
 */
export const PublicReportStatusSchema = z.object({
  receipt_code: ReceiptCodeSchema,
  category: CategoryCodeSchema,
  category_label_sv: z.string(),
  category_label_en: z.string(),
  status: StatusSchema,
  closure_reason: ClosureReasonSchema.nullable(),
  reported_at: z.string(),
  updated_at: z.string(),
  area_name: z.string().nullable(),
  place_name: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  history: z.array(StatusStepSchema),
  updates: z.array(PublicUpdateSchema),
  handling: HandlingPromiseSchema.nullable(),
  has_photo: z.boolean(),
});
export type PublicReportStatus = z.infer<typeof PublicReportStatusSchema>;

/** A reporter reopens a closed report by its receipt code, saying why (redacted like every text). */
export const PublicReportReopenSchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export type PublicReportReopen = z.infer<typeof PublicReportReopenSchema>;

/** The token of the link that confirms a reporter's e-mail address. */
export const ContactConfirmSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

/** A reply to the reporter, written by staff on the incident page; redacted like every text. */
export const PublicUpdateCreateSchema = z.strictObject({ body: z.string().trim().min(1).max(2000) });
export type PublicUpdateCreate = z.infer<typeof PublicUpdateCreateSchema>;

/** What staff see of the resident's side of an incident: its receipt code, photo and replies. */
export const ResidentSideSchema = z.object({
  receipt_code: ReceiptCodeSchema.nullable(),
  photo: z.object({ width: z.number().int(), height: z.number().int() }).nullable(),
  updates: z.array(PublicUpdateSchema.extend({ id: UuidSchema })),
});
export type ResidentSide = z.infer<typeof ResidentSideSchema>;

/** Photos a resident may attach: JPEG, PNG or HEIC (a phone's HEVC-coded HEIF) up to 10 MB. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Longest edge of a stored photo and of its thumbnail, in pixels. */
export const PHOTO_MAX_EDGE = 1600;
export const PHOTO_THUMB_EDGE = 320;
/** A photo can be added within this time of the report, once: the reporter's own, sent right after the form. */
export const PHOTO_WINDOW_MINUTES = 60;

export const PhotoSizeQuerySchema = z.object({ size: z.enum(['full', 'thumb']).default('full') });
