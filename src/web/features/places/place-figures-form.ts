import type { TFunction } from 'i18next';
import { type PlaceMonthFigure, PlaceMonthFiguresUpdateSchema } from '../../../domain/evaluations.js';
import type { FieldErrors } from '../../forms/field-errors.js';

/** One month's figures as typed: the month ('YYYY-MM') and two numbers that may be left blank. */
export interface FigureFormState {
  month: string;
  visitors: string;
  opening_hours: string;
}
export const FIGURE_FIELDS = ['month', 'visitors', 'opening_hours'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

export const figureInputId = (f: FigureField) => `place-figure-${f.replace('_', '-')}`;

/** A typed number: blank is null, a Swedish decimal comma is read, anything else is left for the schema to refuse. */
function numberOrText(v: string): number | string | null {
  const s = v.replace(/\s/g, '').replace(',', '.');
  if (!s) return null;
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : v;
}

/** The month as the API body, checked with the API's schema: the body, or the errors at the fields. */
export function validateFigure(
  s: FigureFormState,
  t: TFunction,
): { months: PlaceMonthFigure[]; errors: null } | { months: null; errors: FieldErrors<FigureField> } {
  const parsed = PlaceMonthFiguresUpdateSchema.safeParse({
    months: [{ month: s.month, visitors: numberOrText(s.visitors), opening_hours: numberOrText(s.opening_hours) }],
  });
  if (parsed.success) return { months: parsed.data.months, errors: null };
  return { months: null, errors: figureErrors(parsed.error.issues, t) };
}

/** Issues of the schema or the API (`months.0.visitors`) as messages at the month's fields. */
export function figureErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> | string }>,
  t: TFunction,
): FieldErrors<FigureField> {
  const errors: FieldErrors<FigureField> = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path.split('.') : issue.path.map(String);
    const field = (FIGURE_FIELDS as readonly string[]).includes(path[2] ?? '') ? (path[2] as FigureField) : 'month';
    errors[field] ??= t(`placeFigures.errors.${field}`);
  }
  return errors;
}
