/** What an audit row keeps of a text value that could be free text: that the field changed, not what it says. */
export const REDACTED_TEXT = '[text]';

/**
 * Texts that name the organisation's own things, never persons: category labels and a records request's
 * diary number ("KS 2026/17"). Every other text value that does not look like a code is replaced.
 */
const ORGANISATIONAL_TEXT = new Set(['label_sv', 'label_en', 'request_ref']);

/**
 * Codes (status, tier, role, kind, error codes such as IMPORT_HAS_ERRORS), ids, hashes, ISO dates and weeks, and the placeholders services write
 * themselves ('[changed]'): none of these can carry a description, a note or an address.
 */
const NOT_FREE_TEXT =
  /^(?:[a-z0-9][a-z0-9_.:-]{0,99}|[A-Z][A-Z0-9]*_[A-Z0-9_]*|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{4}-W\d{2}|\[[a-z_]+\])$/;
/**
 * What passes for a code but is a person's: a phone or identity number (six digits or more with only hyphens
 * between them: 0701234567, 19800101-1234; a date or a UUID is not one) or an address's local part
 * (anna.svensson). A status note holding only one of these would otherwise be kept as written.
 */
function looksPersonal(value: string): boolean {
  if (/^[a-z]+\.[a-z]+$/.test(value)) return true;
  return (
    /^[\d-]+$/.test(value) &&
    value.replace(/-/g, '').length >= 6 &&
    !/^(?:\d{4}-\d{2}-\d{2}|\d{8}(?:-\d{4}){3}-\d{12})$/.test(value)
  );
}

function clean(value: unknown, key: string | null): unknown {
  if (typeof value === 'string')
    return (key !== null && ORGANISATIONAL_TEXT.has(key)) || (NOT_FREE_TEXT.test(value) && !looksPersonal(value))
      ? value
      : REDACTED_TEXT;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => clean(v, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, k)]));
  return value;
}

/**
 * The before/after of an audit row as stored: every field name, every number, boolean, code, id and date,
 * but free text (descriptions, notes, statements, answers, e-mail addresses) only as '[text]'. The log then
 * says who changed which field of what and when, and never keeps personal data that retention or erasure
 * removes from the record itself (the runtime role cannot rewrite audit rows afterwards).
 * @example auditValues({ status: 'closed', status_note: 'Ring Anna 070-123 45 67' }) // { status: 'closed', status_note: '[text]' }
 */
export function auditValues(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  return values ? (clean(values, null) as Record<string, unknown>) : null;
}
