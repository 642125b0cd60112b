import { z } from 'zod';
import { UuidSchema } from './common.js';
import { FollowupSchema, MeasureSchema, MeasureStatusSchema } from './measures.js';
import { AreaSchema } from './org.js';
import { ProblemSchema } from './problems.js';
import { QualityCheckSchema } from './quality.js';
import { ContributionRequestSchema } from './requests.js';

const Ref = z.object({ id: UuidSchema, name: z.string() });

/** A unit's premise (library, museum, archive reading room …) as a resource in district plans. */
export const PremiseSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  type: z.string(),
  lon: z.number(),
  lat: z.number(),
  owner_unit: Ref,
  /** Districts whose plans it touches: where it lies, and where problems or measures name it. */
  districts: z.array(Ref),
});

/** A point to draw: a problem's or measure's place, or a premise. */
export const MapPointSchema = z.object({
  kind: z.enum(['problem', 'measure', 'premise']),
  id: UuidSchema,
  place_id: UuidSchema,
  label: z.string(),
  lon: z.number(),
  lat: z.number(),
});

/**
 * The district's coordination view: every unit's problems, measures, requests and follow-ups in its
 * geography, with the areas (draw them from /api/areas/geojson by id) and points for a map.
 */
export const DistrictViewSchema = z.object({
  district: Ref,
  areas: z.array(AreaSchema),
  problems: z.array(ProblemSchema),
  measures: z.array(MeasureSchema),
  requests: z.array(ContributionRequestSchema),
  followups: z.array(FollowupSchema.extend({ measure: Ref, responsible_unit: Ref })),
  resources: z.array(PremiseSchema),
  points: z.array(MapPointSchema),
});
export type DistrictView = z.infer<typeof DistrictViewSchema>;

/** A unit's view: its measures across all districts, and its premises with the district plans they touch. */
export const UnitViewSchema = z.object({
  unit: Ref,
  measures: z.array(
    z.object({ measure: MeasureSchema, role: z.enum(['responsible', 'contributing']), districts: z.array(Ref) }),
  ),
  premises: z.array(PremiseSchema),
});
export type UnitView = z.infer<typeof UnitViewSchema>;

/** The city view: the districts side by side. */
export const CityViewSchema = z.object({
  districts: z.array(
    z.object({
      district: Ref,
      problems: z.number().int(),
      measures: z.record(MeasureStatusSchema, z.number().int()),
      requests_open: z.number().int(),
      requests_overdue: z.number().int(),
      followups_overdue: z.number().int(),
      quality: z.record(QualityCheckSchema, z.number().int()),
      quality_total: z.number().int(),
    }),
  ),
});
export type CityView = z.infer<typeof CityViewSchema>;
