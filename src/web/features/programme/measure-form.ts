import type { TFunction } from 'i18next';
import { type MeasureCreate, MeasureCreateSchema, type MeasureType } from '../../../domain/measures.js';
import { type FieldErrors, fieldErrors, topLevelIssues } from '../../forms/field-errors.js';

/** The measure form's inputs as they hold them. */
export interface MeasureFormState {
  problem_ids: string[];
  responsible_unit_id: string;
  contributing_unit_ids: string[];
  place_ids: string[];
  title: string;
  description: string;
  type: MeasureType | '';
  period_start: string;
  period_end: string;
  cost_estimate_sek: string;
  target_groups: string[];
  followup_dates: string[];
  /** The parts of a multi-part measure, in order. */
  components: Array<{ title: string; type: MeasureType }>;
}

export const MEASURE_FIELDS = [
  'problem_ids',
  'responsible_unit_id',
  'title',
  'description',
  'type',
  'period_start',
  'period_end',
  'cost_estimate_sek',
  'target_groups',
  'contributing_unit_ids',
  'place_ids',
  'followup_dates',
  'components',
] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];

/** The element each field's error links to (the first box of a group, the first row of a list, else its input). */
export function measureInputId(f: MeasureField): string {
  if (f === 'type') return 'measure-type-situational';
  if (f === 'followup_dates') return 'measure-followup-add';
  if (f === 'components') return 'measure-component-add';
  if (f === 'place_ids') return 'measure-place';
  return `measure-${f.replace(/_/g, '-')}`;
}

/**
 * The API body the form would send: blank optional inputs left out, blank follow-up rows and components
 * without a title dropped, the cost as a number when it is one (else as typed, for the schema to refuse).
 */
export function toMeasureCandidate(s: MeasureFormState): Record<string, unknown> {
  const cost = s.cost_estimate_sek.replace(/\s/g, '');
  return Object.fromEntries(
    Object.entries({
      problem_ids: s.problem_ids,
      responsible_unit_id: s.responsible_unit_id || undefined,
      contributing_unit_ids: s.contributing_unit_ids.filter((u) => u !== s.responsible_unit_id),
      place_ids: s.place_ids,
      title: s.title,
      description: s.description.trim() || undefined,
      type: s.type || undefined,
      period_start: s.period_start || undefined,
      period_end: s.period_end || undefined,
      cost_estimate_sek: cost ? (/^\d+$/.test(cost) ? Number(cost) : cost) : undefined,
      target_groups: s.target_groups,
      followup_dates: s.followup_dates.filter(Boolean),
      components: s.components.filter((c) => c.title.trim()),
    }).filter(([, v]) => v !== undefined),
  );
}

/** Field errors for zod's or the API's issues; an unknown problem belongs to the problem choice. */
export function measureErrors(
  issues: ReadonlyArray<{ field: string; code: string }>,
  t: TFunction,
): FieldErrors<MeasureField> {
  return fieldErrors(issues, MEASURE_FIELDS, 'title', (field) => t(`programme.errors.measure.${field}`));
}

/** Checked with the schema the server uses. */
export function validateMeasure(
  s: MeasureFormState,
  t: TFunction,
): { input: MeasureCreate; errors: null } | { input: null; errors: FieldErrors<MeasureField> } {
  const result = MeasureCreateSchema.safeParse(toMeasureCandidate(s));
  if (result.success) return { input: result.data, errors: null };
  return { input: null, errors: measureErrors(topLevelIssues(result.error.issues), t) };
}
