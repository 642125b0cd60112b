import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../../domain/measures.js';
import type { Problem } from '../../../domain/problems.js';
import { measureEditInputId, measureEditState, validateMeasureEdit } from './measure-edit.js';
import {
  changedFields,
  type EvidenceFormState,
  problemEditInputId,
  problemEditState,
  validateBaseline,
  validateEvidence,
  validateProblemEdit,
} from './problem-edit.js';

const t = ((key: string) => key) as unknown as TFunction;
const UNIT = '11111111-1111-4111-8111-111111111111';
const AREA = '22222222-2222-4222-8222-222222222222';
const PLACE = '33333333-3333-4333-8333-333333333333';
const PROBLEM = '44444444-4444-4444-8444-444444444444';
const COMPONENT = '55555555-5555-4555-8555-555555555555';

const problem: Problem = {
  id: PROBLEM,
  owner_unit: { id: UNIT, name: 'SDN' },
  area: { id: AREA, name: 'Högdalen' },
  places: [{ id: PLACE, name: 'Högdalens bibliotek', type: 'library', lon: 18, lat: 59 }],
  title: 'Klotter vid Högdalens centrum',
  statement: 'Klotter på fasaderna.',
  stage: 'analysis',
  categories: ['klotter', 'skadegorelse'],
  time_pattern: null,
  affected: ['visitors'],
  baseline: { from: '2026-01-01', to: '2026-06-28', value: 84 },
  target_value: 40,
  indicator_direction: 'lower',
  baseline_label: null,
  evidence: [],
  measure_ids: [],
  created_at: '2026-07-01T10:00:00Z',
  confidentiality: 'municipal',
  version: 1,
};

describe('editing a problem', () => {
  it('sends nothing when nothing changed, and only the changed keys otherwise (lists compared as sets)', () => {
    const original = problemEditState(problem);
    expect(validateProblemEdit(original, original, t)).toEqual({ input: null, errors: null });
    const reordered = { ...original, categories: ['skadegorelse', 'klotter'] };
    expect(validateProblemEdit(original, reordered, t).input).toBeNull();
    const edited = {
      ...original,
      statement: ' Klotter på fasaderna varje natt. ',
      time_pattern: 'nätter',
      target_value: '',
    };
    expect(validateProblemEdit(original, edited, t).input).toEqual({
      statement: 'Klotter på fasaderna varje natt.',
      time_pattern: 'nätter',
      target_value: null,
    });
  });

  it('sends a cleared area as null and the confidentiality when it changes', () => {
    const original = problemEditState(problem);
    expect(validateProblemEdit(original, { ...original, area_id: '', confidentiality: 'restricted' }, t).input).toEqual(
      { area_id: null, confidentiality: 'restricted' },
    );
  });

  it('shows which way is better as the problem says, and sends it when it changes', () => {
    const original = problemEditState(problem);
    expect(original.indicator_direction).toBe('lower');
    expect(validateProblemEdit(original, { ...original, indicator_direction: 'higher' }, t).input).toEqual({
      indicator_direction: 'higher',
    });
    expect(problemEditInputId('indicator_direction')).toBe('problem-indicator-direction');
  });

  it('refuses an edit with neither area nor place, no category, or a target that is not a whole number', () => {
    const original = problemEditState(problem);
    const v = validateProblemEdit(original, { ...original, area_id: '', place_ids: [], categories: [] }, t);
    expect(v.errors).toEqual({
      area_id: 'programme.errors.problem.area_id',
      categories: 'programme.errors.problem.categories',
    });
    expect(validateProblemEdit(original, { ...original, target_value: '4,5' }, t).errors).toEqual({
      target_value: 'programmeEdit.errors.target_value',
    });
    expect(validateProblemEdit(original, { ...original, target_value: '-1' }, t).errors).toEqual({
      target_value: 'programmeEdit.errors.target_value',
    });
    expect(problemEditInputId('target_value')).toBe('problem-target-value');
  });

  it('compares plain values exactly and lists of plain values as sets', () => {
    expect(changedFields({ a: 1, b: ['x', 'y'], c: null }, { a: 2, b: ['y', 'x'], c: null })).toEqual({ a: 2 });
    expect(changedFields({ b: ['x'] }, { b: ['x', 'x'] })).toEqual({ b: ['x', 'x'] });
  });
});

describe('adding evidence and setting the baseline', () => {
  const form = (p: Partial<EvidenceFormState>): EvidenceFormState => ({
    kind: 'note',
    note: '',
    ref: '',
    categories: ['klotter'],
    place_id: '',
    from: '',
    to: '',
    ...p,
  });

  it('builds each kind the API takes', () => {
    expect(validateEvidence(form({ note: ' Personalen ser klotter varje måndag. ' }), AREA, t).input).toEqual({
      kind: 'note',
      note: 'Personalen ser klotter varje måndag.',
    });
    expect(validateEvidence(form({ kind: 'document', ref: 'Dnr 2026/123', note: ' ' }), AREA, t).input).toEqual({
      kind: 'document',
      ref: 'Dnr 2026/123',
    });
    expect(validateEvidence(form({ kind: 'incident_filter', from: '2026-01-01' }), AREA, t).input).toEqual({
      kind: 'incident_filter',
      filter: { category: ['klotter'], area_id: AREA, from: '2026-01-01' },
    });
    // A place narrows the filter instead of the area.
    expect(validateEvidence(form({ kind: 'incident_filter', place_id: PLACE, categories: [] }), AREA, t).input).toEqual(
      { kind: 'incident_filter', filter: { place_id: PLACE } },
    );
  });

  it('names the field that is missing', () => {
    expect(validateEvidence(form({ note: '  ' }), AREA, t).errors).toEqual({
      note: 'programmeEdit.errors.evidence.note',
    });
    expect(validateEvidence(form({ kind: 'document' }), AREA, t).errors).toEqual({
      ref: 'programmeEdit.errors.evidence.ref',
    });
  });

  it('refuses a baseline period that ends before it starts', () => {
    expect(validateBaseline('2026-01-01', '2026-06-28').success).toBe(true);
    expect(validateBaseline('2026-06-28', '2026-01-01').success).toBe(false);
    expect(validateBaseline('', '2026-01-01').success).toBe(false);
  });
});

describe('editing a measure', () => {
  const measure: Measure = {
    id: '66666666-6666-4666-8666-666666666666',
    title: 'Högdalsmodellen',
    description: null,
    type: 'situational',
    status: 'ongoing',
    responsible_unit: { id: UNIT, name: 'SDN' },
    contributing_units: [],
    problems: [{ id: PROBLEM, title: 'Klotter', owner_unit_id: UNIT, area_id: AREA }],
    places: [],
    period_start: '2026-02-01',
    period_end: null,
    cost_estimate_sek: 250_000,
    target_groups: ['visitors'],
    components: [
      {
        id: COMPONENT,
        position: 1,
        title: 'Ny möblering',
        type: 'situational',
        status: 'ongoing',
        confidentiality: 'municipal',
      },
    ],
    followups: [],
    has_indicator: true,
    confidentiality: 'municipal',
    version: 1,
  };

  it('sends only the changed fields, the changed components and the new ones', () => {
    const original = measureEditState(measure);
    expect(validateMeasureEdit(original, original, t).input).toBeNull();
    const addOne = {
      ...original,
      components: [
        ...original.components,
        { title: 'Värd vid entrén', type: 'staffing' as const },
        { title: ' ', type: 'social' as const },
      ],
    };
    expect(validateMeasureEdit(original, addOne, t).input).toEqual({
      components: [{ title: 'Värd vid entrén', type: 'staffing' }],
    });
    const rename = {
      ...original,
      cost_estimate_sek: '300 000',
      components: [{ ...original.components[0]!, title: 'Möblering och siktlinjer' }],
    };
    expect(validateMeasureEdit(original, rename, t).input).toEqual({
      cost_estimate_sek: 300_000,
      components: [{ id: COMPONENT, title: 'Möblering och siktlinjer', type: 'situational' }],
    });
  });

  it('keeps the rule that a measure is aimed at a problem, and refuses an existing part left without a title', () => {
    const original = measureEditState(measure);
    const v = validateMeasureEdit(
      original,
      {
        ...original,
        problem_ids: [],
        components: [{ ...original.components[0]!, title: '' }],
        period_end: '2026-01-01',
      },
      t,
    );
    expect(v.errors).toEqual({
      problem_ids: 'programme.errors.measure.problem_ids',
      components: 'programme.errors.measure.components',
      period_end: 'programme.errors.measure.period_end',
    });
    expect(measureEditInputId('confidentiality')).toBe('measure-confidentiality');
  });
});
