import type { TFunction } from 'i18next';
import { type ServiceLevel, ServiceLevelInputSchema } from '../../../domain/responsibility.js';
import { fieldErrors, topLevelIssues } from '../../forms/field-errors.js';
import type { Checked } from './rule-form.js';

/** A category's response rule as the form holds it. */
export interface LevelFormState {
  category: string;
  hours: string;
  rule: string;
}
export const LEVEL_FIELDS = ['category', 'hours', 'rule'] as const;
export type LevelField = (typeof LEVEL_FIELDS)[number];
export const levelInputId = (f: LevelField) => `level-${f}`;

/** The form for `category`: its current rule when it has one, else blank. */
export function levelState(category: string, levels: readonly ServiceLevel[]): LevelFormState {
  const level = levels.find((l) => l.category === category);
  return { category, hours: level ? String(level.hours) : '', rule: level?.rule ?? '' };
}

/** The category and the body for PUT /api/service-levels/:code, checked with the server's schema. */
export function validateLevel(
  s: LevelFormState,
  t: TFunction,
): Checked<{ category: string; body: { hours: number; rule: string } }, LevelField> {
  const hours = s.hours.trim();
  const result = ServiceLevelInputSchema.safeParse({
    hours: /^\d+$/.test(hours) ? Number(hours) : undefined,
    rule: s.rule,
  });
  const issues = topLevelIssues(result.success ? [] : result.error.issues);
  if (!s.category) issues.unshift({ field: 'category', code: 'required' });
  if (issues.length || !result.success) {
    return {
      input: null,
      errors: fieldErrors(issues, LEVEL_FIELDS, 'rule', (field) => t(`serviceLevels.errors.${field}`)),
    };
  }
  return { input: { category: s.category, body: result.data }, errors: null };
}
