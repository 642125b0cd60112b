import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../domain/errors.js';
import {
  type ClosureReason,
  type IncidentStatusUpdate,
  IncidentStatusUpdateSchema,
  type Status,
} from '../../../domain/incidents.js';

/** The note's limit, read from the shared schema so the counter and the server agree. */
export const NOTE_MAX_LENGTH = IncidentStatusUpdateSchema.shape.note.unwrap().maxLength ?? 1000;

export interface StatusFormState {
  status: Status;
  closureReason: ClosureReason | '';
  /** Closing as 'not_ours': the unit the report was passed on to. */
  forwardedTo: string;
  note: string;
}

export type StatusField = 'status' | 'closure_reason' | 'forwarded_to_unit_id' | 'note';
export const STATUS_FIELD_ORDER: readonly StatusField[] = ['status', 'closure_reason', 'forwarded_to_unit_id', 'note'];
/** The element each field's error links to. */
export const STATUS_INPUT_ID: Record<StatusField, string> = {
  status: 'status-new',
  closure_reason: 'status-closure',
  forwarded_to_unit_id: 'status-forwarded',
  note: 'status-note',
};

/** Whether the form asks for the unit the report was passed on to. */
export const asksForUnit = (state: StatusFormState) => state.status === 'closed' && state.closureReason === 'not_ours';
export type StatusErrors = Partial<Record<StatusField, string>>;

/** Where an incident usually goes next: new → in progress → closed (a closed one stays closed unless chosen). */
export function nextStatus(current: Status): Status {
  return current === 'new' ? 'in_progress' : 'closed';
}

function messageFor(field: StatusField, t: TFunction): string {
  if (field === 'note') return t('statusForm.errors.note', { max: NOTE_MAX_LENGTH });
  return t(`statusForm.errors.${field}`);
}

function fieldOf(path: string): StatusField | null {
  return (STATUS_FIELD_ORDER as readonly string[]).includes(path) ? (path as StatusField) : null;
}

/** Validates with the server's schema; a closure reason is only sent when closing, a unit only for 'not_ours'. */
export function validateStatus(
  state: StatusFormState,
  t: TFunction,
): { input: IncidentStatusUpdate; errors: null } | { input: null; errors: StatusErrors } {
  const candidate = {
    status: state.status,
    ...(state.status === 'closed' && state.closureReason ? { closure_reason: state.closureReason } : {}),
    ...(asksForUnit(state) && state.forwardedTo ? { forwarded_to_unit_id: state.forwardedTo } : {}),
    ...(state.note.trim() ? { note: state.note } : {}),
  };
  const result = IncidentStatusUpdateSchema.safeParse(candidate);
  if (result.success) return { input: result.data, errors: null };
  const errors: StatusErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(String(issue.path[0] ?? '')) ?? 'status';
    errors[field] ??= messageFor(field, t);
  }
  return { input: null, errors };
}

/** The API's field issues on the form's fields; issues on other paths are left to the general message. */
export function serverStatusErrors(issues: readonly FieldIssue[], t: TFunction): StatusErrors {
  const errors: StatusErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field) errors[field] ??= messageFor(field, t);
  }
  return errors;
}
