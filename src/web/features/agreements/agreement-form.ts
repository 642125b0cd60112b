import type { TFunction } from 'i18next';
import {
  type Agreement,
  type AgreementCreate,
  AgreementCreateSchema,
  type AgreementKind,
  type AgreementUpdate,
  AgreementUpdateSchema,
} from '../../../domain/agreements.js';
import { type Confidentiality, DEFAULT_CONFIDENTIALITY } from '../../../domain/confidentiality.js';
import { type FieldErrors, fieldErrors, topLevelIssues } from '../../forms/field-errors.js';

/** The agreement form's inputs as they hold them (the district is fixed: the page's). */
export interface AgreementFormState {
  kind: AgreementKind | '';
  partner_unit_id: string;
  title: string;
  summary: string;
  period_start: string;
  period_end: string;
  area_ids: string[];
  measure_ids: string[];
  confidentiality: Confidentiality;
}

export const AGREEMENT_FIELDS = [
  'kind',
  'partner_unit_id',
  'title',
  'summary',
  'period_start',
  'period_end',
  'area_ids',
  'measure_ids',
  'confidentiality',
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

/** The element each field's error links to: the first radio or box of a group, else the input. */
export function agreementInputId(f: AgreementField): string {
  if (f === 'kind') return 'agreement-kind-collaboration_agreement';
  return `agreement-${f.replace(/_/g, '-')}`;
}

/** A blank form: the police as partner when the organisation has such a unit, a period from today. */
export function blankAgreement(partnerUnitId: string, today: string): AgreementFormState {
  return {
    kind: '',
    partner_unit_id: partnerUnitId,
    title: '',
    summary: '',
    period_start: today,
    period_end: '',
    area_ids: [],
    measure_ids: [],
    confidentiality: DEFAULT_CONFIDENTIALITY.agreement,
  };
}

/** The form filled in with an agreement as it is. */
export function agreementState(a: Agreement): AgreementFormState {
  return {
    kind: a.kind,
    partner_unit_id: a.partner_unit.id,
    title: a.title,
    summary: a.summary ?? '',
    period_start: a.period_start,
    period_end: a.period_end,
    area_ids: a.areas.map((x) => x.id),
    measure_ids: a.activities.map((x) => x.id),
    confidentiality: a.confidentiality,
  };
}

/** The API body the form would send; blank inputs left out for the schema to refuse or default. */
function candidate(s: AgreementFormState): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({
      kind: s.kind || undefined,
      partner_unit_id: s.partner_unit_id || undefined,
      title: s.title,
      period_start: s.period_start || undefined,
      period_end: s.period_end || undefined,
      area_ids: s.area_ids,
      measure_ids: s.measure_ids,
      confidentiality: s.confidentiality,
    }).filter(([, v]) => v !== undefined),
  );
}

/** Field errors for zod's or the API's issues (the district and partner refinement belongs to the partner). */
export function agreementErrors(
  issues: ReadonlyArray<{ field: string; code: string }>,
  t: TFunction,
): FieldErrors<AgreementField> {
  return fieldErrors(issues, AGREEMENT_FIELDS, 'title', (field) => t(`agreementForm.errors.${field}`));
}

type Checked<T> = { input: T; errors: null } | { input: null; errors: FieldErrors<AgreementField> };

/** A new agreement of `districtId`, checked with the schema the server uses. */
export function validateCreate(districtId: string, s: AgreementFormState, t: TFunction): Checked<AgreementCreate> {
  const result = AgreementCreateSchema.safeParse({
    ...candidate(s),
    district_unit_id: districtId,
    summary: s.summary.trim() || undefined,
  });
  return result.success
    ? { input: result.data, errors: null }
    : { input: null, errors: agreementErrors(topLevelIssues(result.error.issues), t) };
}

/** The whole edit as one update (a cleared summary is null), checked with the server's schema. */
export function validateUpdate(s: AgreementFormState, t: TFunction): Checked<AgreementUpdate> {
  const result = AgreementUpdateSchema.safeParse({ ...candidate(s), summary: s.summary.trim() || null });
  return result.success
    ? { input: result.data, errors: null }
    : { input: null, errors: agreementErrors(topLevelIssues(result.error.issues), t) };
}
