import { useTranslation } from 'react-i18next';
import { locale } from '../../i18n/index.js';
import type { SituationReport } from '../../../domain/situation.js';

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
        <caption id="time-grid-caption">{t('situation.timeProfileCaption', { from: profile.from_week, to: profile.to_week })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('situation.weekday')}</th>
            {Array.from({ length: 24 }, (_, h) => <th key={h} scope="col"><abbr title={`${t('situation.hour')} ${h}`}>{String(h).padStart(2, '0')}</abbr></th>)}
          </tr>
        </thead>
        <tbody>
          {profile.matrix.map((row, d) => (
            <tr key={d}>
              <th scope="row">{weekday(d)}</th>
              {row.map((n, h) => {
                const share = n / max;
                return (
                  <td key={h} style={{ background: `rgba(194, 65, 12, ${(share * 0.85).toFixed(2)})`, color: share > 0.5 ? '#ffffff' : '#1a1a1a' }}>{n}</td>
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
      <svg viewBox={`0 0 ${w} ${hgt}`} role="img" aria-label={t('situation.trendLabel', { from: first, to: last, max })}>
        <line x1={pad} y1={hgt - pad} x2={w - pad} y2={hgt - pad} stroke="#58708a" />
        <line x1={pad} y1={pad} x2={pad} y2={hgt - pad} stroke="#58708a" />
        <text x={pad - 4} y={pad + 4} textAnchor="end" fontSize="11" fill="#333">{max}</text>
        <text x={pad - 4} y={hgt - pad} textAnchor="end" fontSize="11" fill="#333">0</text>
        <text x={pad} y={hgt - 8} fontSize="11" fill="#333">{first}</text>
        <text x={w - pad} y={hgt - 8} textAnchor="end" fontSize="11" fill="#333">{last}</text>
        <path d={path} fill="none" stroke="#1f3a5f" strokeWidth="2" />
        {current >= 0 && <circle cx={x(current)} cy={y(trend[current]!.count)} r="4" fill="#c2410c" />}
      </svg>
      <table className="visually-hidden">
        <caption>{t('situation.trendTable')}</caption>
        <thead><tr><th scope="col">{t('situation.week')}</th><th scope="col">{t('situation.colCount')}</th></tr></thead>
        <tbody>{trend.map((p) => <tr key={p.week}><th scope="row">{p.week}</th><td>{p.count}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
