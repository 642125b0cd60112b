import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../domain/calendar/index.js';
import type { Evaluation } from '../../../domain/evaluations.js';
import type { Measure } from '../../../domain/measures.js';
import {
  evaluationErrors,
  evaluationInputId,
  evaluationState,
  implementationGap,
  newEvaluationState,
  suggestedPeriods,
  toDesignCandidate,
  validateEvaluation,
} from './evaluation-form.js';

const t = ((key: string) => key) as unknown as TFunction;
const TREATED = '33333333-3333-4333-8333-333333333333';
const COMPARED = '66666666-6666-4666-8666-666666666666';
const AREA = '22222222-2222-4222-8222-222222222222';
const TODAY = '2026-12-07';
const length = (p: { from: string; to: string }) => daysBetween(p.from, p.to);

const measure = {
  title: 'Högdalsmodellen',
  places: [{ id: TREATED, name: 'Högdalens bibliotek', type: 'library', lon: 18, lat: 59 }],
  period_start: '2026-01-01',
  period_end: '2026-03-31',
} as Measure;

describe('suggestedPeriods', () => {
  it('ends the after period today for a measure finished long enough ago, with an equal before period', () => {
    const p = suggestedPeriods(measure, TODAY);
    expect(p.after).toEqual({ from: '2026-04-01', to: TODAY });
    expect(p.before.to).toBe('2025-12-31');
    expect(length(p.before)).toBe(length(p.after));
  });

  it('plans a year ahead for a measure still going on or just finished, leaving the implementation out', () => {
    const ongoing = suggestedPeriods({ period_start: '2026-06-20', period_end: '2027-06-20' }, TODAY);
    expect(ongoing.after).toEqual({ from: '2027-06-21', to: '2028-06-19' });
    expect(ongoing.before).toEqual({ from: '2025-06-20', to: '2026-06-19' });
    const justDone = suggestedPeriods({ period_start: '2026-10-01', period_end: '2026-11-30' }, TODAY);
    expect(justDone.after.from).toBe('2026-12-01');
    expect(length(justDone.after)).toBe(364);
  });

  it('takes a measure without dates to happen today, and one with only a start to last a day', () => {
    expect(suggestedPeriods({ period_start: null, period_end: null }, TODAY).before.to).toBe('2026-12-06');
    const startOnly = suggestedPeriods({ period_start: '2025-01-10', period_end: null }, TODAY);
    expect(startOnly.before.to).toBe('2025-01-09');
    expect(startOnly.after.from).toBe('2025-01-11');
  });
});

describe('the evaluation form', () => {
  it("starts from the measure's places, default periods and a 250 m ring, and is refused until a comparison and an outcome are chosen", () => {
    const s = newEvaluationState(measure, TODAY);
    expect(s.treatment).toEqual([TREATED]);
    expect(s.bufferMetres).toBe(250);
    const refused = validateEvaluation(s, t);
    expect(refused.errors).toEqual({
      categories: 'evaluationForm.errors.fields.categories',
      comparison: 'evaluationForm.errors.no_comparison',
    });
    const noComparison = validateEvaluation({ ...s, categories: ['hot'] }, t);
    expect(noComparison.errors).toEqual({ comparison: 'evaluationForm.errors.no_comparison' });
    const ok = validateEvaluation({ ...s, categories: ['hot'], comparison: [COMPARED] }, t);
    expect(ok.design).toMatchObject({
      status: 'draft',
      treatment: { place_ids: [TREATED], area_ids: [] },
      comparison: { place_ids: [COMPARED], area_ids: [] },
      buffer: { metres: 250, area_ids: [] },
      categories: ['hot'],
    });
  });

  it('puts period and title problems at their fields, with the design rules in their own words', () => {
    const s = { ...newEvaluationState(measure, TODAY), categories: ['hot'], comparison: [TREATED] };
    const v = validateEvaluation(
      { ...s, title: ' ', after: { from: '2025-06-01', to: '2025-05-01' }, before: { from: '', to: '2025-01-01' } },
      t,
    );
    expect(v.errors).toEqual({
      title: 'evaluationForm.errors.fields.title',
      before: 'evaluationForm.errors.fields.before',
      after: 'evaluationForm.errors.period_reversed',
      comparison: 'evaluationForm.errors.comparison_is_treatment',
    });
    const rules = validateEvaluation({ ...s, after: { from: '2025-06-01', to: '2025-05-01' } }, t);
    expect(rules.errors).toEqual({
      after: 'evaluationForm.errors.period_reversed',
      comparison: 'evaluationForm.errors.comparison_is_treatment',
    });
    expect(evaluationInputId('before')).toBe('evaluation-before-from');
  });

  it("shows the API's refusals at the fields, an unknown place at the treatment places", () => {
    expect(
      evaluationErrors(
        [
          { field: 'place_ids', code: 'unknown_place' },
          { field: 'categories', code: 'unknown_category' },
        ],
        t,
      ),
    ).toEqual({
      treatment: 'evaluationForm.errors.unknown_place',
      categories: 'evaluationForm.errors.unknown_category',
    });
  });

  it('sends an existing design back whole, areas, status and conclusion it does not show included', () => {
    const e = {
      title: 'Högdalen 2017–2020',
      status: 'draft',
      treatment: { places: [{ id: TREATED, name: 'H' }], areas: [] },
      comparison: { places: [{ id: COMPARED, name: 'F' }], areas: [{ id: AREA, name: 'Farsta' }] },
      buffer: { metres: null, areas: [] },
      before: { from: '2017-01-01', to: '2018-06-30' },
      after: { from: '2019-01-01', to: '2020-06-30' },
      categories: [{ code: 'hot', label_sv: 'Hot', label_en: 'Threat' }],
      conclusion: 'Minskade.',
    } as unknown as Evaluation;
    expect(toDesignCandidate(evaluationState(e))).toEqual({
      title: 'Högdalen 2017–2020',
      status: 'draft',
      treatment: { place_ids: [TREATED], area_ids: [] },
      comparison: { place_ids: [COMPARED], area_ids: [AREA] },
      buffer: { metres: null, area_ids: [] },
      before: e.before,
      after: e.after,
      categories: ['hot'],
      conclusion: 'Minskade.',
    });
    expect(implementationGap(e)).toEqual({ from: '2018-07-01', to: '2018-12-31' });
    expect(implementationGap({ before: e.before, after: { from: '2018-07-01', to: '2019-01-01' } })).toBeNull();
  });
});
