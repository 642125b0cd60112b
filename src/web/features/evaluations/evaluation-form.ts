import type { TFunction } from 'i18next';
import { addDays, daysBetween } from '../../../domain/calendar/index.js';
import {
  DEFAULT_BUFFER_METRES,
  defaultPeriods,
  designIssues,
  type Evaluation,
  type EvaluationDesign,
  EvaluationDesignSchema,
} from '../../../domain/evaluations.js';
import type { Measure } from '../../../domain/measures.js';
import { type FieldErrors, fieldErrors, topLevelIssues } from '../../forms/field-errors.js';

type Period = { from: string; to: string };

/** The design form as the evaluator fills it in; areas chosen through the API are kept as they are. */
export interface EvaluationFormState {
  title: string;
  treatment: string[];
  comparison: string[];
  categories: string[];
  before: Period;
  after: Period;
  /** The ring's width in metres, or null for no ring. */
  bufferMetres: number | null;
  /** What the form does not show, sent back unchanged so saving the form never drops it. */
  kept: Pick<EvaluationDesign, 'status' | 'conclusion'> & {
    treatmentAreas: string[];
    comparisonAreas: string[];
    bufferAreas: string[];
  };
}

/** The form's fields in the order they are shown; an error's field is the API body's top-level key. */
export const EVALUATION_FIELDS = [
  'title',
  'treatment',
  'categories',
  'before',
  'after',
  'comparison',
  'buffer',
] as const;
export type EvaluationField = (typeof EVALUATION_FIELDS)[number];

/** The input each field's error links to. */
export const evaluationInputId = (f: EvaluationField): string =>
  f === 'before' || f === 'after'
    ? `evaluation-${f}-from`
    : f === 'buffer'
      ? 'evaluation-buffer-ring'
      : `evaluation-${f}`;

/** An after period shorter than this so far is planned a year ahead rather than cut at today. */
const SHORTEST_AFTER_DAYS = 28;

/**
 * The periods proposed for a measure: `defaultPeriods` around its implementation (start to end; a measure
 * without dates is taken to happen today). When the measure ended long enough ago the after period stops at
 * today, so results can be computed now; otherwise it is planned a year ahead, and the before period matches it.
 * @example suggestedPeriods({ period_start: '2026-01-01', period_end: '2026-03-31' }, '2026-12-07')
 * // { before: { from: '2025-04-25', to: '2025-12-31' }, after: { from: '2026-04-01', to: '2026-12-07' } }
 */
export function suggestedPeriods(
  measure: Pick<Measure, 'period_start' | 'period_end'>,
  today: string,
): { before: Period; after: Period } {
  const from = measure.period_start ?? measure.period_end ?? today;
  const to = measure.period_end && measure.period_end >= from ? measure.period_end : from;
  const afterFrom = addDays(to, 1);
  const until = daysBetween(afterFrom, today) >= SHORTEST_AFTER_DAYS ? today : addDays(afterFrom, 364);
  return defaultPeriods(from, to, until);
}

/** A new design for a measure: its places treated, default periods, a 250 m ring, nothing else chosen. */
export function newEvaluationState(measure: Measure, today: string): EvaluationFormState {
  return {
    title: measure.title,
    treatment: measure.places.map((p) => p.id),
    comparison: [],
    categories: [],
    ...suggestedPeriods(measure, today),
    bufferMetres: DEFAULT_BUFFER_METRES,
    kept: { status: 'draft', conclusion: null, treatmentAreas: [], comparisonAreas: [], bufferAreas: [] },
  };
}

/** The form filled in with an evaluation's design as it is. */
export function evaluationState(e: Evaluation): EvaluationFormState {
  const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id);
  return {
    title: e.title,
    treatment: ids(e.treatment.places),
    comparison: ids(e.comparison.places),
    categories: e.categories.map((c) => c.code),
    before: { ...e.before },
    after: { ...e.after },
    bufferMetres: e.buffer.metres,
    kept: {
      status: e.status,
      conclusion: e.conclusion,
      treatmentAreas: ids(e.treatment.areas),
      comparisonAreas: ids(e.comparison.areas),
      bufferAreas: ids(e.buffer.areas),
    },
  };
}

/** The form as the API body, before checking. */
export function toDesignCandidate(s: EvaluationFormState): Record<string, unknown> {
  return {
    title: s.title,
    status: s.kept.status,
    treatment: { place_ids: s.treatment, area_ids: s.kept.treatmentAreas },
    comparison: { place_ids: s.comparison, area_ids: s.kept.comparisonAreas },
    buffer: { metres: s.bufferMetres, area_ids: s.kept.bufferAreas },
    before: s.before,
    after: s.after,
    categories: s.categories,
    conclusion: s.kept.conclusion,
  };
}

/** Codes with a sentence of their own; any other issue gets its field's general sentence. */
const CODED = new Set([
  'no_treatment',
  'no_comparison',
  'period_reversed',
  'after_not_after_before',
  'comparison_is_treatment',
  'buffer_overlaps',
  'unknown_place',
  'unknown_category',
]);

/** Issues of the schema, the design rules or the API as messages at the form's fields. */
export function evaluationErrors(
  issues: ReadonlyArray<{ field: string; code: string }>,
  t: TFunction,
): FieldErrors<EvaluationField> {
  // The API names unknown places and areas by their list, not by their role.
  const placed = issues.map((i) =>
    i.field === 'place_ids' || i.field === 'area_ids' ? { ...i, field: 'treatment' } : i,
  );
  return fieldErrors(placed, EVALUATION_FIELDS, 'title', (field, code) =>
    t(CODED.has(code) ? `evaluationForm.errors.${code}` : `evaluationForm.errors.fields.${field}`),
  );
}

/** The form checked with the API's schema and its design rules: the body to send, or the errors to show. */
export function validateEvaluation(
  s: EvaluationFormState,
  t: TFunction,
): { design: EvaluationDesign; errors: null } | { design: null; errors: FieldErrors<EvaluationField> } {
  const candidate = toDesignCandidate(s);
  const parsed = EvaluationDesignSchema.safeParse(candidate);
  // The design rules are checked on the form as it is even when a field is malformed, so every problem is
  // shown at once; a field's own problem comes first.
  const rules = designIssues(parsed.success ? parsed.data : (candidate as EvaluationDesign));
  const issues = [...(parsed.success ? [] : parsed.error.issues), ...rules];
  if (issues.length) return { design: null, errors: evaluationErrors(topLevelIssues(issues), t) };
  return { design: parsed.data!, errors: null };
}

/** The days between the periods, left out as the implementation (null when none). */
export function implementationGap(s: Pick<EvaluationFormState, 'before' | 'after'>): Period | null {
  if (!s.before.to || !s.after.from) return null;
  const from = addDays(s.before.to, 1);
  const to = addDays(s.after.from, -1);
  return from <= to ? { from, to } : null;
}
