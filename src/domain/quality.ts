import { z } from 'zod';
import { IsoDateSchema, UuidSchema } from './common.js';

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

export const QUALITY_CHECK_LABELS: Record<QualityCheck, { sv: string; en: string }> = {
  problem_only_stopped_measures: { sv: 'Problem vars alla åtgärder avbrutits', en: 'Problem whose measures were all stopped' },
  problem_without_evidence: { sv: 'Problem utan underlag', en: 'Problem without evidence' },
  problem_without_baseline: { sv: 'Problem utan nollmätning', en: 'Problem without a baseline' },
  problem_without_measure: { sv: 'Problem utan åtgärd', en: 'Problem with no measure' },
  followup_overdue: { sv: 'Uppföljning försenad', en: 'Follow-up overdue' },
  request_overdue: { sv: 'Begäran om stöd försenad', en: 'Contribution request overdue' },
  measure_without_indicator: { sv: 'Åtgärd utan indikator', en: 'Measure with no indicator' },
  indicator_wrong_way: { sv: 'Indikatorn har gått åt fel håll', en: 'Indicator moved the wrong way' },
  agreement_review_overdue: { sv: 'Överenskommelse ej omprövad i tid', en: 'Local agreement review overdue' },
};

/** Where to go to fix an item. */
export const LinkTargetSchema = z.object({ entity: z.enum(['problem', 'measure', 'followup', 'request', 'agreement']), id: UuidSchema });

export const QualityItemSchema = z.object({
  check: QualityCheckSchema,
  title: z.string(),
  unit: z.object({ id: UuidSchema, name: z.string() }),
  detail: z.string(),
  link: LinkTargetSchema,
  /** The measure a follow-up belongs to, so the web can open the measure. */
  parent: LinkTargetSchema.nullable(),
});
export type QualityItem = z.infer<typeof QualityItemSchema>;

export const ScopeKindSchema = z.enum(['city', 'district', 'unit']);
/** city: everything; district: the district unit's own work and all work in its geography; unit: the unit's own. */
export const ScopeQuerySchema = z.object({ scope: ScopeKindSchema, unit_id: UuidSchema.optional() })
  .refine((v) => (v.scope === 'city') === (v.unit_id === undefined), { path: ['unit_id'], message: 'unit_id for district and unit scopes, not for city' });
export type ScopeQuery = z.infer<typeof ScopeQuerySchema>;

export const QualityReportSchema = z.object({
  scope: z.object({ kind: ScopeKindSchema, unit_id: UuidSchema.nullable(), name: z.string() }),
  generated_at: z.string(),
  today: IsoDateSchema,
  counts: z.record(QualityCheckSchema, z.number().int()),
  items: z.array(QualityItemSchema),
});
export type QualityReport = z.infer<typeof QualityReportSchema>;
