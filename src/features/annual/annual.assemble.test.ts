import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualHeadline } from '../../domain/annual.js';
import {
  MeasureStatusSchema,
  MeasureTypeSchema,
  FollowupAssessmentSchema,
  type Measure,
} from '../../domain/measures.js';
import { RequestStatusSchema, type ContributionRequest } from '../../domain/requests.js';
import { assembleAnnualReport } from './annual.assemble.js';

const YEAR = 2026;
const DAY = '2026-11-25';
const uuid = fc.uuid();
const ref = fc.record({ id: uuid, name: fc.constantFrom('Kultur', 'Södra', 'Trafik') });
const day = fc
  .integer({ min: 0, max: 1100 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const instant = fc
  .integer({ min: 0, max: 1100 * 24 })
  .map((h) => new Date(Date.UTC(2025, 0, 1) + h * 3_600_000).toISOString());
const problems = fc
  .array(
    fc.record({
      id: fc.constantFrom(...['a', 'b', 'c', 'd'].map((c) => `00000000-0000-4000-8000-00000000000${c}`)),
      title: fc.string({ maxLength: 5 }),
    }),
    { maxLength: 3 },
  )
  .map((ps) => [...new Map(ps.map((p) => [p.id, { ...p, owner_unit_id: ps[0]!.id, area_id: null }])).values()]);

const followup = fc.record({
  id: uuid,
  due_date: day,
  recorded_at: fc.option(instant, { nil: null }),
  what_was_done: fc.constant(null),
  assessment: fc.option(fc.constantFrom(...FollowupAssessmentSchema.options), { nil: null }),
  indicator: fc.option(
    fc.record({
      problem_id: uuid,
      from: day,
      to: day,
      value: fc.nat(50),
      baseline: fc.nat(50),
      direction: fc.constantFrom('lower' as const, 'higher' as const),
    }),
    { nil: null },
  ),
  overdue: fc.boolean(),
});

const measure: fc.Arbitrary<Measure> = fc
  .record({
    id: uuid,
    title: fc.string({ maxLength: 10 }),
    type: fc.constantFrom(...MeasureTypeSchema.options),
    status: fc.constantFrom(...MeasureStatusSchema.options),
    responsible_unit: ref,
    problems,
    period_start: fc.option(day, { nil: null }),
    period_end: fc.option(day, { nil: null }),
    followups: fc.array(followup, { maxLength: 4 }),
  })
  .map((m) => ({
    ...m,
    description: null,
    contributing_units: [],
    places: [],
    cost_estimate_sek: null,
    target_groups: [],
    components: [],
    has_indicator: true,
    confidentiality: 'municipal' as const,
    version: 1,
  }));

const request: fc.Arbitrary<ContributionRequest> = fc
  .record({
    id: uuid,
    from_unit: ref,
    to_unit: ref,
    due_date: day,
    status: fc.constantFrom(...RequestStatusSchema.options),
    answered_at: fc.option(instant, { nil: null }),
  })
  .map((r) => ({
    ...r,
    problem: { id: r.id, title: 'p' },
    place: null,
    what: 'w',
    answer: null,
    overdue: false,
    created_at: '2025-01-01T00:00:00Z',
    confidentiality: 'municipal' as const,
    version: 1,
  }));

const head = {
  scope: { kind: 'district' as const, unit: { id: '00000000-0000-4000-8000-000000000001', name: 'Södra' } },
  year: YEAR,
  generated_at: '2026-11-25T10:00:00Z',
};

describe('annual report headline', () => {
  it('equals the count or sum of the rows of the table it summarises, for any programme', () => {
    fc.assert(
      fc.property(fc.array(measure, { maxLength: 12 }), fc.array(request, { maxLength: 8 }), (ms, rs) => {
        const r = assembleAnnualReport(head, ms, rs, DAY, 'Europe/Stockholm');
        const rows = (status: string) => r.measures.filter((m) => m.status === status).length;
        const outcome = (o: string) => r.indicators.filter((i) => i.outcome === o).length;
        expect(Object.fromEntries(annualHeadline(r.totals))).toEqual({
          measures: r.measures.length,
          measures_done: rows('done'),
          problems: r.problems.length,
          followups_recorded: r.measures.reduce((s, m) => s + m.followups_recorded, 0),
          indicators_better: outcome('better'),
          indicators_worse: outcome('worse'),
          requests_answered: r.requests.length,
        });
        expect(r.totals.measures_by_status).toEqual({
          planned: rows('planned'),
          ongoing: rows('ongoing'),
          done: rows('done'),
          stopped: rows('stopped'),
        });
        expect(r.totals.indicators.better + r.totals.indicators.unchanged + r.totals.indicators.worse).toBe(
          r.indicators.length,
        );
        // A follow-up counted in the headline is one of the year's indicator rows when it has an indicator.
        expect(r.indicators.length).toBeLessThanOrEqual(r.totals.followups_recorded);
      }),
      { numRuns: 300 },
    );
  });

  it('never calls a rise an improvement when fewer is the aim', () => {
    fc.assert(
      fc.property(fc.array(measure, { maxLength: 12 }), (ms) => {
        for (const i of assembleAnnualReport(head, ms, [], DAY, 'Europe/Stockholm').indicators) {
          if (i.change !== 0) expect(i.outcome).toBe(i.change < 0 === (i.direction === 'lower') ? 'better' : 'worse');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says a 25 % rise of a lower-is-better indicator moved the wrong way, whatever was assessed', () => {
    const rising = {
      id: '00000000-0000-4000-8000-0000000000f1',
      due_date: '2026-03-31',
      recorded_at: '2026-03-31T10:00:00Z',
      what_was_done: null,
      assessment: 'improved' as const,
      indicator: {
        problem_id: head.scope.unit.id,
        from: '2026-03-01',
        to: '2026-03-31',
        baseline: 8,
        value: 10,
        direction: 'lower' as const,
      },
      overdue: false,
    };
    const m = fc.sample(measure, { numRuns: 1, seed: 1 })[0]!;
    const r = assembleAnnualReport(
      head,
      [{ ...m, status: 'ongoing', period_start: '2026-01-01', period_end: null, followups: [rising] }],
      [],
      DAY,
      'Europe/Stockholm',
    );
    expect(r.indicators).toEqual([
      expect.objectContaining({ change: 2, change_percent: 25, assessment: 'improved', outcome: 'worse' }),
    ]);
    expect(r.totals.indicators).toEqual({ better: 0, unchanged: 0, worse: 1 });
  });
});
