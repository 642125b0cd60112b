import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CityView } from '../../../domain/views.js';
import { endpoints } from '../../api/endpoints.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { allows } from './access.js';
import { ProgrammeNav } from './ProgrammeNav.js';
import { useCityView } from './use-reports.js';
import './reports.css';

type Row = CityView['districts'][number];
const NUMBERS = [
  'problems',
  'ongoing',
  'planned',
  'done',
  'requests_open',
  'requests_overdue',
  'followups_overdue',
  'quality_total',
] as const;
type Column = (typeof NUMBERS)[number];
const value = (r: Row, c: Column) => (c === 'ongoing' || c === 'planned' || c === 'done' ? r.measures[c] : r[c]);
const HEADINGS: Record<Column, string> = {
  problems: 'city.problems',
  ongoing: 'city.measuresOngoing',
  planned: 'city.measuresPlanned',
  done: 'city.measuresDone',
  requests_open: 'city.requestsOpen',
  requests_overdue: 'city.requestsOverdue',
  followups_overdue: 'city.followupsOverdue',
  quality_total: 'city.quality',
};

/** All districts side by side: the programme in figures per district, with a small summary card each. */
export function CityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('city.title'));
  const session = useSession();
  const allowed = allows(session.data, 'programme:read');
  const city = useCityView(allowed);
  // The district pages are keyed by area: the district area each unit owns.
  const areas = useQuery({
    queryKey: ['areas', 'district', 'json'],
    queryFn: () => endpoints.areas({ level: 'district' }),
    staleTime: 3_600_000,
    enabled: allowed,
  });
  const areaOf = useMemo(
    () => new Map((areas.data ?? []).flatMap((a) => (a.owner_unit_id ? [[a.owner_unit_id, a.id] as const] : []))),
    [areas.data],
  );
  const rows = useMemo(
    () => [...(city.data?.districts ?? [])].sort((a, b) => a.district.name.localeCompare(b.district.name, 'sv')),
    [city.data],
  );

  return (
    <div className="page report-page">
      {session.data && <ProgrammeNav />}
      <h1>{t('city.title')}</h1>
      <p className="lead">{t('city.intro')}</p>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('reports.noAccess')}</p>
      ) : (
        <QueryState isPending={city.isPending} error={city.error} onRetry={() => void city.refetch()}>
          <CityTable rows={rows} areaOf={areaOf} />
          <section className="section" aria-labelledby="city-summaries">
            <h2 id="city-summaries">{t('city.summaries')}</h2>
            <ul className="summary-cards">
              {rows.map((r) => (
                <li key={r.district.id}>
                  <DistrictCard
                    row={r}
                    areaId={areaOf.get(r.district.id)}
                    quality={allows(session.data, 'quality:read')}
                  />
                </li>
              ))}
            </ul>
          </section>
        </QueryState>
      )}
    </div>
  );
}

function CityTable({ rows, areaOf }: { rows: readonly Row[]; areaOf: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = (c: Column) => rows.reduce((s, r) => s + value(r, c), 0);
  return (
    <div className="table-wrap">
      <table className="data-table city-table">
        <caption>{t('city.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('city.district')}</th>
            {NUMBERS.map((c) => (
              <th key={c} scope="col" className="numeric">
                {t(HEADINGS[c])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const area = areaOf.get(r.district.id);
            return (
              <tr key={r.district.id}>
                <th scope="row">{area ? <Link to={`/districts/${area}`}>{r.district.name}</Link> : r.district.name}</th>
                {NUMBERS.map((c) => (
                  <td key={c} className="numeric">
                    {format.number(value(r, c))}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('city.total')}</th>
            {NUMBERS.map((c) => (
              <td key={c} className="numeric">
                <strong>{format.number(total(c))}</strong>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function DistrictCard({ row, areaId, quality }: { row: Row; areaId: string | undefined; quality: boolean }) {
  const { t } = useTranslation();
  const measures = Object.values(row.measures).reduce((s, n) => s + n, 0);
  const overdue = row.requests_overdue + row.followups_overdue;
  const unit = encodeURIComponent(row.district.id);
  return (
    <article className="summary-card" aria-labelledby={`card-${row.district.id}`}>
      <h3 id={`card-${row.district.id}`}>
        {areaId ? <Link to={`/districts/${areaId}`}>{row.district.name}</Link> : row.district.name}
      </h3>
      {row.problems + measures === 0 ? (
        <p className="empty">{t('city.noWork')}</p>
      ) : (
        <p>
          {t('city.problemCount', { count: row.problems })} · {t('city.measureCount', { count: measures })}
          {overdue > 0 && (
            <>
              {' '}
              · <span className="overdue">{t('city.overdue', { count: overdue })}</span>
            </>
          )}
        </p>
      )}
      <p className="card-links">
        {quality && (
          <Link to={`/quality?scope=district&unit=${unit}`}>{t('city.qualityLink', { count: row.quality_total })}</Link>
        )}
        {quality && <Link to={`/annual?scope=district&unit=${unit}`}>{t('city.annualLink')}</Link>}
        <Link to={`/agreements?district=${unit}`}>{t('city.agreementsLink')}</Link>
      </p>
    </article>
  );
}
