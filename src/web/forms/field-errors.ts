import type { FieldIssue } from '../../domain/errors.js';

/** A field's error message, keyed by the form's field names (the API body's top-level keys). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** zod issues (or the API's `details`) reduced to the top-level key each belongs to. */
export function topLevelIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> | string; code: string }>,
): Array<{ field: string; code: string }> {
  return issues.map((i) => ({
    field: String(typeof i.path === 'string' ? i.path.split('.')[0] : (i.path[0] ?? '')),
    code: i.code,
  }));
}

/**
 * The first message per known field. An issue on a field the form does not show goes to `fallback`, so a
 * mismatch between form and schema is seen rather than swallowed.
 * @example fieldErrors([{ field: 'title', code: 'too_small' }], ['title'], 'title', () => 'Skriv en rubrik.') // { title: 'Skriv en rubrik.' }
 */
export function fieldErrors<F extends string>(
  issues: ReadonlyArray<{ field: string; code: string }>,
  fields: readonly F[],
  fallback: F,
  message: (field: F, code: string) => string,
): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const { field, code } of issues) {
    const known = (fields as readonly string[]).includes(field) ? (field as F) : fallback;
    errors[known] ??= known === field ? message(known, code) : `${message(known, code)} (${field})`;
  }
  return errors;
}

/** The API's field issues in the same shape as zod's. */
export const apiIssues = (issues: readonly FieldIssue[]) => topLevelIssues(issues);

/** Error summary entries in form order, each linking to its input. */
export function summaryItems<F extends string>(
  errors: FieldErrors<F>,
  order: readonly F[],
  inputId: (field: F) => string,
) {
  return order.flatMap((f) => (errors[f] ? [{ inputId: inputId(f), message: errors[f] }] : []));
}
