import type { TFunction } from 'i18next';
import type { Confidentiality } from '../../../domain/confidentiality.js';
import {
  BaselineInputSchema,
  EvidenceInputSchema,
  type IndicatorDirection,
  type Problem,
  type ProblemUpdate,
  ProblemUpdateSchema,
} from '../../../domain/problems.js';
import { type FieldErrors, fieldErrors, topLevelIssues } from '../../forms/field-errors.js';
import type { ProblemFieldsState } from './ProblemFields.js';

/** The edit form: what the problem says and where, its target, which way is better and its confidentiality, as the inputs hold them. */
export interface ProblemEditState extends ProblemFieldsState {
  target_value: string;
  indicator_direction: IndicatorDirection;
  confidentiality: Confidentiality;
}

export const PROBLEM_EDIT_FIELDS = [
  'title',
  'statement',
  'area_id',
  'categories',
  'time_pattern',
  'affected',
  'target_value',
  'indicator_direction',
  'confidentiality',
] as const;
export type ProblemEditField = (typeof PROBLEM_EDIT_FIELDS)[number];

export const problemEditInputId = (f: ProblemEditField): string => `problem-${f.replace(/_/g, '-')}`;

/** The form filled in with the problem as it is. */
export function problemEditState(p: Problem): ProblemEditState {
  return {
    title: p.title,
    statement: p.statement ?? '',
    area_id: p.area?.id ?? '',
    place_ids: p.places.map((x) => x.id),
    categories: [...p.categories],
    time_pattern: p.time_pattern ?? '',
    affected: [...p.affected],
    target_value: p.target_value === null ? '' : String(p.target_value),
    indicator_direction: p.indicator_direction,
    confidentiality: p.confidentiality,
  };
}

/** The whole edit as an API body: blanks become null (cleared), the target a number when it is one. */
export function toProblemUpdateCandidate(s: ProblemEditState): Record<string, unknown> {
  const target = s.target_value.trim();
  return {
    title: s.title,
    statement: s.statement,
    area_id: s.area_id || null,
    place_ids: s.place_ids,
    categories: s.categories,
    time_pattern: s.time_pattern.trim() || null,
    affected: s.affected,
    target_value: target ? (/^\d+$/.test(target) ? Number(target) : target) : null,
    indicator_direction: s.indicator_direction,
    confidentiality: s.confidentiality,
  };
}

/**
 * Only the keys whose value differs (lists of plain values compared as sets, lists of objects always
 * differ): an edit of the statement must not resend the places, which would recompute the baseline from
 * incidents reported since.
 * @example changedFields({ a: 1, b: ['x', 'y'] }, { a: 2, b: ['y', 'x'] }) // { a: 2 }
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const same = (x: unknown, y: unknown) =>
    Array.isArray(x) && Array.isArray(y)
      ? x.length === y.length && x.every((v) => y.includes(v))
      : JSON.stringify(x) === JSON.stringify(y);
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => !same(before[k], v))) as Partial<T>;
}

export function problemEditErrors(
  issues: ReadonlyArray<{ field: string; code: string }>,
  t: TFunction,
): FieldErrors<ProblemEditField> {
  return fieldErrors(
    issues.map((i) => (i.field === 'place_ids' ? { ...i, field: 'area_id' } : i)),
    PROBLEM_EDIT_FIELDS,
    'title',
    (field, code) => {
      if (code === 'unknown_category') return t('programme.errors.unknown_category');
      return t(
        field === 'target_value' || field === 'indicator_direction' || field === 'confidentiality'
          ? `programmeEdit.errors.${field}`
          : `programme.errors.problem.${field}`,
      );
    },
  );
}

/**
 * The whole edit checked with the server's schema; what to send is the changed part of it (null when
 * nothing changed).
 */
export function validateProblemEdit(
  original: ProblemEditState,
  s: ProblemEditState,
  t: TFunction,
): { input: ProblemUpdate | null; errors: null } | { input: null; errors: FieldErrors<ProblemEditField> } {
  const result = ProblemUpdateSchema.safeParse(toProblemUpdateCandidate(s));
  if (!result.success) return { input: null, errors: problemEditErrors(topLevelIssues(result.error.issues), t) };
  const changed = changedFields(toProblemUpdateCandidate(original), result.data as Record<string, unknown>);
  return { input: Object.keys(changed).length ? (changed as ProblemUpdate) : null, errors: null };
}

/** The evidence a coordinator adds by hand; hotspots come from the situation report's table. */
export const MANUAL_EVIDENCE_KINDS = ['note', 'document', 'incident_filter'] as const;
export type ManualEvidenceKind = (typeof MANUAL_EVIDENCE_KINDS)[number];

export interface EvidenceFormState {
  kind: ManualEvidenceKind;
  note: string;
  ref: string;
  categories: string[];
  place_id: string;
  from: string;
  to: string;
}

export const EVIDENCE_FIELDS = ['kind', 'note', 'ref', 'filter'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** The body for the chosen kind; an incident filter with neither place nor dates counts the problem's categories in its area. */
export function toEvidenceCandidate(s: EvidenceFormState, areaId: string | null): Record<string, unknown> {
  const note = s.note.trim() || undefined;
  if (s.kind === 'note') return { kind: 'note', note: s.note };
  if (s.kind === 'document') return { kind: 'document', ref: s.ref, ...(note ? { note } : {}) };
  const filter = Object.fromEntries(
    Object.entries({
      category: s.categories.length ? s.categories : undefined,
      place_id: s.place_id || undefined,
      area_id: s.place_id ? undefined : (areaId ?? undefined),
      from: s.from || undefined,
      to: s.to || undefined,
    }).filter(([, v]) => v !== undefined),
  );
  return { kind: 'incident_filter', filter, ...(note ? { note } : {}) };
}

/** Checked with the evidence schema the server uses; errors keyed by the form's fields. */
export function validateEvidence(s: EvidenceFormState, areaId: string | null, t: TFunction) {
  const result = EvidenceInputSchema.safeParse(toEvidenceCandidate(s, areaId));
  if (result.success) return { input: result.data, errors: null };
  return {
    input: null,
    errors: fieldErrors(topLevelIssues(result.error.issues), EVIDENCE_FIELDS, 'kind', (field) =>
      t(`programmeEdit.errors.evidence.${field}`),
    ),
  };
}

/** The baseline period checked with the server's schema. */
export function validateBaseline(from: string, to: string) {
  return BaselineInputSchema.safeParse({ from, to });
}
