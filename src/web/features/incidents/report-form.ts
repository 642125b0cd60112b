import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../domain/errors.js';
import { type IncidentCreate, IncidentCreateSchema, MAX_DESCRIPTION_LENGTH } from '../../../domain/incidents.js';
import { localInputToOffsetIso } from '../../components/dates.js';

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
}

/** Form fields that can carry an error; lon, lat and precision all belong to 'location'. */
export type ReportField = 'location' | 'zone' | 'category' | 'occurred_at' | 'description';
export const FIELD_ORDER: readonly ReportField[] = ['location', 'zone', 'category', 'occurred_at', 'description'];
/** The element each field's error links to (and focuses). */
export const FIELD_INPUT_ID: Record<ReportField, string> = {
  location: 'report-place',
  zone: 'report-zone',
  category: 'report-category',
  occurred_at: 'report-occurred-at',
  description: 'report-description',
};

export type FieldErrors = Partial<Record<ReportField, string>>;

/** The API body as the form would send it; `source` is 'resident' from the public form. */
export function toCandidate(state: ReportState): Record<string, unknown> {
  const candidate: Record<string, unknown> = {
    occurred_at: localInputToOffsetIso(state.occurredLocal) || undefined,
    category: state.category || undefined,
    lon: state.point?.lon,
    lat: state.point?.lat,
    precision: state.placeId ? 'place' : 'exact',
    place_id: state.placeId || undefined,
    zone_id: state.zoneId || undefined,
    description: state.description.trim() || undefined,
    source: 'resident',
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
  }
}

function collect(issues: ReadonlyArray<{ path: string; code: string }>, t: TFunction): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
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
 * @example validateReport(emptyState, t).errors.category // 'Välj en kategori.'
 */
export function validateReport(state: ReportState, t: TFunction): { input: IncidentCreate; errors: null } | { input: null; errors: FieldErrors } {
  const result = IncidentCreateSchema.safeParse(toCandidate(state));
  if (result.success) return { input: result.data, errors: null };
  const issues = result.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), code: i.code }));
  const { fields, other } = collect(issues, t);
  // A schema issue on a key the form does not show would be a bug in toCandidate: surface it rather than hide it.
  if (other.length > 0 && Object.keys(fields).length === 0) fields.location = other.join(', ');
  return { input: null, errors: fields };
}

/** The API's field issues (details[].path) mapped onto the form's fields. */
export function serverFieldErrors(issues: readonly FieldIssue[], t: TFunction): FieldErrors {
  return collect(issues, t).fields;
}
