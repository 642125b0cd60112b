import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { SlugSchema, UuidSchema } from './common.js';

/** File formats the importer reads; 'auto' sniffs the content (never the file name). */
export const ImportFormatSchema = z.enum(['csv', 'xlsx', 'geojson', 'police']);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/**
 * The incident fields a column can be mapped to. x/y are projected easting/northing; crs names their system;
 * occurred_time is a separate time-of-day column completing a date-only occurred_at ('Datum' + 'Tid').
 */
export const IMPORT_FIELDS = [
  'occurred_at',
  'occurred_time',
  'category',
  'lon',
  'lat',
  'x',
  'y',
  'crs',
  'address',
  'place',
  'description',
  'source_ref',
  'precision',
] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportFieldSchema>;

/** Coordinate systems accepted for x/y: SWEREF 99 TM (national) and SWEREF 99 18 00 (Stockholm's local). */
export const CrsSchema = z.enum(['EPSG:4326', 'EPSG:3006', 'EPSG:3011']);
export type Crs = z.infer<typeof CrsSchema>;

/** How to read 01/02/2026: day first (Swedish, default) or month first (US exports). */
export const DateOrderSchema = z.enum(['dmy', 'mdy']);

/** Per-source choices kept with a profile; each can also be given for a single run. */
export const ImportOptionsSchema = z.strictObject({
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  date_order: DateOrderSchema.default('dmy'),
  crs: CrsSchema.optional(),
  swap_coordinates: z.boolean().default(false),
  /** Unit (slug) credited as reporter of every row, e.g. 'trafikkontoret'. */
  reporting_unit: SlugSchema.optional(),
  /** Police location.name of the organisation's municipality; default derived from the organisation's name. */
  police_location: z.string().trim().min(1).max(100).optional(),
  /** Import rows that look like an incident already there (same category, ≤ 25 m, ≤ 10 min) instead of skipping them. */
  keep_near_duplicates: z.boolean().default(false),
  /** Columns of the source left out on purpose: never mapped, listed as ignored in the report. */
  ignore_columns: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
});
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

export const ImportProfileInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  source_label: z.string().trim().min(1).max(200),
  format: z.enum(['auto', ...ImportFormatSchema.options]).default('auto'),
  columns: z.partialRecord(ImportFieldSchema, z.string().trim().min(1).max(200)).default({}),
  options: ImportOptionsSchema.default({
    date_order: 'dmy',
    swap_coordinates: false,
    keep_near_duplicates: false,
    ignore_columns: [],
  }),
  /** The source's own category words → taxonomy codes ('Klotter/tag' → 'klotter'). */
  category_map: z.record(z.string().trim().min(1).max(200), CategoryCodeSchema).default({}),
});
export type ImportProfileInput = z.infer<typeof ImportProfileInputSchema>;

export const ImportProfileSchema = ImportProfileInputSchema.extend({
  id: UuidSchema,
  created_at: z.string(),
  updated_at: z.string(),
});
export type ImportProfile = z.infer<typeof ImportProfileSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Query string of POST /api/imports (the file itself is the multipart body). */
export const ImportRequestQuerySchema = z.object({
  dry_run: booleanQuery.default(true),
  profile: z.string().max(100).optional(),
  format: ImportFormatSchema.optional(),
  swap_coordinates: booleanQuery.optional(),
  /** Commit the valid rows even when others have errors (the default refuses the whole file). */
  skip_invalid: booleanQuery.default(false),
  /** false: answer 202 at once with the run id and let the client poll GET /api/imports/:id. */
  wait: booleanQuery.default(true),
});
export type ImportRequestQuery = z.infer<typeof ImportRequestQuerySchema>;

/** One problem with one row; `row` is the 1-based line/record number as a spreadsheet shows it. */
export const RowIssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  /** In English, for the API and the command line; the web says it in its own language from code and params. */
  message: z.string(),
  /** What the message names: `value` (the offending text, quoted and cut), `row`, `max`, `metres`, `minutes`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  suggestion: z.string().optional(),
});
export type RowIssue = z.infer<typeof RowIssueSchema>;

const Counts = z.record(z.string(), z.number().int());

/**
 * What became of one column of the file: mapped to a field (found by the profile, by its header name, or by
 * its content), ignored on purpose (the profile's ignore_columns), or not used.
 */
export const SourceColumnSchema = z.object({
  name: z.string(),
  use: z.enum(['mapped', 'ignored', 'unused']),
  field: ImportFieldSchema.nullable(),
  via: z.enum(['profile', 'header', 'content']).nullable(),
});
export type SourceColumn = z.infer<typeof SourceColumnSchema>;

/** One of the first accepted rows as it will be stored: local time, category, place, precision. */
export const PreviewRowSchema = z.object({
  row: z.number().int(),
  occurred_at: z.string(),
  /** 'YYYY-MM-DD HH:mm' on the organisation's wall clock, as people read it. */
  occurred_local: z.string(),
  category: z.string(),
  category_label: z.object({ sv: z.string(), en: z.string() }),
  place: z.string().nullable(),
  precision: z.enum(['exact', 'place', 'area', 'municipality']),
});
export type PreviewRow = z.infer<typeof PreviewRowSchema>;

/**
 * A distinct place or address value of the file and what it matched (null: nothing): a registered place, or
 * a district or neighbourhood by name — the rows then have precision 'area'.
 */
export const PlaceMatchSchema = z.object({
  value: z.string(),
  place: z.string().nullable(),
  rows: z.number().int(),
  precision: z.enum(['place', 'area']).nullable().default(null),
});
export type PlaceMatch = z.infer<typeof PlaceMatchSchema>;

export const ImportReportSchema = z.object({
  run_id: UuidSchema,
  status: z.enum(['running', 'validated', 'committed', 'rejected', 'failed']),
  dry_run: z.boolean(),
  file: z.object({
    name: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    format: ImportFormatSchema.nullable(),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
  }),
  profile: z.string().nullable(),
  columns: z.partialRecord(ImportFieldSchema, z.string()),
  // Defaults: reports of runs stored before these were reported.
  /** Every column of the file, in file order, with what became of it. */
  source_columns: z.array(SourceColumnSchema).default([]),
  /** The first accepted rows as they will be stored. */
  preview: z.array(PreviewRowSchema).default([]),
  /** Distinct place/address values (capped) with the place each matched; unmatched ones have place null. */
  places: z.array(PlaceMatchSchema).default([]),
  rows: z.object({
    read: z.number().int(),
    ok: z.number().int(),
    with_errors: z.number().int(),
    skipped: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  }),
  /** The first rows with errors (capped); `errors_total` counts them all. */
  errors: z.array(RowIssueSchema),
  errors_total: z.number().int(),
  errors_by_code: Counts,
  unknown_categories: Counts,
  /** Police types not in the mapping, loaded as 'annat'. */
  category_fallbacks: Counts,
  outside_organisation: z.number().int(),
  duplicates: z.object({
    source_ref_in_file: z.number().int(),
    source_ref_in_database: z.number().int(),
    near_in_file: z.number().int(),
    near_in_database: z.number().int(),
    examples: z.array(RowIssueSchema),
  }),
  skipped: Counts,
  redactions: z.object({ rows: z.number().int(), replacements: z.number().int() }),
  warnings: Counts,
  duration_ms: z.number().int(),
  rows_per_second: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportRunSchema = z.object({
  id: UuidSchema,
  status: ImportReportSchema.shape.status,
  /** True when the run still says 'running' but its process stopped sending heartbeats. */
  abandoned: z.boolean(),
  dry_run: z.boolean(),
  file_name: z.string(),
  file_sha256: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  progress: z.object({
    bytes_read: z.number().int(),
    bytes_total: z.number().int(),
    rows_read: z.number().int(),
    percent: z.number(),
  }),
  error_code: z.string().nullable(),
  report: ImportReportSchema.nullable(),
});
export type ImportRun = z.infer<typeof ImportRunSchema>;
