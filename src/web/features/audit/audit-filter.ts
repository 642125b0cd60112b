import type { TFunction } from 'i18next';
import { AuditActionSchema, AuditQuerySchema } from '../../../domain/audit.js';
import { addDays } from '../../../domain/calendar/index.js';
import { IsoDateSchema } from '../../../domain/common.js';
import type { AuditFilter } from '../../api/endpoints.js';
import { localInputToOffsetIso } from '../../components/dates.js';
import type { FieldErrors } from '../../forms/field-errors.js';

/** The search form as typed: free text, an action code, and calendar days ('YYYY-MM-DD') for the range. */
export interface AuditFormState {
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  from: string;
  to: string;
}
export type AuditField = keyof AuditFormState;
export const AUDIT_FIELDS: readonly AuditField[] = ['actor', 'action', 'entity_type', 'entity_id', 'from', 'to'];
export const AUDIT_INPUT_ID: Record<AuditField, string> = {
  actor: 'audit-actor',
  action: 'audit-action',
  entity_type: 'audit-entity-type',
  entity_id: 'audit-entity-id',
  from: 'audit-from',
  to: 'audit-to',
};
export type AuditErrors = FieldErrors<AuditField>;
export const AUDIT_ACTIONS = AuditActionSchema.options;

export const emptyAuditForm = (): AuditFormState => ({
  actor: '',
  action: '',
  entity_type: '',
  entity_id: '',
  from: '',
  to: '',
});

/** The form as it was last searched, from the URL (so a search can be shared, reloaded and gone back to). */
export function formFromParams(params: URLSearchParams): AuditFormState {
  const form = emptyAuditForm();
  for (const f of AUDIT_FIELDS) form[f] = params.get(f) ?? '';
  return form;
}

export function paramsFromForm(form: AuditFormState): URLSearchParams {
  const params = new URLSearchParams();
  for (const f of AUDIT_FIELDS) if (form[f].trim()) params.set(f, form[f].trim());
  return params;
}

/**
 * The API filter for a form, validated with the server's AuditQuerySchema. Days are whole days in Swedish time:
 * 'from' starts at its midnight, 'to' runs until the next day's midnight.
 */
export function toAuditFilter(
  form: AuditFormState,
  t: TFunction,
): { filter: AuditFilter; errors: null } | { filter: null; errors: AuditErrors } {
  const errors: AuditErrors = {};
  const day = (field: 'from' | 'to') => {
    const value = form[field].trim();
    if (!value) return undefined;
    if (!IsoDateSchema.safeParse(value).success) {
      errors[field] = t(`audit.errors.${field}`);
      return undefined;
    }
    return localInputToOffsetIso(`${field === 'to' ? addDays(value, 1) : value}T00:00`);
  };
  const candidate = {
    actor: form.actor.trim() || undefined,
    action: form.action || undefined,
    entity_type: form.entity_type.trim() || undefined,
    entity_id: form.entity_id.trim() || undefined,
    from: day('from'),
    to: day('to'),
  };
  if (!errors.from && !errors.to && form.from && form.to && form.to < form.from) errors.to = t('audit.errors.range');
  const result = AuditQuerySchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '') as AuditField;
      if (AUDIT_FIELDS.includes(field)) errors[field] ??= t(`audit.errors.${field}`);
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { filter: null, errors };
  const { limit: _limit, before_id: _before, ...filter } = result.data;
  return { filter, errors: null };
}
