import { useEffect, useRef, useState } from 'react';
import type { SurveyPoint } from '../../../domain/surveys.js';
import { layoutChart, type PlottedPoint } from './survey-chart.js';

export interface ChartSeries {
  label: string;
  points: readonly SurveyPoint[];
  /** The area's own series is solid with dots; the survey's average dashed with squares. */
  variant: 'area' | 'reference';
}

const HEIGHT = 280;

/** The width the chart has on the page, followed as the window changes, so its text keeps its size on a phone. */
function useWidth() {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(260, Math.round(entry.contentRect.width)));
    });
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  return { box, width };
}

function Whiskers({ points }: { points: readonly PlottedPoint[] }) {
  return points.map((p) =>
    p.ci ? (
      <g key={`ci-${p.year}`} className="survey-ci">
        <line x1={p.x} x2={p.x} y1={p.ci.top} y2={p.ci.bottom} />
        <line x1={p.x - 5} x2={p.x + 5} y1={p.ci.top} y2={p.ci.top} />
        <line x1={p.x - 5} x2={p.x + 5} y1={p.ci.bottom} y2={p.ci.bottom} />
      </g>
    ) : null,
  );
}

/**
 * Shares over the years, one line per series, with 95 % intervals as whiskers where they exist. A picture
 * with a one-sentence summary (`label`); the figures are in the table beside it.
 */
export function SurveyChart({ series, label }: { series: readonly ChartSeries[]; label: string }) {
  const { box, width } = useWidth();
  const layout = layoutChart(
    series.map((s) => s.points),
    width,
    HEIGHT,
  );
  const { plot } = layout;
  return (
    <div className="survey-chart" role="img" aria-label={label} ref={box}>
      <svg width={width} height={HEIGHT} aria-hidden="true" focusable="false">
        {layout.yTicks.map((tick) => (
          <g key={tick.value} className="survey-grid">
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
            <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
              {`${tick.value} %`}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick) => (
          <text key={tick.year} className="survey-year" x={tick.x} y={plot.bottom + 18} textAnchor="middle">
            {tick.year}
          </text>
        ))}
        {series.map((s, i) => {
          const points = layout.series[i] ?? [];
          return (
            <g key={s.label} className={`survey-series survey-series-${s.variant}`}>
              <Whiskers points={points} />
              <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} />
              {points.map((p) =>
                s.variant === 'area' ? (
                  <circle key={p.year} cx={p.x} cy={p.y} r={4.5} />
                ) : (
                  <rect key={p.year} x={p.x - 4} y={p.y - 4} width={8} height={8} />
                ),
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
