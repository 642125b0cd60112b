import { describe, expect, it } from 'vitest';
import type { Measure } from '../../domain/measures.js';
import { ranInPeriod } from './figures.assemble.js';

const T2 = { from: '2026-05-01', to: '2026-08-31', day: '2026-08-31', timeZone: 'Europe/Stockholm' };
const followup = (recorded_at: string | null) => ({
  id: '00000000-0000-4000-8000-000000000001',
  due_date: '2026-06-30',
  recorded_at,
  what_was_done: null,
  assessment: null,
  indicator: null,
  overdue: false,
});
const m = (over: Partial<Pick<Measure, 'status' | 'period_start' | 'period_end' | 'followups'>>) => ({
  status: 'ongoing' as const,
  period_start: '2026-03-01',
  period_end: null,
  followups: [],
  ...over,
});

describe('which measures ran in a period', () => {
  it('takes a started measure whose period touches the tertial, not a planned one or one that ended before', () => {
    expect([
      ranInPeriod(m({}), T2),
      ranInPeriod(m({ status: 'planned' }), T2),
      ranInPeriod(m({ status: 'done', period_end: '2026-04-30' }), T2),
      ranInPeriod(m({ status: 'done', period_end: '2026-05-01' }), T2),
      ranInPeriod(m({ period_start: '2026-09-01' }), T2),
    ]).toEqual([true, false, false, true, false]);
  });

  it('takes a measure followed up in the tertial by the local day, and never credits an undated one to the past', () => {
    // 30 April 2026 22:30 UTC is 1 May 00:30 in Stockholm (CEST): the follow-up belongs to tertial 2.
    const planned = m({ status: 'planned', followups: [followup('2026-04-30T22:30:00Z')] });
    expect(ranInPeriod(planned, T2)).toBe(true);
    expect(ranInPeriod(m({ status: 'planned', followups: [followup('2026-04-30T21:30:00Z')] }), T2)).toBe(false);
    const undated = m({ period_start: null });
    expect(ranInPeriod(undated, { ...T2, day: '2026-12-07' })).toBe(false);
    expect(ranInPeriod(undated, { ...T2, day: '2026-07-01' })).toBe(true);
  });
});
