import { describe, expect, it } from 'vitest';
import { addWeeks } from '../../../domain/calendar/index.js';
import type { SituationReport } from '../../../domain/situation.js';
import { type ChartText, trendOption, yearWheelOption } from './chart-options.js';

const text: ChartText = {
  count: 'Antal',
  week: 'Vecka',
  weekShort: (n) => `v${n}`,
  thisWeek: 'Veckan',
  previousWeek: 'Förra veckan',
  significant: 'Signifikant',
  annotation: 'Anteckning',
  weekdays: ['Mån', 'Tis', 'Ons', 'Tor', 'Fre', 'Lör', 'Sön'],
  hour: 'Timme',
  peak: 'Topp',
};

const change = (significant: boolean) => ({
  reference: 3,
  p_exact: significant ? 0.01 : 0.5,
  p_mid: null,
  direction: 'up' as const,
  significant,
  rate_ratio: null,
});

/** The parts of a report the charts read; the rest is never touched. */
function report(significant: boolean, peaks: number[] = []): SituationReport {
  const week = '2026-W47';
  const trend = Array.from({ length: 52 }, (_, i) => ({ week: addWeeks(week, i - 51), count: i % 7, points: 0 }));
  return {
    week,
    trend,
    totals: { count: 5, vs_previous_week: change(significant), vs_last_year: change(false) },
    annotations: [
      {
        id: 'a',
        date: '2026-10-01',
        week: '2026-W40',
        kind: 'campaign',
        text: 'Ny app',
        area_id: null,
        created_by: 'x',
      },
    ],
    calendar: {
      years_used: [2024, 2025],
      rule: '',
      peaks: peaks.map((w) => ({ week_number: w, years_high: 2, mean_ratio: 1.5 })),
      known_periods: [],
      this_week: [],
    },
  } as unknown as SituationReport;
}

type Bar = {
  data: Array<{ value: number; itemStyle: { color: string } }>;
  markPoint?: { data: Array<{ coord: [string, number] }> };
  markLine: { data: Array<{ xAxis: string }> };
};

describe('trend chart', () => {
  it('marks the report week with a star only when its change is more than chance', () => {
    const sig = (trendOption(report(true), text).series as Bar[])[0]!;
    expect(sig.markPoint?.data).toEqual([{ name: 'Signifikant', coord: ['2026-W47', 5] }]);
    expect((trendOption(report(false), text).series as Bar[])[0]!.markPoint).toBeUndefined();
  });

  it('has a week axis and a count axis, the report week in the accent colour and annotations as lines', () => {
    const option = trendOption(report(false), text);
    expect(option.xAxis).toMatchObject({ type: 'category', name: 'Vecka' });
    expect((option.xAxis as { data: string[] }).data).toHaveLength(52);
    expect(option.yAxis).toMatchObject({ type: 'value', name: 'Antal' });
    const bars = (option.series as Bar[])[0]!;
    expect(bars.data.filter((d) => d.itemStyle.color === '#c2410c')).toHaveLength(1);
    expect(bars.markLine.data).toEqual([{ xAxis: '2026-W40', name: 'Ny app' }]);
  });
});

describe('year wheel', () => {
  it('places the weeks by week number round the year and colours the recurring peaks', () => {
    const option = yearWheelOption(report(false, [30, 51]), text);
    const bars = (option.series as Bar[])[0]!.data;
    expect(bars).toHaveLength(52);
    // Week 47 (the report week) is the last of the trend: i = 51 → count 51 % 7 = 2.
    expect(bars[46]!.value).toBe(2);
    expect([bars[29]!.itemStyle.color, bars[50]!.itemStyle.color]).toEqual(['#c2410c', '#c2410c']);
    expect(bars.filter((b) => b.itemStyle.color === '#c2410c')).toHaveLength(2);
  });
});
