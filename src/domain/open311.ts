import { z } from 'zod';
import { MAX_DESCRIPTION_LENGTH } from './incidents.js';
import { HONEYPOT_FIELD, HoneypotSchema } from './public-reports.js';

/** Open311 GeoReport v2: the response format is chosen by the path suffix; XML is the required one. */
export const Open311FormatSchema = z.enum(['xml', 'json']);
export type Open311Format = z.infer<typeof Open311FormatSchema>;

/** Opt-in attribute every service declares: only with notify=true is the reporter's e-mail kept. */
export const NOTIFY_ATTRIBUTE = 'notify';

/**
 * Form encoders send a field left empty as `name=`: an empty value counts as absent, in the body and in the
 * query, before the field's own rule applies.
 */
const blankAsAbsent = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .pipe(schema.optional());

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));
const optionalNumber = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : Number(v)))
  .pipe(z.number().finite().optional());

/**
 * POST requests.{fmt} (application/x-www-form-urlencoded). Name and phone fields of the spec are accepted
 * and dropped: incidents describe places, never persons.
 */
export const Open311PostSchema = z
  .looseObject({
    jurisdiction_id: optionalText(60),
    api_key: optionalText(200),
    // Any text: a code that is not among the services is the spec's 404, not a 400.
    service_code: z.string().trim().min(1).max(60),
    lat: optionalNumber.pipe(z.number().gte(-90).lte(90).optional()),
    long: optionalNumber.pipe(z.number().gte(-180).lte(180).optional()),
    address_string: optionalText(300),
    address_id: optionalText(100),
    email: z
      .string()
      .trim()
      .max(254)
      .optional()
      .transform((v) => (v === '' ? undefined : v))
      .pipe(z.email().optional()),
    device_id: optionalText(200),
    account_id: optionalText(200),
    first_name: optionalText(200),
    last_name: optionalText(200),
    phone: optionalText(50),
    description: optionalText(MAX_DESCRIPTION_LENGTH),
    media_url: optionalText(2000),
    [`attribute[${NOTIFY_ATTRIBUTE}]`]: blankAsAbsent(z.enum(['true', 'false'])),
    /** Honeypot, as on the public form: a client that fills it is answered as usual and nothing is stored. */
    [HONEYPOT_FIELD]: HoneypotSchema,
  })
  .refine((v) => (v.lat !== undefined && v.long !== undefined) || v.address_string !== undefined, {
    path: ['lat'],
    message: 'give lat and long, or address_string',
  });
export type Open311Post = z.infer<typeof Open311PostSchema>;

/** Largest page of GET requests.{fmt}: the spec lets the city set it; clients page on with `page`. */
export const OPEN311_MAX_PAGE_SIZE = 100;

/** GET requests.{fmt} filters of the spec, and paging (`page` from 1, `page_size` up to OPEN311_MAX_PAGE_SIZE). */
export const Open311RequestQuerySchema = z.object({
  jurisdiction_id: blankAsAbsent(z.string().max(60)),
  service_request_id: blankAsAbsent(z.string().max(4000)),
  service_code: blankAsAbsent(z.string().max(500)),
  start_date: blankAsAbsent(z.iso.datetime({ offset: true })),
  end_date: blankAsAbsent(z.iso.datetime({ offset: true })),
  status: blankAsAbsent(z.string().max(20))
    .transform((s) => s?.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(['open', 'closed'])).optional()),
  page: blankAsAbsent(z.coerce.number<string>().int().min(1).max(10_000)).transform((n) => n ?? 1),
  page_size: blankAsAbsent(z.coerce.number<string>().int().min(1).max(OPEN311_MAX_PAGE_SIZE)).transform((n) => n ?? 50),
});

/** jurisdiction_id of the GET routes other than requests.{fmt}. */
export const Open311JurisdictionQuerySchema = z.object({ jurisdiction_id: blankAsAbsent(z.string().max(60)) });
export type Open311RequestQuery = z.infer<typeof Open311RequestQuerySchema>;

/** A key for a trusted Open311 client (a city system or a partner app): a higher report limit than an address. */
export const Open311ApiKeyCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export type Open311ApiKeyCreate = z.infer<typeof Open311ApiKeyCreateSchema>;

export const Open311ApiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type Open311ApiKey = z.infer<typeof Open311ApiKeySchema>;

/** Reports a trusted client may file per key in ANONYMOUS_REPORT_LIMIT's window (an address gets its `max`). */
export const TRUSTED_CLIENT_REPORT_LIMIT = 1000;
