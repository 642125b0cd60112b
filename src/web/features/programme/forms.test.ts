import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { defaultUnit, editableUnits } from './access.js';
import { measureInputId, toMeasureCandidate, validateMeasure, type MeasureFormState } from './measure-form.js';
import { problemInputId, validateProblem, type ProblemFormState } from './problem-form.js';
import type { Me } from '../../../domain/auth.js';

const t = ((key: string) => key) as unknown as TFunction;
const UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const PROBLEM = '33333333-3333-4333-8333-333333333333';

const problem = (patch: Partial<ProblemFormState> = {}): ProblemFormState => ({
  owner_unit_id: UNIT,
  title: 'Klotter vid Högdalens centrum',
  statement: 'Klotter på fasader kvällstid.',
  area_id: OTHER,
  place_ids: [],
  categories: ['klotter'],
  time_pattern: '',
  affected: [],
  evidence: [],
  note: '',
  baseline_from: '2026-01-01',
  baseline_to: '2026-06-28',
  target_value: '',
  direction: 'lower',
  ...patch,
});

describe('problem form', () => {
  it('sends what the schema accepts, with the note as evidence and the target as a number', () => {
    const v = validateProblem(problem({ note: ' Personalen ser klotter varje morgon. ', target_value: '40' }), t);
    expect(v.errors).toBeNull();
    expect(v.input).toMatchObject({
      owner_unit_id: UNIT,
      area_id: OTHER,
      evidence: [{ kind: 'note', note: 'Personalen ser klotter varje morgon.' }],
      baseline: { from: '2026-01-01', to: '2026-06-28', target_value: 40, direction: 'lower' },
    });
  });

  it('refuses a baseline until the user has said which way is better', () => {
    expect(validateProblem(problem({ direction: '' }), t).errors).toEqual({
      baseline: 'programme.errors.problem.baseline',
    });
  });

  it('names each missing field, and an area or a place is required', () => {
    const v = validateProblem(problem({ title: ' ', statement: '', area_id: '', categories: [] }), t);
    expect(Object.keys(v.errors ?? {}).sort()).toEqual(['area_id', 'categories', 'statement', 'title']);
    expect(v.errors?.area_id).toBe('programme.errors.problem.area_id');
    expect(validateProblem(problem({ area_id: '', place_ids: [PROBLEM] }), t).errors).toBeNull();
  });

  it('refuses a baseline that ends before it starts or a target that is not a number', () => {
    expect(validateProblem(problem({ baseline_to: '2025-12-31' }), t).errors).toEqual({
      baseline: 'programme.errors.problem.baseline',
    });
    expect(validateProblem(problem({ target_value: 'färre' }), t).errors).toEqual({
      baseline: 'programme.errors.problem.baseline',
    });
  });

  it('links every field to an element id', () => {
    expect(problemInputId('owner_unit_id')).toBe('problem-owner-unit-id');
    expect(problemInputId('baseline')).toBe('problem-baseline-from');
  });
});

const measure = (patch: Partial<MeasureFormState> = {}): MeasureFormState => ({
  problem_ids: [PROBLEM],
  responsible_unit_id: UNIT,
  contributing_unit_ids: [UNIT, OTHER],
  place_ids: [],
  title: 'Bättre belysning',
  description: '',
  type: 'situational',
  period_start: '2026-11-01',
  period_end: '',
  cost_estimate_sek: '120 000',
  target_groups: ['visitors'],
  followup_dates: ['2027-02-01', ''],
  components: [
    { title: 'Armaturer', type: 'situational' },
    { title: ' ', type: 'staffing' },
  ],
  ...patch,
});

describe('measure form', () => {
  it('drops blank rows, the responsible unit among contributors, and reads the cost with spaces', () => {
    expect(toMeasureCandidate(measure())).toMatchObject({
      contributing_unit_ids: [OTHER],
      cost_estimate_sek: 120_000,
      followup_dates: ['2027-02-01'],
      components: [{ title: 'Armaturer', type: 'situational' }],
    });
    expect(validateMeasure(measure(), t).errors).toBeNull();
  });

  it('requires a problem and a type, and the period in order', () => {
    const v = validateMeasure(measure({ problem_ids: [], type: '', cost_estimate_sek: '12,5' }), t);
    expect(Object.keys(v.errors ?? {}).sort()).toEqual(['cost_estimate_sek', 'problem_ids', 'type']);
    // The schema checks the period's order once the fields themselves are valid.
    expect(validateMeasure(measure({ period_end: '2026-10-01' }), t).errors).toEqual({
      period_end: 'programme.errors.measure.period_end',
    });
    expect(measureInputId('type')).toBe('measure-type-situational');
  });
});

describe('who may record for which unit', () => {
  const units = [{ id: UNIT }, { id: OTHER }];
  const me = (role: Me['memberships'][number]['role'], unitId = UNIT): Me => ({
    user: { id: PROBLEM, email: 'x@example.org', display_name: 'X' },
    csrf_token: null,
    memberships: [{ unit_id: unitId, unit_name: 'U', unit_kind: 'district', role }],
  });
  it('editors and coordinators their own unit, admins every unit, analysts and partners none', () => {
    expect(editableUnits(me('coordinator'), units)).toEqual([{ id: UNIT }]);
    expect(editableUnits(me('admin'), units)).toEqual(units);
    expect(editableUnits(me('analyst'), units)).toEqual([]);
    expect(editableUnits(me('partner_viewer'), units)).toEqual([]);
    expect(defaultUnit(me('unit_editor'), units, OTHER)).toBe(UNIT);
    expect(defaultUnit(me('admin'), units, OTHER)).toBe(OTHER);
  });
});
