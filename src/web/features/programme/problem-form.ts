import type { TFunction } from 'i18next';
import { type EvidenceInput, type ProblemCreate, ProblemCreateSchema } from '../../../domain/problems.js';
import { type FieldErrors, fieldErrors, topLevelIssues } from '../../forms/field-errors.js';

/** What the coordinator has filled in so far; strings as the inputs hold them. */
export interface ProblemFormState {
  owner_unit_id: string;
  title: string;
  statement: string;
  area_id: string;
  place_ids: string[];
  categories: string[];
  time_pattern: string;
  affected: string[];
  /** Links from the situation report (hotspot, place filter). */
  evidence: EvidenceInput[];
  /** One more piece of evidence as a note, optional. */
  note: string;
  baseline_from: string;
  baseline_to: string;
  target_value: string;
  /** Which way the indicator should move; '' until chosen (the schema refuses a baseline without it). */
  direction: string;
}

export const PROBLEM_FIELDS = [
  'owner_unit_id',
  'title',
  'statement',
  'area_id',
  'categories',
  'time_pattern',
  'affected',
  'evidence',
  'baseline',
] as const;
export type ProblemField = (typeof PROBLEM_FIELDS)[number];

/** The element each field's error links to and focuses. */
export const problemInputId = (f: ProblemField): string =>
  f === 'baseline' ? 'problem-baseline-from' : f === 'evidence' ? 'problem-note' : `problem-${f.replace(/_/g, '-')}`;

/** The API body as the form would send it: empty inputs left out, numbers as numbers when they are numbers. */
export function toProblemCandidate(s: ProblemFormState): Record<string, unknown> {
  const target = s.target_value.trim();
  const baseline =
    s.baseline_from || s.baseline_to || target
      ? {
          from: s.baseline_from,
          to: s.baseline_to,
          ...(target ? { target_value: /^\d+$/.test(target) ? Number(target) : target } : {}),
          ...(s.direction ? { direction: s.direction } : {}),
        }
      : undefined;
  const note = s.note.trim();
  return Object.fromEntries(
    Object.entries({
      owner_unit_id: s.owner_unit_id || undefined,
      title: s.title,
      statement: s.statement,
      area_id: s.area_id || undefined,
      place_ids: s.place_ids,
      categories: s.categories,
      time_pattern: s.time_pattern.trim() || undefined,
      affected: s.affected,
      evidence: note ? [...s.evidence, { kind: 'note', note }] : s.evidence,
      baseline,
    }).filter(([, v]) => v !== undefined),
  );
}

function message(t: TFunction) {
  return (field: ProblemField, code: string) => {
    if (code === 'unknown_category') return t('programme.errors.unknown_category');
    return t(`programme.errors.problem.${field}`);
  };
}

/** Checked with the schema the server uses: the body to send, or the errors per field. */
export function validateProblem(
  s: ProblemFormState,
  t: TFunction,
): { input: ProblemCreate; errors: null } | { input: null; errors: FieldErrors<ProblemField> } {
  const result = ProblemCreateSchema.safeParse(toProblemCandidate(s));
  if (result.success) return { input: result.data, errors: null };
  return { input: null, errors: problemErrors(topLevelIssues(result.error.issues), t) };
}

/** Field errors for zod's or the API's issues (place_ids belongs to the area field: "an area or a place"). */
export function problemErrors(
  issues: ReadonlyArray<{ field: string; code: string }>,
  t: TFunction,
): FieldErrors<ProblemField> {
  return fieldErrors(
    issues.map((i) => (i.field === 'place_ids' ? { ...i, field: 'area_id' } : i)),
    PROBLEM_FIELDS,
    'title',
    message(t),
  );
}
