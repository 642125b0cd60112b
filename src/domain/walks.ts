import { z } from 'zod';
import { CategoryCodeSchema } from './categories.js';
import { IsoDateSchema, IsoDateTimeSchema, LatSchema, LonSchema, UuidSchema } from './common.js';

/**
 * Safety walks (trygghetsvandringar, issue 18): a district walks an area or a route with residents, staff
 * and partners, notes what makes places feel unsafe against a checklist, and turns the notes into problems
 * or work for the unit responsible.
 */
export const WALK_STATUSES = ['planned', 'ongoing', 'finished'] as const;
export const WalkStatusSchema = z.enum(WALK_STATUSES);
export type WalkStatus = z.infer<typeof WalkStatusSchema>;

/** Who is invited besides units: the groups a Swedish walk usually gathers. */
export const WALK_GROUPS = [
  'residents',
  'housing_company',
  'police',
  'youth',
  'library_staff',
  'school_staff',
] as const;
export const WalkGroupSchema = z.enum(WALK_GROUPS);
export type WalkGroup = z.infer<typeof WalkGroupSchema>;

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const CHECKLIST_SETTINGS = ['outdoor', 'indoor'] as const;
export const ChecklistSettingSchema = z.enum(CHECKLIST_SETTINGS);

/** A route drawn on the map: a GeoJSON LineString in WGS84. */
export const LineStringSchema = z.strictObject({
  type: z.literal('LineString'),
  coordinates: z
    .array(z.tuple([LonSchema, LatSchema]))
    .min(2)
    .max(1000),
});
export type LineString = z.infer<typeof LineStringSchema>;

const ref = z.object({ id: UuidSchema, name: z.string() });

export const WalkCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** The unit that organises the walk (usually the district's); its editors and coordinators plan it. */
  unit_id: UuidSchema,
  /** The district or neighbourhood walked. */
  area_id: UuidSchema,
  route: LineStringSchema.optional(),
  walk_date: IsoDateSchema,
  invited_unit_ids: z.array(UuidSchema).max(30).default([]),
  groups: z.array(WalkGroupSchema).max(WALK_GROUPS.length).default([]),
});
export type WalkCreate = z.infer<typeof WalkCreateSchema>;

export const WalkStatusUpdateSchema = z.strictObject({ status: WalkStatusSchema });

export const WalkSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  unit: ref,
  area: ref,
  route: LineStringSchema.nullable(),
  walk_date: IsoDateSchema,
  status: WalkStatusSchema,
  invited_units: z.array(ref),
  groups: z.array(WalkGroupSchema),
  observation_count: z.number().int(),
  /** True when the caller may add observations and finish the walk. */
  can_capture: z.boolean(),
});
export type Walk = z.infer<typeof WalkSchema>;

export const WalkListSchema = z.object({ walks: z.array(WalkSchema) });

const CodeSchema = z.string().regex(/^[a-z0-9_]{2,60}$/, 'lowercase letters, digits and underscores');

/** An item of the organisation's checklist; `category` is the incident category the matrix routes it by. */
export const ChecklistItemSchema = z.object({
  id: UuidSchema,
  code: z.string(),
  label: z.string(),
  label_en: z.string(),
  setting: ChecklistSettingSchema,
  category: z.string().nullable(),
  sort_order: z.number().int(),
  active: z.boolean(),
  /** Raised by one on every change (the ETag); an edit made from an older one is refused. */
  version: z.number().int(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
export const ChecklistSchema = z.object({ items: z.array(ChecklistItemSchema) });

export const ChecklistItemCreateSchema = z.strictObject({
  code: CodeSchema,
  label: z.string().trim().min(1).max(120),
  label_en: z.string().trim().min(1).max(120),
  setting: ChecklistSettingSchema,
  category: CategoryCodeSchema.nullable().default(null),
  sort_order: z.number().int().min(0).max(100_000).optional(),
});
export type ChecklistItemCreate = z.infer<typeof ChecklistItemCreateSchema>;

export const ChecklistItemUpdateSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(120),
    label_en: z.string().trim().min(1).max(120),
    setting: ChecklistSettingSchema,
    category: CategoryCodeSchema.nullable(),
    sort_order: z.number().int().min(0).max(100_000),
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type ChecklistItemUpdate = z.infer<typeof ChecklistItemUpdateSchema>;

export const OBSERVATION_NOTE_MAX = 1000;

/**
 * An observation as the capture page sends it. `id` is made by the phone when the observation is noted:
 * a resend after a lost answer, or the offline queue replaying, names the same row and never makes a second.
 */
export const ObservationCreateSchema = z.strictObject({
  id: UuidSchema,
  item_id: UuidSchema,
  lon: LonSchema,
  lat: LatSchema,
  severity: SeveritySchema,
  note: z.string().trim().max(OBSERVATION_NOTE_MAX).optional(),
  observed_at: IsoDateTimeSchema.optional(),
});
export type ObservationCreate = z.infer<typeof ObservationCreateSchema>;

export const ObservationSchema = z.object({
  id: UuidSchema,
  walk_id: UuidSchema,
  item: z.object({ id: UuidSchema, code: z.string(), label: z.string(), label_en: z.string() }),
  lon: z.number(),
  lat: z.number(),
  severity: SeveritySchema,
  /** Redacted on write. */
  note: z.string().nullable(),
  photo: z.object({ width: z.number().int(), height: z.number().int() }).nullable(),
  observed_at: z.string(),
  problem_id: UuidSchema.nullable(),
  incident_id: UuidSchema.nullable(),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** "Åtgärdad?": what a later walk found of an earlier walk's observation. */
export const FOLLOWUP_OUTCOMES = ['fixed', 'not_fixed', 'partly'] as const;
export const FollowUpOutcomeSchema = z.enum(FOLLOWUP_OUTCOMES);
export type FollowUpOutcome = z.infer<typeof FollowUpOutcomeSchema>;

export const FollowUpInputSchema = z.strictObject({
  outcome: FollowUpOutcomeSchema,
  note: z.string().trim().max(OBSERVATION_NOTE_MAX).optional(),
});
export type FollowUpInput = z.infer<typeof FollowUpInputSchema>;

const walkRef = z.object({ id: UuidSchema, title: z.string(), walk_date: IsoDateSchema });

/** One later walk's answer: the outcome, a redacted note, who answered (their name) and when. */
export const FollowUpAnswerSchema = z.object({
  walk: walkRef,
  outcome: FollowUpOutcomeSchema,
  note: z.string().nullable(),
  answered_by: z.string().nullable(),
  answered_at: z.string(),
});
export type FollowUpAnswer = z.infer<typeof FollowUpAnswerSchema>;

/**
 * An earlier walk's observation in the same or an overlapping area, as a later walk sees it: open (no walk
 * has found it fixed) or answered on this walk; `answer` is this walk's.
 */
export const EarlierObservationSchema = ObservationSchema.extend({
  earlier_walk: walkRef,
  answer: FollowUpAnswerSchema.nullable(),
});
export type EarlierObservation = z.infer<typeof EarlierObservationSchema>;
export const EarlierObservationsSchema = z.object({ observations: z.array(EarlierObservationSchema) });

/**
 * An observation in the report: with the unit the responsibility matrix names for it, the problem it became
 * (its title) and what later walks found of it.
 */
export const ReportObservationSchema = ObservationSchema.extend({
  responsible_unit: ref.nullable(),
  problem_title: z.string().nullable(),
  followups: z.array(FollowUpAnswerSchema),
});
export type ReportObservation = z.infer<typeof ReportObservationSchema>;

export const WalkReportSchema = z.object({
  walk: WalkSchema,
  observations: z.array(ReportObservationSchema),
  /** Earlier walks' observations in this walk's area: the open ones and those answered on this walk. */
  earlier: z.array(EarlierObservationSchema),
});
export type WalkReport = z.infer<typeof WalkReportSchema>;

export const WalkObservationsSchema = z.object({ observations: z.array(ObservationSchema) });

export const WalkParamsSchema = z.object({ id: UuidSchema });
export const ObservationParamsSchema = z.object({ id: UuidSchema, observationId: UuidSchema });
export const PhotoSizeSchema = z.object({ size: z.enum(['full', 'thumb']).default('full') });

/**
 * The CPTED checklist Swedish walks start from (Boverket's and BRÅ's guides): outdoor items first, then the
 * indoor ones a library or a school walks. `category` routes through the responsibility matrix.
 */
export const DEFAULT_CHECKLIST: ReadonlyArray<Omit<ChecklistItemCreate, 'sort_order'>> = [
  {
    code: 'belysning_trasig',
    label: 'Belysning: trasig',
    label_en: 'Lighting: broken',
    setting: 'outdoor',
    category: 'trasig_belysning',
  },
  {
    code: 'belysning_blandande',
    label: 'Belysning: bländande',
    label_en: 'Lighting: glaring',
    setting: 'outdoor',
    category: 'trasig_belysning',
  },
  {
    code: 'belysning_saknas',
    label: 'Belysning: saknas',
    label_en: 'Lighting: missing',
    setting: 'outdoor',
    category: 'trasig_belysning',
  },
  {
    code: 'vegetation',
    label: 'Vegetation som skymmer sikten',
    label_en: 'Vegetation blocking the view',
    setting: 'outdoor',
    category: 'otrygg_plats',
  },
  {
    code: 'siktlinjer',
    label: 'Siktlinjer och gömställen',
    label_en: 'Sightlines and hiding places',
    setting: 'outdoor',
    category: 'otrygg_plats',
  },
  { code: 'flyktvagar', label: 'Flyktvägar', label_en: 'Escape routes', setting: 'outdoor', category: 'otrygg_plats' },
  {
    code: 'skyltning',
    label: 'Skyltning och orientering',
    label_en: 'Signage and orientation',
    setting: 'outdoor',
    category: 'otrygg_plats',
  },
  { code: 'klotter', label: 'Klotter', label_en: 'Graffiti', setting: 'outdoor', category: 'klotter' },
  { code: 'nedskrapning', label: 'Nedskräpning', label_en: 'Litter', setting: 'outdoor', category: 'nedskrapning' },
  {
    code: 'skadat_moblemang',
    label: 'Skadat möblemang',
    label_en: 'Damaged furniture',
    setting: 'outdoor',
    category: 'skadegorelse',
  },
  {
    code: 'overgivna_fordon',
    label: 'Övergivna cyklar och bilar',
    label_en: 'Abandoned bikes and cars',
    setting: 'outdoor',
    category: 'nedskrapning',
  },
  {
    code: 'entreer_dorrar',
    label: 'Entréer och dörrar',
    label_en: 'Entrances and doors',
    setting: 'outdoor',
    category: 'otrygg_plats',
  },
  {
    code: 'inne_overblick',
    label: 'Överblick vid entrén',
    label_en: 'Overview at the entrance',
    setting: 'indoor',
    category: 'otrygg_plats',
  },
  {
    code: 'inne_personal',
    label: 'Personalens synlighet',
    label_en: 'Staff visibility',
    setting: 'indoor',
    category: 'otrygg_plats',
  },
  { code: 'inne_utgangar', label: 'Utgångar', label_en: 'Exits', setting: 'indoor', category: 'otrygg_plats' },
  {
    code: 'inne_moblering',
    label: 'Möblering',
    label_en: 'Furniture layout',
    setting: 'indoor',
    category: 'otrygg_plats',
  },
];
