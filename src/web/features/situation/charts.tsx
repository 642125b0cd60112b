import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { locale } from '../../i18n/index.js';
import type { SituationReport } from '../../../domain/situation.js';
import { type ChartText, categoryOption, heatmapOption, trendOption, yearWheelOption } from './chart-options.js';
import { EChart } from './EChart.js';

const BASE = [154, 52, 18] as const;
const channel = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);

/**
 * The cell's shade (the base colour at `share` × 0.85 over white) and a text colour that keeps 4.5:1 on it:
 * white on the dark shades, black on the light ones (below a luminance of 0.18 white wins, above it black).
 */
export function shade(share: number): { background: string; color: string } {
  const alpha = share * 0.85;
  const [r, g, b] = BASE.map((c) => 255 - alpha * (255 - c)) as [number, number, number];
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return {
    background: `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`,
    color: luminance < 0.18 ? '#ffffff' : '#000000',
  };
}

/** Hour × weekday as a real table: numbers in every cell, shading only as an extra. */
export function TimeGrid({ profile }: { profile: SituationReport['time_profile'] }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(1, ...profile.matrix.flat());
  // Weekday names in the page's language (the server sends English abbreviations); 2024-01-01 was a Monday.
  const dayName = new Intl.DateTimeFormat(locale(i18n.language), { weekday: 'short', timeZone: 'UTC' });
  const weekday = (d: number) => dayName.format(new Date(Date.UTC(2024, 0, 1 + d)));
  return (
    <div className="table-wrap" role="region" aria-labelledby="time-grid-caption" tabIndex={0}>
      <table className="data-table time-grid">
        <caption id="time-grid-caption">
          {t('situation.timeProfileCaption', { from: profile.from_week, to: profile.to_week })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('situation.weekday')}</th>
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col">
                <abbr title={`${t('situation.hour')} ${h}`}>{String(h).padStart(2, '0')}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {profile.matrix.map((row, d) => (
            <tr key={d}>
              <th scope="row">{weekday(d)}</th>
              {row.map((n, h) => {
                return (
                  <td key={h} style={shade(n / max)}>
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Words the charts use, in the page's language. */
function useChartText(): ChartText {
  const { t, i18n } = useTranslation();
  const dayName = new Intl.DateTimeFormat(locale(i18n.language), { weekday: 'short', timeZone: 'UTC' });
  return {
    count: t('situation.charts.count'),
    week: t('situation.week'),
    weekShort: (n) => t('situation.charts.weekShort', { n }),
    thisWeek: t('situation.charts.thisWeek'),
    previousWeek: t('situation.charts.previousWeek'),
    significant: t('situation.charts.significant'),
    annotation: t('situation.charts.annotation'),
    weekdays: Array.from({ length: 7 }, (_, d) => dayName.format(new Date(Date.UTC(2024, 0, 1 + d)))),
    hour: t('situation.hour'),
    peak: t('situation.charts.peak'),
  };
}

/** The 52-week trend as a bar chart with axes and the significance marker; the numbers in a table under it. */
export function TrendChart({ report }: { report: SituationReport }) {
  const { t } = useTranslation();
  const text = useChartText();
  const option = useMemo(() => trendOption(report, text), [report, text.count]);
  const trend = report.trend;
  if (trend.length === 0) return null;
  const max = Math.max(...trend.map((p) => p.count));
  return (
    <figure className="chart-figure">
      <EChart
        option={option}
        height={260}
        label={t('situation.trendLabel', { from: trend[0]!.week, to: trend[trend.length - 1]!.week, max })}
      />
      <figcaption className="hint">{t('situation.charts.trendNote')}</figcaption>
      <details className="chart-table">
        <summary>{t('situation.trendTable')}</summary>
        <div className="table-wrap" role="region" aria-labelledby="trend-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="trend-caption">{t('situation.trendTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.week')}</th>
                <th scope="col">{t('situation.colCount')}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.week}>
                  <th scope="row">{p.week}</th>
                  <td>{p.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** This week against last week per category; the category table beside it holds the numbers. */
export function CategoryChart({ report }: { report: SituationReport }) {
  const { t, i18n } = useTranslation();
  const text = useChartText();
  const english = i18n.language === 'en';
  const option = useMemo(() => categoryOption(report, text, english), [report, text.count, english]);
  const shown = report.categories.filter((c) => c.count > 0 || c.vs_previous_week.reference > 0).length;
  if (shown === 0) return null;
  return (
    <EChart
      option={option}
      height={Math.max(140, 40 + shown * 34)}
      label={t('situation.charts.categoriesLabel', { week: report.week })}
    />
  );
}

/** Hour × weekday as a heatmap; the table with every number follows it. */
export function TimeHeatmap({ report }: { report: SituationReport }) {
  const { t } = useTranslation();
  const text = useChartText();
  const option = useMemo(() => heatmapOption(report, text), [report, text.count]);
  return (
    <EChart
      option={option}
      height={280}
      label={t('situation.timeProfileCaption', {
        from: report.time_profile.from_week,
        to: report.time_profile.to_week,
      })}
    />
  );
}

/** The årshjul: counts per week number round the year, recurring peak weeks marked; the peaks as a list. */
export function YearWheel({ report }: { report: SituationReport }) {
  const { t, i18n } = useTranslation();
  const text = useChartText();
  const option = useMemo(() => yearWheelOption(report, text), [report, text.count]);
  const cal = report.calendar;
  const english = i18n.language === 'en';
  return (
    <div className="year-wheel">
      <EChart option={option} height={340} label={t('situation.charts.wheelLabel', { week: report.week })} />
      <div>
        <p className="hint">{t('situation.charts.wheelNote')}</p>
        <h3>{t('situation.charts.peaks')}</h3>
        {cal.peaks.length === 0 ? (
          <p className="empty">
            {cal.years_used.length
              ? t('situation.charts.noPeaks', { years: cal.years_used.join(', ') })
              : t('situation.charts.tooLittle')}
          </p>
        ) : (
          <ul>
            {cal.peaks.map((p) => (
              <li key={p.week_number}>
                {t('situation.charts.peakItem', { week: p.week_number, years: p.years_high })}
              </li>
            ))}
          </ul>
        )}
        {cal.known_periods.length > 0 && (
          <>
            <h3>{t('situation.charts.known')}</h3>
            <ul>
              {cal.known_periods.map((k) => (
                <li key={k.kind}>
                  {english ? k.label_en : k.label_sv}: {t('situation.charts.weeks', { weeks: k.weeks.join(', ') })}
                </li>
              ))}
            </ul>
          </>
        )}
        {cal.this_week.length > 0 && (
          <p>
            <strong>{t('situation.charts.thisWeekCalendar')}</strong> {cal.this_week.join('; ')}
          </p>
        )}
      </div>
    </div>
  );
}
