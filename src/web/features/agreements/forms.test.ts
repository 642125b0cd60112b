import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../../domain/agreements.js';
import type { Me } from '../../../domain/auth.js';
import { canEditAgreements } from './access.js';
import { agreementInputId, blankAgreement, validateCreate, validateUpdate } from './agreement-form.js';
import { blankReview, reviewInputId, validateReview } from './review-form.js';

const t = ((key: string) => key) as unknown as TFunction;
const DISTRICT = '11111111-1111-4111-8111-111111111111';
const POLICE = '22222222-2222-4222-8222-222222222222';
const AREA = '33333333-3333-4333-8333-333333333333';
const MEASURE = '44444444-4444-4444-8444-444444444444';
const PROBLEM = '55555555-5555-4555-8555-555555555555';

const me = (memberships: Me['memberships']): Me =>
  ({ user: { id: 'u', email: 'a@b.se', display_name: 'A' }, memberships }) as unknown as Me;
const membership = (role: Me['memberships'][number]['role'], unit = DISTRICT) => ({
  unit_id: unit,
  unit_name: 'x',
  unit_kind: 'district' as const,
  role,
});

const agreement = (patch: Partial<Agreement> = {}): Agreement => ({
  id: '66666666-6666-4666-8666-666666666666',
  kind: 'citizen_promise',
  title: 'Löfte',
  summary: null,
  approved_public_text: null,
  district_unit: { id: DISTRICT, name: 'SDN' },
  partner_unit: { id: POLICE, name: 'Polisen' },
  period_start: '2026-01-01',
  period_end: '2027-12-31',
  last_review: '2026-06-01',
  next_review: '2026-12-01',
  review_overdue: false,
  areas: [],
  confidentiality: 'public',
  version: 1,
  reviews: [],
  activities: [
    {
      id: MEASURE,
      title: 'Nattvandring',
      type: 'social',
      status: 'ongoing',
      responsible_unit: { id: DISTRICT, name: 'SDN' },
    },
  ],
  indicators: [
    {
      problem_id: PROBLEM,
      categories: ['klotter'],
      where: 'Torget',
      baseline: { from: '2026-01-01', to: '2026-01-31', value: 4 },
      current: { from: '2026-06-01', to: '2026-07-01', value: 2 },
      target_value: null,
    },
  ],
  ...patch,
});

describe('agreement form', () => {
  it('sends what the schema accepts and names each missing field', () => {
    const filled = {
      ...blankAgreement(POLICE, '2026-01-01'),
      kind: 'citizen_promise' as const,
      title: 'Medborgarlöfte',
      period_end: '2026-12-31',
      area_ids: [AREA],
    };
    expect(validateCreate(DISTRICT, filled, t).input).toMatchObject({
      district_unit_id: DISTRICT,
      partner_unit_id: POLICE,
      confidentiality: 'public',
      measure_ids: [],
    });
    expect(Object.keys(validateCreate(DISTRICT, blankAgreement('', '2026-01-01'), t).errors ?? {}).sort()).toEqual([
      'area_ids',
      'kind',
      'partner_unit_id',
      'period_end',
      'title',
    ]);
    expect(validateCreate(DISTRICT, { ...filled, partner_unit_id: DISTRICT }, t).errors).toEqual({
      partner_unit_id: 'agreementForm.errors.partner_unit_id',
    });
    expect(validateUpdate({ ...filled, summary: '  ' }, t).input).toMatchObject({
      summary: null,
      kind: 'citizen_promise',
    });
    expect(agreementInputId('kind')).toBe('agreement-kind-collaboration_agreement');
  });

  it('is offered to coordinators of the district and admins only', () => {
    expect(canEditAgreements(me([membership('coordinator')]), DISTRICT)).toBe(true);
    expect(canEditAgreements(me([membership('admin', POLICE)]), DISTRICT)).toBe(true);
    expect(canEditAgreements(me([membership('coordinator', POLICE), membership('unit_editor')]), DISTRICT)).toBe(false);
    expect(canEditAgreements(null, DISTRICT)).toBe(false);
  });
});

describe('review form', () => {
  it('needs an assessment of every activity and indicator, and a day after the last review', () => {
    const a = agreement();
    const blank = blankReview(a, '2026-11-25');
    expect(validateReview(a, blank, '2026-11-25').errors).toEqual([
      { key: `activity:${MEASURE}`, code: 'assessment' },
      { key: `indicator:${PROBLEM}`, code: 'assessment' },
    ]);
    const early = {
      ...blank,
      reviewed_on: '2026-06-01',
      activities: { [MEASURE]: { assessment: 'partly', comment: '' } },
      indicators: { [PROBLEM]: { assessment: 'improved', comment: ' bra ' } },
    };
    expect(validateReview(a, early, '2026-11-25').errors).toEqual([{ key: 'reviewed_on', code: 'date_order' }]);
    expect(validateReview(a, { ...early, reviewed_on: '2026-11-26' }, '2026-11-25').errors).toEqual([
      { key: 'reviewed_on', code: 'date_order' },
    ]);
    expect(validateReview(a, { ...early, reviewed_on: '2026-11-25' }, '2026-11-25').input).toEqual({
      reviewed_on: '2026-11-25',
      activities: [{ measure_id: MEASURE, assessment: 'partly' }],
      indicators: [{ problem_id: PROBLEM, assessment: 'improved', comment: 'bra' }],
    });
    expect(reviewInputId(`indicator:${PROBLEM}`)).toBe(`review-indicator-${PROBLEM}-improved`);
  });
});
