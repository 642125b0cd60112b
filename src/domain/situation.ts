import { z } from 'zod';
import { isIsoWeek } from './calendar/index.js';
import { CategoryCodeSchema } from './categories.js';
import { csvList, IsoDateSchema, UuidSchema } from './common.js';
import { PrecisionSchema, SourceSchema } from './incidents.js';

/** An ISO 8601 week such as '2026-W47' that exists ('2026-W54' and '2026-47' are refused). */
export const IsoWeekSchema = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, 'an ISO week such as 2026-W47')
  .refine(isIsoWeek, 'that year has no such week');

/** The report's scope and filters: a district (area id of either layout) or, without area_id, the whole city. */
export const SituationQuerySchema = z.object({
  area_id: UuidSchema.optional(),
  week: IsoWeekSchema,
  /** Category groups (e.g. 'violence,disorder'); all when absent. */
  category_group: csvList(CategoryCodeSchema).optional(),
  source: csvList(SourceSchema).optional(),
});
export type SituationQuery = z.infer<typeof SituationQuerySchema>;

/** Levels of the area rating (EST practice): 1 lugnt, 2 viss oro, 3 oroligt, 4 allvarligt. */
export const RatingLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type RatingLevel = z.infer<typeof RatingLevelSchema>;
export const RATING_LABELS: Record<RatingLevel, { sv: string; en: string; colour: string }> = {
  1: { sv: 'lugnt', en: 'calm', colour: '#2e7d32' },
  2: { sv: 'viss oro', en: 'some concern', colour: '#f9a825' },
  3: { sv: 'oroligt', en: 'troubled', colour: '#ef6c00' },
  4: { sv: 'allvarligt', en: 'serious', colour: '#c62828' },
};

/**
 * How a rating is proposed: score = incidents of the week + (violence_weight − 1) × violence-group incidents;
 * level 2 from viss_oro_from, 3 from oroligt_from, 4 from allvarligt_from; one level up when the rise against
 * last week is significant and rise_raises_level. Defaults in DEFAULT_RATING_THRESHOLDS.
 */
export const RatingThresholdsInputSchema = z
  .strictObject({
    viss_oro_from: z.number().int().min(1).max(100_000),
    oroligt_from: z.number().int().min(2).max(100_000),
    allvarligt_from: z.number().int().min(3).max(100_000),
    violence_weight: z.number().min(1).max(10),
    rise_raises_level: z.boolean(),
  })
  .refine((t) => t.viss_oro_from < t.oroligt_from && t.oroligt_from < t.allvarligt_from, {
    path: ['oroligt_from'],
    message: 'thresholds must rise: viss_oro_from < oroligt_from < allvarligt_from',
  });
export type RatingThresholdsInput = z.infer<typeof RatingThresholdsInputSchema>;
export const RatingThresholdsSchema = z.object({
  district_code: z.string(),
  viss_oro_from: z.number().int(),
  oroligt_from: z.number().int(),
  allvarligt_from: z.number().int(),
  violence_weight: z.number(),
  rise_raises_level: z.boolean(),
  /** False while the district uses the defaults. */
  customised: z.boolean(),
});
export type RatingThresholds = z.infer<typeof RatingThresholdsSchema>;
/** Defaults for a stadsdel-week: 5 / 15 / 30 points, violence and threats count three times. */
export const DEFAULT_RATING_THRESHOLDS: RatingThresholdsInput = {
  viss_oro_from: 5,
  oroligt_from: 15,
  allvarligt_from: 30,
  violence_weight: 3,
  rise_raises_level: true,
};

/** The coordinator's confirmed ratings for one week (any level may differ from the proposal). */
export const RatingConfirmSchema = z.strictObject({
  week: IsoWeekSchema,
  ratings: z
    .array(
      z.strictObject({
        neighbourhood_code: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .max(100),
        level: RatingLevelSchema,
        comment: z.string().trim().max(1000).optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type RatingConfirm = z.infer<typeof RatingConfirmSchema>;

export const AnnotationKindSchema = z.enum(['new_app', 'campaign', 'new_reporting_unit', 'system_change', 'other']);
/** A change in reporting shown on the timeline, so that a rise in reports is not read as a rise in problems. */
export const AnnotationInputSchema = z.strictObject({
  date: IsoDateSchema,
  kind: AnnotationKindSchema,
  text: z.string().trim().min(1).max(1000),
  /** A district or neighbourhood; absent for the whole organisation. */
  area_id: UuidSchema.nullable().default(null),
});
export type AnnotationInput = z.infer<typeof AnnotationInputSchema>;
export const AnnotationUpdateSchema = z
  .strictObject({
    date: IsoDateSchema.optional(),
    kind: AnnotationKindSchema.optional(),
    text: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update');
export type AnnotationUpdate = z.infer<typeof AnnotationUpdateSchema>;
export const AnnotationSchema = z.object({
  id: UuidSchema,
  date: IsoDateSchema,
  week: z.string(),
  kind: AnnotationKindSchema,
  text: z.string(),
  area_id: UuidSchema.nullable(),
  created_by: z.string(),
  /** Raised on every change; also the ETag, sent back as `If-Match` to refuse overwriting a newer version (409). */
  version: z.number().int(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;
export const AnnotationListQuerySchema = z.object({
  area_id: UuidSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

/**
 * An exact conditional Poisson comparison of this week's count against a reference week, or — when a source
 * counted in either week has no data covering both weeks (it started or stopped in between) — no comparison:
 * `comparable` false, p values and rate ratio null, direction 'none', never significant.
 */
export const ChangeSchema = z.object({
  reference: z.number().int(),
  p_exact: z.number().nullable(),
  p_mid: z.number().nullable(),
  direction: z.enum(['up', 'down', 'none']),
  /** p_exact < 0.05: what the marker in tables shows. */
  significant: z.boolean(),
  rate_ratio: z
    .object({ estimate: z.number(), lower: z.number(), upper: z.number(), half_added: z.boolean() })
    .nullable(),
  /** False: no comparison, the sources in `uncovered_sources` have no data over both weeks. Absent in reports frozen before it existed. */
  comparable: z.boolean().optional(),
  uncovered_sources: z.array(z.string()).optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

const CountsWithChange = {
  count: z.number().int(),
  vs_previous_week: ChangeSchema,
  vs_last_year: ChangeSchema,
};

export const AreaRatingSchema = z.object({
  proposed: RatingLevelSchema,
  score: z.number(),
  /** Why the proposal is what it is, in words (sv) for the table. */
  reasons: z.array(z.string()),
  confirmed: z
    .object({ level: RatingLevelSchema, comment: z.string().nullable(), by: z.string(), at: z.string() })
    .nullable(),
  previous_week_confirmed: RatingLevelSchema.nullable(),
});

export const NeighbourhoodRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  district_code: z.string(),
  ...CountsWithChange,
  /** Incidents with precision 'area': in this count, not in any point analysis. */
  coarse: z.number().int(),
  violence: z.number().int(),
  rate_per_1000: z
    .object({ rate: z.number(), population: z.number().int(), population_year: z.number().int() })
    .nullable(),
  rating: AreaRatingSchema,
});

export const CategoryRowSchema = z.object({
  code: z.string(),
  label_sv: z.string(),
  label_en: z.string(),
  group_code: z.string(),
  ...CountsWithChange,
});

/**
 * A hotspot cell named as people name places: stadsdel and nearest registered place or street. Absent in
 * reports frozen before it existed. `own_incidents` false: hot through its neighbours ("the area around it").
 */
export const HotspotPlaceSchema = z.object({
  neighbourhood: z.string().nullable(),
  near: z.string().nullable(),
  near_kind: z.enum(['place', 'street']).nullable(),
  own_incidents: z.boolean(),
  text_sv: z.string(),
  text_en: z.string(),
});
export type HotspotPlace = z.infer<typeof HotspotPlaceSchema>;

export const GiClassSchema = z.enum(['hot99', 'hot95', 'hot90', 'cold99', 'cold95', 'cold90', 'none']);
export const HotspotsSchema = z.object({
  method: z.literal('Getis-Ord Gi*'),
  resolution: z.number().int(),
  n: z.number().int(),
  k: z.number().int(),
  alpha: z.number(),
  p_method: z.enum(['normal', 'exact-binomial']),
  correction: z.literal('Benjamini-Hochberg FDR'),
  incidents: z.number().int(),
  /**
   * Left out of Gi* for a coarse position (precision area or municipality). In reports frozen before
   * `excluded_outside` existed it also held the points outside the study cells.
   */
  excluded_coarse: z.number().int(),
  /** Left out of Gi*: point-precise incidents whose res-9 cell lies outside the stadsdelar's cells (on a border). */
  excluded_outside: z.number().int().optional(),
  /** Cells significant after FDR control (fdrClass ≠ none), most significant first. */
  cells: z.array(
    z.object({
      cell: z.string(),
      count: z.number().int(),
      local_sum: z.number().int(),
      z: z.number(),
      p: z.number(),
      p_adjusted: z.number(),
      class: GiClassSchema,
      place: HotspotPlaceSchema.optional(),
    }),
  ),
});

export const EmergingClassSchema = z.enum(['new', 'intensifying', 'persistent', 'sporadic']);
/**
 * "Hot this week" as unusual for the place: each cell's Gi* neighbourhood sum against the same neighbourhood's
 * previous `baseline_weeks` weeks (negative binomial, BH-FDR at `alpha`), classed with the Gi* history
 * (analysis/stats/emerging.ts, docs/situation.md). Absent in reports frozen before it existed.
 */
export const EmergingSchema = z.object({
  method: z.literal('own-baseline negative binomial'),
  resolution: z.number().int(),
  k: z.number().int(),
  n: z.number().int(),
  baseline_weeks: z.number().int(),
  from_week: z.string(),
  to_week: z.string(),
  alpha: z.number(),
  correction: z.literal('Benjamini-Hochberg FDR'),
  /** Share of the baseline weeks a cell must have been a Gi* hotspot to be persistent rather than sporadic. */
  persistent_share: z.number(),
  counts: z.object({
    new: z.number().int(),
    intensifying: z.number().int(),
    persistent: z.number().int(),
    sporadic: z.number().int(),
  }),
  /** Cells with a class, new and intensifying first, most significant first. */
  cells: z.array(
    z.object({
      cell: z.string(),
      class: EmergingClassSchema,
      local_sum: z.number().int(),
      expected: z.number(),
      dispersion: z.number(),
      p: z.number(),
      p_adjusted: z.number(),
      gi_hot: z.boolean(),
      hot_weeks_before: z.number().int(),
      place: HotspotPlaceSchema.optional(),
    }),
  ),
});

export const DensitySchema = z.object({
  bandwidth_m: z.number(),
  cell_m: z.number(),
  cols: z.number().int(),
  rows: z.number().int(),
  /** South-west corner of cell (0, 0) and the size of a cell in degrees, to place the grid on a map. */
  origin: z.object({ lon: z.number(), lat: z.number() }),
  cell_deg: z.object({ lon: z.number(), lat: z.number() }),
  unit: z.literal('incidents per km²'),
  max: z.number(),
  /** Only cells above the background cutoff: [col, row, value]. */
  cells: z.array(z.tuple([z.number().int(), z.number().int(), z.number()])),
});

export const PointSchema = z.object({
  id: UuidSchema,
  lon: z.number(),
  lat: z.number(),
  category: z.string(),
  precision: PrecisionSchema,
  place_id: UuidSchema.nullable(),
});

export const TopPlaceSchema = z.object({
  key: z.string(),
  kind: z.enum(['place', 'street_cell']),
  place_id: UuidSchema.nullable(),
  name: z.string().nullable(),
  type: z.string().nullable(),
  setting: z.enum(['indoor', 'outdoor']).nullable(),
  lon: z.number(),
  lat: z.number(),
  count: z.number().int(),
  week_count: z.number().int(),
  repeat: z.boolean(),
});

export const TopPlacesSchema = z.object({
  from_week: z.string(),
  to_week: z.string(),
  places: z.array(TopPlaceSchema),
  concentration: z.object({
    places: z.number().int(),
    incidents: z.number().int(),
    top_share_of_places: z.number(),
    top_places: z.number().int(),
    share_at_top: z.number(),
    repeat_places: z.number().int(),
    share_at_repeat_places: z.number(),
    gini: z.number(),
  }),
});

export const CalendarSchema = z.object({
  years_used: z.array(z.number().int()),
  rule: z.string(),
  /** Week numbers that were high in at least two past years. */
  peaks: z.array(z.object({ week_number: z.number().int(), years_high: z.number().int(), mean_ratio: z.number() })),
  known_periods: z.array(
    z.object({ kind: z.string(), label_sv: z.string(), label_en: z.string(), weeks: z.array(z.number().int()) }),
  ),
  /** What the calendar says about the report's own week. */
  this_week: z.array(z.string()),
});

export const PreviousActionSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  unit_id: UuidSchema,
  unit_name: z.string(),
  due_date: IsoDateSchema,
  status: z.enum(['open', 'done', 'cancelled']),
  meeting_week: z.string(),
  overdue: z.boolean(),
});

export const SituationReportSchema = z.object({
  scope: z.object({
    kind: z.enum(['district', 'city']),
    area_id: UuidSchema.nullable(),
    code: z.string(),
    name: z.string(),
  }),
  week: z.string(),
  previous_week: z.string(),
  same_week_last_year: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  filters: z.object({ category_group: z.array(z.string()).nullable(), source: z.array(z.string()).nullable() }),
  generated_at: z.string(),
  totals: z.object({
    ...CountsWithChange,
    /** Exact/place incidents: the ones in the map, hotspots, density and places. */
    points: z.number().int(),
    /** Area-precision incidents (a neighbourhood, no point). */
    coarse_area: z.number().int(),
    /** Municipality-precision incidents (police notices): only in the city's totals. */
    coarse_municipality: z.number().int(),
  }),
  neighbourhoods: z.array(NeighbourhoodRowSchema),
  categories: z.array(CategoryRowSchema),
  hotspots: HotspotsSchema,
  emerging: EmergingSchema.optional(),
  density: DensitySchema,
  points: z.array(PointSchema),
  top_places: TopPlacesSchema,
  time_profile: z.object({
    from_week: z.string(),
    to_week: z.string(),
    weekdays: z.array(z.string()),
    matrix: z.array(z.array(z.number().int())),
  }),
  trend: z.array(z.object({ week: z.string(), count: z.number().int(), points: z.number().int() })),
  calendar: CalendarSchema,
  // Frozen reports keep what they showed: annotations as of the freeze, without their later versions.
  annotations: z.array(AnnotationSchema.omit({ version: true })),
  previous_actions: z.array(PreviousActionSchema),
});
export type SituationReport = z.infer<typeof SituationReportSchema>;
