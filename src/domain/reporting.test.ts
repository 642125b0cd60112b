import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coordinationState,
  type FigureIndicator,
  type FigureMeasure,
  type FigureRequest,
  followupTotals,
  periodDays,
  periodName,
  sumTotals,
  targetMet,
} from './reporting.js';

const ZONE = 'Europe/Stockholm';

describe('reporting periods', () => {
  it('splits the year into the municipal tertials January–April, May–August and September–December', () => {
    // Known answer: Stockholms stad's tertialrapporter cover T1 to 30 April and T2 to 31 August.
    expect([1, 2, 3, null].map((t) => periodDays(2026, t))).toEqual([
      { from: '2026-01-01', to: '2026-04-30' },
      { from: '2026-05-01', to: '2026-08-31' },
      { from: '2026-09-01', to: '2026-12-31' },
      { from: '2026-01-01', to: '2026-12-31' },
    ]);
    expect([periodName({ year: 2026, tertial: 2 }), periodName({ year: 2026, tertial: null })]).toEqual([
      'Tertial 2 2026',
      'Helår 2026',
    ]);
  });

  it('counts the deadline to the end of its local day, across the autumn DST change', () => {
    // 25 October 2026 has 25 hours in Stockholm (CEST→CET at 03:00): the day ends at 23:00 UTC, not 22:00.
    const deadline = '2026-10-25';
    const submitted = (at: string) => ({ status: 'submitted' as const, submitted_at: new Date(at) });
    expect(coordinationState(submitted('2026-10-25T22:30:00Z'), deadline, ZONE, new Date('2026-11-01T00:00:00Z'))).toBe(
      'submitted',
    );
    expect(coordinationState(submitted('2026-10-25T23:00:00Z'), deadline, ZONE, new Date('2026-11-01T00:00:00Z'))).toBe(
      'submitted_late',
    );
    const draft = { status: 'draft' as const, submitted_at: null };
    expect(coordinationState(draft, deadline, ZONE, new Date('2026-10-25T22:59:00Z'))).toBe('draft');
    expect(coordinationState(null, deadline, ZONE, new Date('2026-10-25T22:59:00Z'))).toBe('not_started');
    expect(coordinationState(draft, deadline, ZONE, new Date('2026-10-25T23:00:00Z'))).toBe('overdue');
    expect(coordinationState(null, deadline, ZONE, new Date('2026-10-25T23:00:00Z'))).toBe('overdue');
  });

  it('judges a target by the direction that is better', () => {
    expect([
      targetMet(4, 5, 'lower'),
      targetMet(6, 5, 'lower'),
      targetMet(6, 5, 'higher'),
      targetMet(6, null, 'higher'),
    ]).toEqual([true, false, true, null]);
  });
});

const id = fc.uuid();
const measure: fc.Arbitrary<FigureMeasure> = fc.record({
  id,
  title: fc.string(),
  type: fc.constantFrom('situational', 'social', 'staffing', 'information'),
  status: fc.constantFrom('planned', 'ongoing', 'done', 'stopped'),
  problem_ids: fc.array(id, { maxLength: 2 }),
  followups_due: fc.nat(5),
  followups_recorded: fc.nat(5),
  followups_overdue: fc.nat(5),
}) as fc.Arbitrary<FigureMeasure>;
const period = fc.record({ from: fc.constant('2026-01-01'), to: fc.constant('2026-01-31'), value: fc.nat(50) });
const indicator: fc.Arbitrary<FigureIndicator> = fc.record({
  problem_id: id,
  title: fc.string(),
  where: fc.string(),
  baseline: period,
  current: period,
  target_value: fc.option(fc.nat(50), { nil: null }),
  direction: fc.constantFrom('lower', 'higher'),
  outcome: fc.constantFrom('better', 'unchanged', 'worse'),
  target_met: fc.option(fc.boolean(), { nil: null }),
});
const request: fc.Arbitrary<FigureRequest> = fc.record({
  id,
  role: fc.constantFrom('made', 'received'),
  counterpart: fc.record({ id, name: fc.string() }),
  problem_id: id,
  status: fc.constantFrom('requested', 'accepted', 'declined', 'delivered'),
  due_date: fc.constant('2026-02-01'),
  answered_on: fc.option(fc.constant('2026-01-15'), { nil: null }),
});
const tables = fc.record({
  measures: fc.array(measure, { maxLength: 6 }),
  indicators: fc.array(indicator, { maxLength: 4 }),
  requests: fc.array(request, { maxLength: 4 }),
});

describe("the compiled report's totals", () => {
  it("are the sum of the units' totals: counting all units' rows at once gives the same figures", () => {
    fc.assert(
      fc.property(fc.array(tables, { maxLength: 5 }), (units) => {
        const all = {
          measures: units.flatMap((u) => u.measures),
          indicators: units.flatMap((u) => u.indicators),
          requests: units.flatMap((u) => u.requests),
        };
        expect(sumTotals(units.map(followupTotals))).toEqual(followupTotals(all));
      }),
    );
  });

  it('count a known set of rows', () => {
    const m = (status: FigureMeasure['status'], recorded: number): FigureMeasure => ({
      id: crypto.randomUUID(),
      title: 't',
      type: 'situational',
      status,
      problem_ids: [],
      followups_due: 1,
      followups_recorded: recorded,
      followups_overdue: 1 - recorded,
    });
    const totals = followupTotals({
      measures: [m('ongoing', 1), m('done', 0), m('ongoing', 1)],
      indicators: [],
      requests: [],
    });
    expect(totals).toMatchObject({
      measures: 3,
      measures_by_status: { planned: 0, ongoing: 2, done: 1, stopped: 0 },
      followups_due: 3,
      followups_recorded: 2,
      followups_overdue: 1,
    });
  });
});
