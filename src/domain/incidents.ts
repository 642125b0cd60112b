import { ConfidentialitySchema } from './confidentiality.js';
import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { BboxSchema, csvList, IsoDateTimeSchema, LatSchema, LimitSchema, LonSchema, UuidSchema } from './common.js';

export const MAX_DESCRIPTION_LENGTH = 4000;

/**
 * How exact a location is. Police events carry only the municipality's centre point; such rows must
 * never be drawn or analysed as if exact (they have no H3 cells and no area).
 */
export const PrecisionSchema = z.enum(['exact', 'place', 'area', 'municipality']);
export type Precision = z.infer<typeof PrecisionSchema>;
/** Precisions precise enough for point analyses (maps of points, hotspots, density, repeat places). */
export const POINT_PRECISIONS: readonly Precision[] = ['exact', 'place'];

export const SourceSchema = z.enum(['resident', 'staff', 'partner', 'police', 'import', 'open311', 'demo']);
export type Source = z.infer<typeof SourceSchema>;

export const StatusSchema = z.enum(['new', 'in_progress', 'closed']);
export type Status = z.infer<typeof StatusSchema>;
export const ClosureReasonSchema = z.enum(['fixed', 'not_ours', 'wont_fix', 'duplicate']);
export type ClosureReason = z.infer<typeof ClosureReasonSchema>;

/**
 * A new incident. Strict: unknown fields are refused, so no name or identity number can slip in
 * under another key. Free text is redacted of personal data before it is stored.
 */
export const IncidentCreateSchema = z
  .strictObject({
    occurred_at: IsoDateTimeSchema,
    category: CategoryCodeSchema,
    lon: LonSchema,
    lat: LatSchema,
    precision: PrecisionSchema.default('exact'),
    place_id: UuidSchema.optional(),
    zone_id: UuidSchema.optional(),
    description: z.string().trim().max(MAX_DESCRIPTION_LENGTH).optional(),
    source: SourceSchema.exclude(['demo']).default('staff'),
    source_ref: z.string().trim().min(1).max(200).optional(),
    reporting_unit_id: UuidSchema.optional(),
    /** Who may browse the report; without it the incident default (municipal). */
    confidentiality: ConfidentialitySchema.optional(),
  })
  .refine((v) => v.zone_id === undefined || v.place_id !== undefined, {
    path: ['zone_id'],
    message: 'a zone needs a place',
  });
export type IncidentCreate = z.infer<typeof IncidentCreateSchema>;
export type IncidentCreateInput = z.input<typeof IncidentCreateSchema>;

export const IncidentStatusUpdateSchema = z
  .strictObject({
    status: StatusSchema,
    closure_reason: ClosureReasonSchema.optional(),
    note: z.string().trim().max(1000).optional(),
    /** Closing as 'not_ours': the unit of the organisation the report was passed on to. */
    forwarded_to_unit_id: UuidSchema.optional(),
  })
  .refine((v) => (v.status === 'closed') === (v.closure_reason !== undefined), {
    path: ['closure_reason'],
    message: 'closure_reason is required when, and only when, status is closed',
  })
  .refine((v) => (v.closure_reason === 'not_ours') === (v.forwarded_to_unit_id !== undefined), {
    path: ['forwarded_to_unit_id'],
    message: "forwarded_to_unit_id is required when, and only when, closing as 'not_ours'",
  });
export type IncidentStatusUpdate = z.infer<typeof IncidentStatusUpdateSchema>;

/**
 * A new confidentiality tier for an incident. `from` is the tier the editor saw: when someone else changed it
 * in between, the change is refused (CONFLICT) rather than silently overwriting theirs.
 */
export const IncidentConfidentialityUpdateSchema = z
  .strictObject({
    from: ConfidentialitySchema,
    confidentiality: ConfidentialitySchema,
  })
  .refine((v) => v.from !== v.confidentiality, {
    path: ['confidentiality'],
    message: 'choose a tier other than the current one',
  });
export type IncidentConfidentialityUpdate = z.infer<typeof IncidentConfidentialityUpdateSchema>;

export const IncidentSchema = z.object({
  id: UuidSchema,
  occurred_at: z.string(),
  reported_at: z.string(),
  category: CategoryCodeSchema,
  lon: z.number(),
  lat: z.number(),
  precision: PrecisionSchema,
  h3: z.object({ r7: z.string(), r8: z.string(), r9: z.string(), r10: z.string() }).nullable(),
  area_id: UuidSchema.nullable(),
  district_id: UuidSchema.nullable(),
  place_id: UuidSchema.nullable(),
  zone_id: UuidSchema.nullable(),
  description: z.string().nullable(),
  redaction_count: z.number().int(),
  source: SourceSchema,
  source_ref: z.string().nullable(),
  reporting_unit_id: UuidSchema.nullable(),
  status: StatusSchema,
  closure_reason: ClosureReasonSchema.nullable(),
  status_note: z.string().nullable(),
  /** Closed as 'not_ours': the unit it was passed on to. */
  forwarded_to_unit_id: UuidSchema.nullable(),
  /** True for generated demo rows: shown with a label so nobody mistakes them for real figures. */
  generated: z.boolean(),
  confidentiality: ConfidentialitySchema,
  /** Raised on every change; also the ETag. A change sent with an older one in `If-Match` is refused (409). */
  version: z.number().int(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const IncidentListQuerySchema = z.object({
  /** Neighbourhood or district area id (either level; matched against the layout in force at each incident's time). */
  area_id: UuidSchema.optional(),
  category: csvList(CategoryCodeSchema).optional(),
  source: csvList(SourceSchema).optional(),
  status: csvList(StatusSchema).optional(),
  precision: csvList(PrecisionSchema).optional(),
  place_id: UuidSchema.optional(),
  /** The incidents an import run wrote or last updated. */
  import_run_id: UuidSchema.optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  bbox: BboxSchema.optional(),
  limit: LimitSchema,
  cursor: z.string().max(200).optional(),
  format: z.enum(['json', 'geojson']).default('json'),
  /**
   * GeoJSON only: what a coarse (area or municipality precision) incident gets as geometry. 'null' (default):
   * none, so no GIS tool stacks them on one point; 'polygon': its neighbourhood's polygon where it has one.
   */
  coarse: z.enum(['null', 'polygon']).default('null'),
});
export type CoarseGeometry = IncidentListQuery['coarse'];
export type IncidentListQuery = z.infer<typeof IncidentListQuerySchema>;

/** Counts per H3 cell for the map when there are too many points to draw one by one. */
export const HexbinQuerySchema = IncidentListQuerySchema.omit({
  limit: true,
  cursor: true,
  format: true,
  coarse: true,
  precision: true,
}).extend({ resolution: z.coerce.number().int().min(7).max(10).default(8) });
export type HexbinQuery = z.infer<typeof HexbinQuerySchema>;
export const HexbinSchema = z.object({ cell: z.string(), count: z.number().int() });
