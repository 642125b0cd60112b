import type { SituationReport } from '../../../domain/situation.js';

/** What the charts need to say in the page's language. */
export interface ChartText {
  count: string;
  week: string;
  weekShort: (n: number) => string;
  thisWeek: string;
  previousWeek: string;
  significant: string;
  annotation: string;
  weekdays: readonly string[];
  hour: string;
  peak: string;
}

/** Option objects for ECharts, kept free of ECharts' types so they stay plain and testable. */
export type ChartOption = Record<string, unknown>;

const INK = '#1f3a5f';
const ACCENT = '#c2410c';
const MUTED = '#58708a';
const weekNumber = (week: string) => Number(week.slice(6));

/**
 * The 52-week trend: a bar per week with axes, the report week in the accent colour and, when its change
 * against last week is more than chance, a star above it; timeline annotations as dashed lines.
 */
export function trendOption(r: SituationReport, text: ChartText): ChartOption {
  const significant = r.totals.vs_previous_week.significant || r.totals.vs_last_year.significant;
  const inTrend = new Set(r.trend.map((p) => p.week));
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    xAxis: {
      type: 'category',
      name: text.week,
      nameLocation: 'middle',
      nameGap: 26,
      data: r.trend.map((p) => p.week),
      axisLabel: { formatter: (w: string) => text.weekShort(weekNumber(w)), color: '#333' },
    },
    yAxis: { type: 'value', name: text.count, minInterval: 1, axisLabel: { color: '#333' } },
    series: [
      {
        type: 'bar',
        name: text.count,
        data: r.trend.map((p) => ({
          value: p.count,
          itemStyle: { color: p.week === r.week ? ACCENT : INK },
        })),
        markPoint: significant
          ? {
              symbol: 'pin',
              symbolSize: 38,
              itemStyle: { color: ACCENT },
              label: { formatter: '*', fontSize: 16, color: '#fff' },
              data: [{ name: text.significant, coord: [r.week, r.totals.count] }],
            }
          : undefined,
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#6b21a8' },
          label: { show: false },
          data: r.annotations.filter((a) => inTrend.has(a.week)).map((a) => ({ xAxis: a.week, name: a.text })),
        },
      },
    ],
  };
}

/** This week's and last week's count per category, as horizontal bars; a star marks a significant change. */
export function categoryOption(r: SituationReport, text: ChartText, english: boolean): ChartOption {
  const rows = r.categories.filter((c) => c.count > 0 || c.vs_previous_week.reference > 0).reverse();
  const label = (c: SituationReport['categories'][number]) =>
    `${english ? c.label_en : c.label_sv}${c.vs_previous_week.significant ? ' *' : ''}`;
  return {
    animation: false,
    legend: { data: [text.thisWeek, text.previousWeek], top: 0 },
    grid: { left: 8, right: 24, top: 28, bottom: 24, containLabel: true },
    xAxis: { type: 'value', name: text.count, minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(label), axisLabel: { color: '#333' } },
    series: [
      { type: 'bar', name: text.previousWeek, data: rows.map((c) => c.vs_previous_week.reference), color: '#9fb3c8' },
      { type: 'bar', name: text.thisWeek, data: rows.map((c) => c.count), color: INK },
    ],
  };
}

/** Hour × weekday as a heatmap, Monday on top. */
export function heatmapOption(r: SituationReport, text: ChartText): ChartOption {
  const data = r.time_profile.matrix.flatMap((row, d) => row.map((n, h) => [h, d, n]));
  const max = Math.max(1, ...r.time_profile.matrix.flat());
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 8, bottom: 64 },
    xAxis: {
      type: 'category',
      name: text.hour,
      nameLocation: 'middle',
      nameGap: 24,
      data: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
    },
    yAxis: { type: 'category', data: [...text.weekdays], inverse: true },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#ffffff', '#9a3412'] },
    },
    series: [{ type: 'heatmap', data, label: { show: false } }],
  };
}

/**
 * The årshjul: the year as a wheel of week numbers, each week's count (the last 52 weeks placed by their
 * week number) as a bar out from the centre; weeks that were high in earlier years too in the accent colour,
 * so a seasonal peak stands out where it recurs.
 */
export function yearWheelOption(r: SituationReport, text: ChartText): ChartOption {
  const byNumber = new Map(r.trend.map((p) => [weekNumber(p.week), p.count]));
  const peaks = new Set(r.calendar.peaks.map((p) => p.week_number));
  const weeks = Array.from({ length: 52 }, (_, i) => i + 1);
  return {
    animation: false,
    polar: { radius: ['12%', '80%'] },
    angleAxis: {
      type: 'category',
      data: weeks.map(String),
      startAngle: 90,
      axisLabel: { interval: 3, color: '#333' },
    },
    radiusAxis: { type: 'value', minInterval: 1, axisLabel: { show: false } },
    series: [
      {
        type: 'bar',
        coordinateSystem: 'polar',
        name: text.count,
        data: weeks.map((w) => ({
          value: byNumber.get(w) ?? 0,
          itemStyle: { color: peaks.has(w) ? ACCENT : weekNumber(r.week) === w ? INK : MUTED },
        })),
      },
    ],
  };
}
