import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';
import { RequestStatusSchema } from './requests.js';

/**
 * What the quality report checks. "Measure without a problem" cannot happen (a constraint forbids it), so
 * its nearest real defect is reported instead: a problem whose only measures were stopped.
 */
export const QualityCheckSchema = z.enum([
  'problem_only_stopped_measures',
  'problem_without_evidence',
  'problem_without_baseline',
  'problem_without_measure',
  'followup_overdue',
  'request_overdue',
  'measure_without_indicator',
  'indicator_wrong_way',
  'agreement_review_overdue',
]);
export type QualityCheck = z.infer<typeof QualityCheckSchema>;

/** All defects a quality report found, over every check (a check the counts leave out counts none). */
export function qualityTotal(counts: Partial<Record<QualityCheck, number>>): number {
  return QualityCheckSchema.options.reduce((sum, check) => sum + (counts[check] ?? 0), 0);
}

/** Where to go to fix an item. */
export const LinkTargetSchema = z.object({
  entity: z.enum(['problem', 'measure', 'followup', 'request', 'agreement']),
  id: UuidSchema,
});

export const QualityItemSchema = z.object({
  check: QualityCheckSchema,
  title: z.string(),
  unit: z.object({ id: UuidSchema, name: z.string() }),
  /** In English, for API clients; `facts` holds its figures so a page or an export can say it in its reader's language. */
  detail: z.string(),
  facts: z.object({
    /** Follow-up, request or agreement review: when it was due. */
    due_date: IsoDateSchema.optional(),
    /** Indicator moved the wrong way: the baseline and the value at the latest follow-up. */
    baseline: z.number().optional(),
    value: z.number().optional(),
    /** Overdue request: who asked, and where it stands. */
    from_unit: z.string().optional(),
    status: RequestStatusSchema.optional(),
    /** Problem whose measures were all stopped: how many. */
    measures: z.number().int().optional(),
  }),
  link: LinkTargetSchema,
  /** The measure a follow-up belongs to, or the problem a request is about, so the web can open that page. */
  parent: LinkTargetSchema.nullable(),
});
export type QualityItem = z.infer<typeof QualityItemSchema>;

export const ScopeKindSchema = z.enum(['city', 'district', 'unit']);
const ScopeFields = z.object({ scope: ScopeKindSchema, unit_id: UuidSchema.optional() });
const cityHasNoUnit = (v: z.infer<typeof ScopeFields>) => (v.scope === 'city') === (v.unit_id === undefined);
const unitIdIssue = { path: ['unit_id'], message: 'unit_id for district and unit scopes, not for city' };
/** city: everything; district: the district unit's own work and all work in its geography; unit: the unit's own. */
export const ScopeQuerySchema = ScopeFields.refine(cityHasNoUnit, unitIdIssue);
export type ScopeQuery = z.infer<typeof ScopeQuerySchema>;

/** The language an exported file is written in: Swedish unless English is asked for. */
export const ExportLanguageSchema = z.enum(['sv', 'en']);
export type ExportLanguage = z.infer<typeof ExportLanguageSchema>;
export const QualityExportQuerySchema = ScopeFields.extend({ lang: ExportLanguageSchema.default('sv') }).refine(
  cityHasNoUnit,
  unitIdIssue,
);
export type QualityExportQuery = z.infer<typeof QualityExportQuerySchema>;

export const QualityReportSchema = z.object({
  scope: z.object({ kind: ScopeKindSchema, unit_id: UuidSchema.nullable(), name: z.string() }),
  generated_at: z.string(),
  today: IsoDateSchema,
  counts: z.record(QualityCheckSchema, z.number().int()),
  items: z.array(QualityItemSchema),
});
export type QualityReport = z.infer<typeof QualityReportSchema>;
