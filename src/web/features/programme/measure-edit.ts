import type { TFunction } from 'i18next';
import type { Confidentiality } from '../../../domain/confidentiality.js';
import {
  type Measure,
  type MeasureStatus,
  type MeasureType,
  type MeasureUpdate,
  MeasureUpdateSchema,
} from '../../../domain/measures.js';
import { type FieldErrors, fieldErrors, topLevelIssues } from '../../forms/field-errors.js';
import { MEASURE_FIELDS, type MeasureFormState, measureInputId } from './measure-form.js';
import { changedFields } from './problem-edit.js';

/** A component row: an existing part keeps its id (and shows its status), a new one has none. */
export interface ComponentRow {
  id?: string;
  title: string;
  type: MeasureType;
  status?: MeasureStatus;
}

/** The edit form: the create form's fields (follow-up dates are planned on the measure page), components with ids, confidentiality. */
export interface MeasureEditState extends Omit<MeasureFormState, 'followup_dates' | 'components'> {
  components: ComponentRow[];
  confidentiality: Confidentiality;
}

export const MEASURE_EDIT_FIELDS = [
  ...MEASURE_FIELDS.filter((f) => f !== 'followup_dates'),
  'confidentiality',
] as const;
export type MeasureEditField = (typeof MEASURE_EDIT_FIELDS)[number];

export const measureEditInputId = (f: MeasureEditField): string =>
  f === 'confidentiality' ? 'measure-confidentiality' : measureInputId(f);

/** The form filled in with the measure as it is. */
export function measureEditState(m: Measure): MeasureEditState {
  return {
    problem_ids: m.problems.map((p) => p.id),
    responsible_unit_id: m.responsible_unit.id,
    contributing_unit_ids: m.contributing_units.map((u) => u.id),
    place_ids: m.places.map((p) => p.id),
    title: m.title,
    description: m.description ?? '',
    type: m.type,
    period_start: m.period_start ?? '',
    period_end: m.period_end ?? '',
    cost_estimate_sek: m.cost_estimate_sek === null ? '' : String(m.cost_estimate_sek),
    target_groups: [...m.target_groups],
    components: m.components.map((c) => ({ id: c.id, title: c.title, type: c.type, status: c.status })),
    confidentiality: m.confidentiality,
  };
}

/**
 * The whole edit as an API body: blanks cleared (null), the cost a number when it is one, new component rows
 * without a title dropped (an existing one left blank stays, for the schema to refuse).
 */
export function toMeasureUpdateCandidate(s: MeasureEditState): Record<string, unknown> {
  const cost = s.cost_estimate_sek.replace(/\s/g, '');
  return {
    problem_ids: s.problem_ids,
    responsible_unit_id: s.responsible_unit_id,
    contributing_unit_ids: s.contributing_unit_ids.filter((u) => u !== s.responsible_unit_id),
    place_ids: s.place_ids,
    title: s.title,
    description: s.description.trim() || null,
    type: s.type || undefined,
    period_start: s.period_start || null,
    period_end: s.period_end || null,
    cost_estimate_sek: cost ? (/^\d+$/.test(cost) ? Number(cost) : cost) : null,
    target_groups: s.target_groups,
    confidentiality: s.confidentiality,
    components: s.components
      .filter((c) => c.id || c.title.trim())
      .map((c) => ({ ...(c.id ? { id: c.id } : {}), title: c.title, type: c.type })),
  };
}

export function measureEditErrors(
  issues: ReadonlyArray<{ field: string; code: string }>,
  t: TFunction,
): FieldErrors<MeasureEditField> {
  return fieldErrors(issues, MEASURE_EDIT_FIELDS, 'title', (field) =>
    t(field === 'confidentiality' ? 'programmeEdit.errors.confidentiality' : `programme.errors.measure.${field}`),
  );
}

/**
 * The whole edit checked with the server's schema; what is sent is the changed part, with only the new and
 * the changed components (null when nothing changed).
 */
export function validateMeasureEdit(
  original: MeasureEditState,
  s: MeasureEditState,
  t: TFunction,
): { input: MeasureUpdate | null; errors: null } | { input: null; errors: FieldErrors<MeasureEditField> } {
  const result = MeasureUpdateSchema.safeParse(toMeasureUpdateCandidate(s));
  if (!result.success) return { input: null, errors: measureEditErrors(topLevelIssues(result.error.issues), t) };
  const before = toMeasureUpdateCandidate(original);
  const changed = changedFields(before, result.data as Record<string, unknown>) as MeasureUpdate;
  if (changed.components) {
    const was = new Map((before.components as ComponentRow[]).map((c) => [c.id, c]));
    changed.components = changed.components.filter(
      (c) => !c.id || was.get(c.id)?.title !== c.title || was.get(c.id)?.type !== c.type,
    );
    if (changed.components.length === 0) delete changed.components;
  }
  return { input: Object.keys(changed).length ? changed : null, errors: null };
}
