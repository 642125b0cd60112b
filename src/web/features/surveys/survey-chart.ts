import type { SurveyPoint } from '../../../domain/surveys.js';

/** A point as drawn: year, share and interval (percent), in pixels. */
export interface PlottedPoint {
  year: number;
  x: number;
  y: number;
  ci: { top: number; bottom: number } | null;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: Array<{ value: number; y: number }>;
  xTicks: Array<{ year: number; x: number }>;
  series: PlottedPoint[][];
}

const MARGIN = { left: 44, right: 16, top: 12, bottom: 28 };

/**
 * The upper end of the share axis: a round step above the highest share or interval, so the line never
 * touches the top, and at least 10 %.
 * @example axisTop([21, 11, 26]) // 30
 */
export function axisTop(values: readonly number[]): number {
  const high = Math.max(0, ...values);
  const step = high > 60 ? 20 : high > 30 ? 10 : 5;
  return Math.min(100, Math.max(10, Math.ceil((high * 1.05) / step) * step));
}

/** Where each year and share of the series goes in a chart of `width` × `height` pixels. */
export function layoutChart(series: ReadonlyArray<readonly SurveyPoint[]>, width: number, height: number): ChartLayout {
  const drawn = series.map((s) => s.filter((p) => p.share !== null));
  const all = drawn.flat();
  const years = [...new Set(all.map((p) => p.year))].sort((a, b) => a - b);
  const values = all.flatMap((p) => [p.share ?? 0, p.ci?.high ?? 0]);
  const top = axisTop(values);
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? 0;
  // Half a year of room at each end, so the first and last points are not on the axes.
  const span = last - first + 1;
  const x = (year: number) => plot.left + ((year - first + 0.5) / span) * (plot.right - plot.left);
  const y = (share: number) => plot.bottom - (share / top) * (plot.bottom - plot.top);
  const step = top > 60 ? 20 : top > 30 ? 10 : 5;
  const yTicks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => ({ value: i * step, y: y(i * step) }));
  return {
    width,
    height,
    plot,
    yTicks,
    xTicks: years.map((year) => ({ year, x: x(year) })),
    series: drawn.map((s) =>
      s.map((p) => ({
        year: p.year,
        x: x(p.year),
        y: y(p.share ?? 0),
        ci: p.ci ? { top: y(p.ci.high), bottom: y(p.ci.low) } : null,
      })),
    ),
  };
}
