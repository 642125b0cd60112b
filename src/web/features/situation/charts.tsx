import { useTranslation } from 'react-i18next';
import { locale } from '../../i18n/index.js';
import type { SituationReport } from '../../../domain/situation.js';

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

/** 52 weeks as an SVG line; the same numbers in a visually hidden table. */
export function TrendChart({ trend, week }: { trend: SituationReport['trend']; week: string }) {
  const { t } = useTranslation();
  if (trend.length === 0) return null;
  const w = 640;
  const hgt = 160;
  const pad = 28;
  const max = Math.max(1, ...trend.map((p) => p.count));
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, trend.length - 1);
  const y = (n: number) => hgt - pad - (n * (hgt - 2 * pad)) / max;
  const path = trend.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.count).toFixed(1)}`).join(' ');
  const current = trend.findIndex((p) => p.week === week);
  const first = trend[0]!.week;
  const last = trend[trend.length - 1]!.week;
  return (
    <figure className="trend-chart">
      <svg
        viewBox={`0 0 ${w} ${hgt}`}
        role="img"
        aria-label={t('situation.trendLabel', { from: first, to: last, max })}
      >
        <line x1={pad} y1={hgt - pad} x2={w - pad} y2={hgt - pad} stroke="#58708a" />
        <line x1={pad} y1={pad} x2={pad} y2={hgt - pad} stroke="#58708a" />
        <text x={pad - 4} y={pad + 4} textAnchor="end" fontSize="11" fill="#333">
          {max}
        </text>
        <text x={pad - 4} y={hgt - pad} textAnchor="end" fontSize="11" fill="#333">
          0
        </text>
        <text x={pad} y={hgt - 8} fontSize="11" fill="#333">
          {first}
        </text>
        <text x={w - pad} y={hgt - 8} textAnchor="end" fontSize="11" fill="#333">
          {last}
        </text>
        <path d={path} fill="none" stroke="#1f3a5f" strokeWidth="2" />
        {current >= 0 && <circle cx={x(current)} cy={y(trend[current]!.count)} r="4" fill="#c2410c" />}
      </svg>
      <table className="visually-hidden">
        <caption>{t('situation.trendTable')}</caption>
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
    </figure>
  );
}
