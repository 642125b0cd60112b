import { z } from 'zod';
import { IsoDateSchema, SlugSchema, UuidSchema } from './common.js';
import { MeasureStatusSchema, MeasureTypeSchema } from './measures.js';

export const UnitKindSchema = z.enum(['district', 'specialist', 'company', 'partner']);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const AreaLevelSchema = z.enum(['district', 'neighbourhood', 'focus']);
export type AreaLevel = z.infer<typeof AreaLevelSchema>;

export const PlaceSettingSchema = z.enum(['indoor', 'outdoor']);
export type PlaceSetting = z.infer<typeof PlaceSettingSchema>;

/** Place types the demo and the UI know; stored as text so a tenant can add its own. */
export const PLACE_TYPES = [
  'library',
  'archive_reading_room',
  'museum',
  'school',
  'square',
  'park',
  'metro_entrance',
  'station',
  'sports_facility',
  'youth_centre',
  'shopping_centre',
  'courtyard',
  'street',
  'other',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export const OrganisationSchema = z.object({
  id: UuidSchema,
  slug: SlugSchema,
  name: z.string(),
  municipality_code: z.string().nullable(),
  /** IANA time zone of the organisation's wall clock (weeks, local days, "today"). */
  time_zone: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const UnitSchema = z.object({
  id: UuidSchema,
  slug: SlugSchema,
  name: z.string(),
  name_en: z.string().nullable(),
  kind: UnitKindSchema,
  valid_from: IsoDateSchema.nullable(),
  valid_to: IsoDateSchema.nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitListQuerySchema = z.object({
  kind: UnitKindSchema.optional(),
  /** Only units in force on this day (default: today). */
  at: IsoDateSchema.optional(),
});

const PositionSchema = z.array(z.number()).min(2);
export const PolygonalGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(PositionSchema)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(PositionSchema))) }),
]);

export const AreaSchema = z.object({
  id: UuidSchema,
  code: SlugSchema,
  name: z.string(),
  level: AreaLevelSchema,
  parent_id: UuidSchema.nullable(),
  owner_unit_id: UuidSchema.nullable(),
  valid_from: IsoDateSchema,
  valid_to: IsoDateSchema.nullable(),
  approximate: z.boolean(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type AreaSummary = z.infer<typeof AreaSchema>;

export const AreaListQuerySchema = z.object({
  level: AreaLevelSchema.optional(),
  /** The layout in force on this day (default: today); '2022-01-01' gives Stockholm's 13 districts. */
  at: IsoDateSchema.optional(),
  parent_id: UuidSchema.optional(),
  format: z.enum(['json', 'geojson']).default('json'),
});

export const AreaDetailSchema = AreaSchema.extend({
  geometry: PolygonalGeometrySchema,
  owner_unit: UnitSchema.nullable(),
  children: z.array(AreaSchema),
  population: z.object({ year: z.number().int(), population: z.number().int() }).nullable(),
});

export const PlaceZoneSchema = z.object({
  id: UuidSchema,
  code: SlugSchema,
  name: z.string(),
  name_en: z.string().nullable(),
});

export const PlaceSchema = z.object({
  id: UuidSchema,
  slug: SlugSchema,
  name: z.string(),
  type: z.string(),
  setting: PlaceSettingSchema,
  lon: z.number(),
  lat: z.number(),
  coordinate_approximate: z.boolean(),
  coordinate_note: z.string().nullable(),
  address: z.string().nullable(),
  neighbourhood_code: z.string().nullable(),
  owner_unit_id: UuidSchema.nullable(),
});
export type PlaceSummary = z.infer<typeof PlaceSchema>;

const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** When an indoor public room is open: periods per ISO weekday (1 Monday … 7 Sunday), on the local clock. */
export const OpeningHoursSchema = z.object({
  periods: z
    .array(
      z
        .object({ day: z.number().int().min(1).max(7), opens: LocalTimeSchema, closes: LocalTimeSchema })
        .refine((p) => p.opens < p.closes, { message: 'opens before it closes', path: ['closes'] }),
    )
    .max(21),
  /** Where the hours come from, or that they are an example. */
  note: z.string().max(300).nullable(),
});
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** A unit with the way a district reaches it for the local work (a function mailbox, a switchboard). */
export const UnitWithContactSchema = UnitSchema.extend({
  contact_email: z.string().nullable(),
  contact_phone: z.string().nullable(),
});

/** Incidents at a place per zone (null: no zone given) and local calendar month ('YYYY-MM'). */
export const ZoneMonthCountSchema = z.object({
  zone_id: UuidSchema.nullable(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Null for callers who may not read incidents when there are 1–4 (k-anonymity). */
  count: z.number().int().nullable(),
});

export const PlaceMeasureSchema = z.object({
  id: UuidSchema,
  /** Null for callers who may not read free text (a title can say as much as the text under it). */
  title: z.string().nullable(),
  type: MeasureTypeSchema,
  status: MeasureStatusSchema,
  period_start: IsoDateSchema.nullable(),
  period_end: IsoDateSchema.nullable(),
  responsible_unit: z.object({ id: UuidSchema, name: z.string(), name_en: z.string().nullable() }),
});

export const PlaceDetailSchema = PlaceSchema.extend({
  owner_unit: UnitWithContactSchema.nullable(),
  responsible_units: z.array(UnitWithContactSchema.extend({ responsibility: z.string() })),
  zones: z.array(PlaceZoneSchema),
  /** Null for callers who may not read incidents when there are 1–4 (k-anonymity, analysis/stats/disclosure.ts). */
  incident_count: z.number().int().nullable(),
  opening_hours: OpeningHoursSchema.nullable(),
  /** The last twelve full months and the current one, oldest first; months without incidents are left out. */
  zone_months: z.array(ZoneMonthCountSchema),
  /** Measures aimed at the place that the caller may see. */
  measures: z.array(PlaceMeasureSchema),
});

export const PlaceListQuerySchema = z.object({
  setting: PlaceSettingSchema.optional(),
  type: z.string().max(60).optional(),
  /** Places inside this area (any level, matched through the neighbourhood code). */
  area_id: UuidSchema.optional(),
  q: z.string().max(100).optional(),
});
