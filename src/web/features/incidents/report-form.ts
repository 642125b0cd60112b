import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../domain/errors.js';
import { type IncidentCreate, IncidentCreateSchema, MAX_DESCRIPTION_LENGTH } from '../../../domain/incidents.js';
import { HONEYPOT_FIELD, type PublicReportCreate, PublicReportCreateSchema } from '../../../domain/public-reports.js';
import { localInputToOffsetIso } from '../../components/dates.js';
import type { FieldErrors } from '../../forms/field-errors.js';

/** What the reporter has filled in so far. */
export interface ReportState {
  category: string;
  /** A `datetime-local` value in the browser's time zone. */
  occurredLocal: string;
  description: string;
  /** The chosen point: a map click, the device position, or the chosen place's position. */
  point: { lon: number; lat: number } | null;
  placeId: string;
  zoneId: string;
  /** Public form only: the resident wants updates by e-mail. */
  notify: boolean;
  email: string;
  /** The honeypot: hidden from people, so anything in it came from a bot. */
  honeypot: string;
}

/**
 * 'public': a resident without an account (POST /api/public/reports, answered with a receipt code);
 * 'staff': a signed-in user who may create incidents (POST /api/incidents).
 */
export type ReportMode = 'public' | 'staff';

/** Form fields that can carry an error; lon, lat and precision all belong to 'location'. */
export type ReportField = 'location' | 'zone' | 'category' | 'occurred_at' | 'description' | 'email';
export const FIELD_ORDER: readonly ReportField[] = [
  'location',
  'zone',
  'category',
  'occurred_at',
  'description',
  'email',
];
/** The element each field's error links to (and focuses). */
export const FIELD_INPUT_ID: Record<ReportField, string> = {
  location: 'report-place',
  zone: 'report-zone',
  category: 'report-category',
  occurred_at: 'report-occurred-at',
  description: 'report-description',
  email: 'report-email',
};

/** The API body as the form would send it in each mode (undefined fields left out). */
export function toCandidate(state: ReportState, mode: ReportMode): Record<string, unknown> {
  const common: Record<string, unknown> = {
    // An unparsable time stays in the body as '' so the schema reports it (it is optional in the public one).
    occurred_at: state.occurredLocal ? localInputToOffsetIso(state.occurredLocal) : undefined,
    category: state.category || undefined,
    lon: state.point?.lon,
    lat: state.point?.lat,
    place_id: state.placeId || undefined,
    zone_id: state.zoneId || undefined,
    description: state.description.trim() || undefined,
  };
  const candidate: Record<string, unknown> =
    mode === 'staff'
      ? {
          ...common,
          occurred_at: common.occurred_at ?? '',
          precision: state.placeId ? 'place' : 'exact',
          source: 'staff',
        }
      : {
          ...common,
          notify: state.notify,
          email: state.notify ? state.email.trim() : undefined,
          [HONEYPOT_FIELD]: state.honeypot || undefined,
        };
  return Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
}

/** The field an API or schema path belongs to. */
export function fieldOf(path: string): ReportField | null {
  switch (path) {
    case 'lon':
    case 'lat':
    case 'precision':
    case 'place_id':
      return 'location';
    case 'email':
    case 'notify':
      return 'email';
    case 'zone_id':
      return 'zone';
    case 'category':
    case 'occurred_at':
    case 'description':
      return path;
    default:
      return null;
  }
}

/** A message in the current language for one issue (zod issue code or the API's detail code). */
function messageFor(field: ReportField, code: string, t: TFunction): string {
  switch (field) {
    case 'location':
      if (code === 'outside_organisation') return t('report.errors.outside');
      if (code === 'unknown_place') return t('report.errors.place');
      return t('report.errors.location');
    case 'zone':
      return t('report.errors.zone');
    case 'category':
      return code === 'inactive_category' ? t('report.errors.inactive_category') : t('report.errors.category');
    case 'occurred_at':
      return code === 'in_future' ? t('report.errors.in_future') : t('report.errors.occurred_at');
    case 'description':
      return t('report.errors.description', { max: MAX_DESCRIPTION_LENGTH });
    case 'email':
      return t('report.errors.email');
  }
}

function collect(
  issues: ReadonlyArray<{ path: string; code: string }>,
  t: TFunction,
): { fields: FieldErrors<ReportField>; other: string[] } {
  const fields: FieldErrors<ReportField> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field) fields[field] ??= messageFor(field, issue.code, t);
    else other.push(issue.path);
  }
  return { fields, other };
}

/**
 * Validates with the same schema as the server. Returns the body to send, or the errors per field.
 * @example validateReport(emptyState, 'public', t).errors?.category // 'Välj en kategori.'
 */
export function validateReport(state: ReportState, mode: ReportMode, t: TFunction): Validated {
  const candidate = toCandidate(state, mode);
  const result =
    mode === 'staff' ? IncidentCreateSchema.safeParse(candidate) : PublicReportCreateSchema.safeParse(candidate);
  if (result.success) {
    return mode === 'staff'
      ? { mode, input: result.data as IncidentCreate, errors: null }
      : { mode, input: result.data as PublicReportCreate, errors: null };
  }
  const issues = result.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), code: i.code }));
  const { fields, other } = collect(issues, t);
  // A schema issue on a key the form does not show would be a bug in toCandidate: surface it rather than hide it.
  if (other.length > 0 && Object.keys(fields).length === 0) fields.location = other.join(', ');
  return { mode, input: null, errors: fields };
}

export type Validated =
  | { mode: 'staff'; input: IncidentCreate; errors: null }
  | { mode: 'public'; input: PublicReportCreate; errors: null }
  | { mode: ReportMode; input: null; errors: FieldErrors<ReportField> };

/** The API's field issues (details[].path) mapped onto the form's fields. */
export function serverFieldErrors(issues: readonly FieldIssue[], t: TFunction): FieldErrors<ReportField> {
  return collect(issues, t).fields;
}
