import type { TFunction } from 'i18next';
import {
  type ResponsibilityRule,
  type ResponsibilityRuleInput,
  ResponsibilityRuleInputSchema,
} from '../../../domain/responsibility.js';
import { type FieldErrors, fieldErrors, topLevelIssues } from '../../forms/field-errors.js';

type Target = ResponsibilityRuleInput['target'];

/** A matrix rule's inputs as the form holds them: '' for nothing chosen, and for "every category". */
export interface RuleFormState {
  place_type: string;
  category: string;
  target: Target | '';
  unit_id: string;
  note: string;
}

export const RULE_FIELDS = ['place_type', 'category', 'target', 'unit_id', 'note'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** The element each field's error links to: the first radio of the target group, else the input. */
export function ruleInputId(f: RuleField): string {
  return f === 'target' ? 'rule-target-unit' : `rule-${f.replace(/_/g, '-')}`;
}

export const blankRule = (): RuleFormState => ({ place_type: '', category: '', target: '', unit_id: '', note: '' });

/** The form filled in with a rule as it is. */
export function ruleState(r: ResponsibilityRule): RuleFormState {
  return {
    place_type: r.place_type,
    category: r.category ?? '',
    target: r.target,
    unit_id: r.unit?.id ?? '',
    note: r.note ?? '',
  };
}

/** The API's codes for a category or unit that is gone, each with its own message. */
const UNKNOWN = new Set(['unknown_category', 'unknown_unit']);

/** Field errors for zod's or the API's issues; an issue on an unknown field lands on the place type. */
export function ruleErrors(
  issues: ReadonlyArray<{ field: string; code: string }>,
  t: TFunction,
): FieldErrors<RuleField> {
  return fieldErrors(issues, RULE_FIELDS, 'place_type', (field, code) =>
    t(`responsibility.errors.${UNKNOWN.has(code) ? code : field}`),
  );
}

export type Checked<T, F extends string> = { input: T; errors: null } | { input: null; errors: FieldErrors<F> };

/** The rule the form would send, checked with the schema the server uses; a unit only goes with the target "unit". */
export function validateRule(s: RuleFormState, t: TFunction): Checked<ResponsibilityRuleInput, RuleField> {
  const note = s.note.trim();
  const result = ResponsibilityRuleInputSchema.safeParse({
    place_type: s.place_type,
    category: s.category || null,
    target: s.target || undefined,
    unit_id: s.target === 'unit' ? s.unit_id || null : null,
    ...(note ? { note } : {}),
  });
  return result.success
    ? { input: result.data, errors: null }
    : { input: null, errors: ruleErrors(topLevelIssues(result.error.issues), t) };
}
