import type { TFunction } from 'i18next';
import type { RecordType } from '../../../domain/confidentiality.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { type RecordsExport, RecordsExportSchema } from '../../../domain/records.js';

export type ReleaseFormat = RecordsExport['format'];

export interface ReleaseFormState {
  request_ref: string;
  recipient: string;
  type: RecordType;
  /** Records named one by one, or chosen by unit and period. */
  by: 'ids' | 'filter';
  ids: string;
  unit_id: string;
  from: string;
  to: string;
  format: ReleaseFormat;
}

export const emptyReleaseForm = (): ReleaseFormState => ({
  request_ref: '',
  recipient: '',
  type: 'problem',
  by: 'ids',
  ids: '',
  unit_id: '',
  from: '',
  to: '',
  format: 'xlsx',
});

export type ReleaseField = 'request_ref' | 'recipient' | 'type' | 'ids' | 'unit_id' | 'from' | 'to' | 'format';
export const RELEASE_FIELDS: readonly ReleaseField[] = [
  'request_ref',
  'recipient',
  'type',
  'ids',
  'unit_id',
  'from',
  'to',
  'format',
];
/** The element each field's error links to. */
export const RELEASE_INPUT_ID: Record<ReleaseField, string> = {
  request_ref: 'release-ref',
  recipient: 'release-recipient',
  type: 'release-type',
  ids: 'release-ids',
  unit_id: 'release-unit',
  from: 'release-from',
  to: 'release-to',
  format: 'release-format-json',
};
export type ReleaseErrors = Partial<Record<ReleaseField, string>>;

/** Ids as typed: one a line or separated by commas, blanks dropped. */
export const parseIds = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The field an issue path (`ids.3`, `filter.from`) belongs to; null for the filter as a whole. */
function fieldOf(path: readonly PropertyKey[]): ReleaseField | null {
  const [head, next] = path.map(String);
  const field = head === 'filter' ? next : head;
  return (RELEASE_FIELDS as readonly string[]).includes(field ?? '') ? (field as ReleaseField) : null;
}

/** The form as the request body, validated with the API's own schema. */
export function validateRelease(
  state: ReleaseFormState,
  t: TFunction,
): { input: RecordsExport; errors: null } | { input: null; errors: ReleaseErrors } {
  const ids = parseIds(state.ids);
  const filter = {
    ...(state.unit_id ? { unit_id: state.unit_id } : {}),
    ...(state.from.trim() ? { from: state.from.trim() } : {}),
    ...(state.to.trim() ? { to: state.to.trim() } : {}),
  };
  const candidate = {
    request_ref: state.request_ref,
    recipient: state.recipient,
    type: state.type,
    format: state.format,
    // No ids typed leaves both out: the schema's "ids or filter" rule then reports it on the ids field.
    ...(state.by === 'ids' ? (ids.length ? { ids } : {}) : { filter }),
  };
  const result = RecordsExportSchema.safeParse(candidate);
  if (result.success) return { input: result.data, errors: null };
  const errors: ReleaseErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path) ?? 'ids';
    errors[field] ??= t(`records.errors.${field}`);
  }
  return { input: null, errors };
}

/** The API's field issues on the form's fields; unknown ids are named. */
export function serverReleaseErrors(issues: readonly FieldIssue[], t: TFunction): ReleaseErrors {
  const errors: ReleaseErrors = {};
  const unknown = issues.filter((i) => i.code === 'unknown_record').flatMap((i) => i.value ?? []);
  if (unknown.length) errors.ids = t('records.errors.unknownIds', { ids: unknown.join(', ') });
  for (const issue of issues) {
    const field = fieldOf(issue.path.split('.'));
    if (field) errors[field] ??= t(`records.errors.${field}`);
  }
  return errors;
}
