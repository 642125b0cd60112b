import { describe, expect, it } from 'vitest';
import { assessedRow, inExportOrder, type IndicatorLine, outcomeEnd } from './management-rows.js';

// Known answers counted on a calendar: a baseline of 2025-01-01 – 2025-06-30 is 181 days long.
describe('outcomeEnd', () => {
  const baseline = { from: '2025-01-01', to: '2025-06-30' };
  it("ends on the year's last day, or today while the year runs", () => {
    expect(outcomeEnd(2025, baseline, '2026-03-01')).toBe('2025-12-31');
    expect(outcomeEnd(2026, baseline, '2026-12-07')).toBe('2026-12-07');
  });
  it('has none for a year that has not begun', () => {
    expect(outcomeEnd(2027, baseline, '2026-12-07')).toBeNull();
  });
  it('has none when the period would overlap the baseline', () => {
    // 181 days ending 2025-12-28 start 2025-07-01, the day after the baseline; ending 2025-12-27 they overlap it.
    expect(outcomeEnd(2025, baseline, '2025-12-28')).toBe('2025-12-28');
    expect(outcomeEnd(2025, baseline, '2025-12-27')).toBeNull();
    expect(outcomeEnd(2024, baseline, '2026-12-07')).toBeNull();
  });
});

describe('rows', () => {
  const line = (goal_number: string, committee: string, indicator: string): IndicatorLine => ({
    section_key: `s${goal_number}`,
    problem_id: indicator,
    goal_number,
    goal: 'Mål',
    committee,
    indicator,
    where: 'Torget',
    direction: 'lower',
    baseline: { from: '2025-01-01', to: '2025-06-30', value: 10 },
    target: 5,
  });

  it('keys a row by its goal section and problem, and assesses it', () => {
    const row = assessedRow(line('2.1', 'Kulturnämnden', 'p1'), { from: '2025-07-01', to: '2025-12-28', value: 7 });
    expect([row.key, row.assessment, row.reason]).toEqual(['s2.1/p1', 'partly_met', 'improved']);
    expect(assessedRow(line('2.1', 'K', 'p1'), null).reason).toBe('no_outcome');
  });

  it('orders goal → committee → indicator, goals as in the document and names as Swedish sorts them', () => {
    const rows = [
      line('2.10', 'Östermalm', 'a'),
      line('2.2', 'Östermalm', 'b'),
      line('2.2', 'Älvsjö', 'c'),
      line('2.2', 'Zeta', 'd'),
      line('1', 'Zeta', 'e'),
    ].map((l) => assessedRow(l, null));
    expect(inExportOrder(rows, ['1', '2.2', '2.10']).map((r) => `${r.goal_number} ${r.committee}`)).toEqual([
      '1 Zeta',
      '2.2 Zeta',
      '2.2 Älvsjö',
      '2.2 Östermalm',
      '2.10 Östermalm',
    ]);
  });
});
