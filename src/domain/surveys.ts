import { z } from 'zod';
import { UuidSchema } from './common.js';
import { RowIssueSchema } from './imports.js';
import { IndicatorDirectionSchema } from './problems.js';

/**
 * Safety surveys (trygghetsmätningar): published aggregates per area × question × year. Areas come at the
 * source's own levels; the police survey reports the share who feel safe, the city's the share who feel
 * unsafe or worried, so each question says which way is better.
 */
export const SurveyAreaLevelSchema = z.enum(['kommun', 'stadsdelsomrade', 'lokalpolisomrade', 'polisregion', 'lan']);
export type SurveyAreaLevel = z.infer<typeof SurveyAreaLevelSchema>;

export const SURVEY_AREA_LEVEL_LABELS: Readonly<Record<SurveyAreaLevel, { sv: string; en: string }>> = {
  kommun: { sv: 'Kommun', en: 'Municipality' },
  stadsdelsomrade: { sv: 'Stadsdelsområde', en: 'District' },
  lokalpolisomrade: { sv: 'Lokalpolisområde', en: 'Local police area' },
  polisregion: { sv: 'Polisregion', en: 'Police region' },
  lan: { sv: 'Län', en: 'County' },
};

/** An ordinary item, or the survey's response rate (a share of those asked, never of respondents: no CI). */
export const SurveyQuestionKindSchema = z.enum(['item', 'response_rate']);
export type SurveyQuestionKind = z.infer<typeof SurveyQuestionKindSchema>;

/** Shares are published rounded to whole percent: options that should add up to 100 may be this far off. */
export const SHARE_SUM_TOLERANCE = 1.5;

export const SurveyAreaSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  level: SurveyAreaLevelSchema,
  /** The organisation's own area of the same district, with the last day it was in force (merged in 2023). */
  area: z.object({ id: UuidSchema, name: z.string(), valid_to: z.string().nullable() }).nullable(),
});
export type SurveyArea = z.infer<typeof SurveyAreaSchema>;

export const SurveyQuestionSchema = z.object({
  id: UuidSchema,
  survey_id: UuidSchema,
  text: z.string(),
  kind: SurveyQuestionKindSchema,
  options: z.array(z.string()),
  /** The option (or combined options, "mycket eller ganska trygg") that charts follow. */
  key_option: z.string(),
  direction: IndicatorDirectionSchema,
});
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

export const SurveySchema = z.object({ id: UuidSchema, name: z.string(), reference_area_id: UuidSchema.nullable() });

/** One area × question with results: what the catalogue page lists. */
export const SurveySeriesKeySchema = z.object({
  question_id: UuidSchema,
  survey_area_id: UuidSchema,
  years: z.array(z.number().int()),
});

export const SurveyCatalogueSchema = z.object({
  surveys: z.array(SurveySchema),
  areas: z.array(SurveyAreaSchema),
  questions: z.array(SurveyQuestionSchema),
  series: z.array(SurveySeriesKeySchema),
});
export type SurveyCatalogue = z.infer<typeof SurveyCatalogueSchema>;

export const IntervalSchema = z.object({ low: z.number(), high: z.number() });

/** One year of a series: the key option's share, its 95 % Wilson interval when the respondents are known. */
export const SurveyPointSchema = z.object({
  year: z.number().int(),
  share: z.number().nullable(),
  respondents: z.number().int().nullable(),
  ci: IntervalSchema.nullable(),
  shares: z.array(z.object({ option: z.string(), share: z.number() })),
  source: z.string().nullable(),
});
export type SurveyPoint = z.infer<typeof SurveyPointSchema>;

export const SurveySeriesQuerySchema = z.object({ question_id: UuidSchema, survey_area_id: UuidSchema });
export type SurveySeriesQuery = z.infer<typeof SurveySeriesQuerySchema>;

export const SurveySeriesSchema = z.object({
  survey: SurveySchema,
  question: SurveyQuestionSchema,
  area: SurveyAreaSchema,
  points: z.array(SurveyPointSchema),
  /** The survey's whole population (the city, the region) for the same question; null when it has no figures. */
  reference: z.object({ area: SurveyAreaSchema, points: z.array(SurveyPointSchema) }).nullable(),
});
export type SurveySeries = z.infer<typeof SurveySeriesSchema>;

/** A row issue of a survey import, with its message in both languages. */
export const SurveyRowIssueSchema = RowIssueSchema.extend({
  messages: z.object({ sv: z.string(), en: z.string() }),
});
export type SurveyRowIssue = z.infer<typeof SurveyRowIssueSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const SurveyImportQuerySchema = z.object({ dry_run: booleanQuery.default(false) });

export const SurveyImportReportSchema = z.object({
  status: z.enum(['validated', 'committed']),
  rows: z.object({ read: z.number().int(), inserted: z.number().int(), updated: z.number().int() }),
});
export type SurveyImportReport = z.infer<typeof SurveyImportReportSchema>;

const name = z.string().trim().min(1).max(200);

/** A new survey; its average area, when given, must be one of the catalogue's areas. */
export const SurveyCreateSchema = z.strictObject({ name, reference_area_id: UuidSchema.nullable().default(null) });
export type SurveyCreate = z.infer<typeof SurveyCreateSchema>;

/** A new survey area; a district may name the organisation's own area it is. */
export const SurveyAreaCreateSchema = z.strictObject({
  name,
  level: SurveyAreaLevelSchema,
  area_id: UuidSchema.nullable().default(null),
});
export type SurveyAreaCreate = z.infer<typeof SurveyAreaCreateSchema>;

/** A new question of a survey: its answer options, the one charts follow, and which way is better. */
export const SurveyQuestionCreateSchema = z
  .strictObject({
    survey_id: UuidSchema,
    text: z.string().trim().min(1).max(300),
    kind: SurveyQuestionKindSchema.default('item'),
    options: z.array(z.string().trim().min(1).max(100)).min(2).max(12),
    key_option: z.string().trim().min(1).max(100),
    direction: IndicatorDirectionSchema,
  })
  .refine((q) => q.options.includes(q.key_option), {
    path: ['key_option'],
    message: 'the key option must be one of the options',
  })
  .refine((q) => new Set(q.options.map((o) => o.toLocaleLowerCase('sv'))).size === q.options.length, {
    path: ['options'],
    message: 'each option once',
  });
export type SurveyQuestionCreate = z.infer<typeof SurveyQuestionCreateSchema>;
