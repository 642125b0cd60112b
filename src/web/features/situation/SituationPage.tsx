import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import type { SituationReport } from '../../../domain/situation.js';
import { situationEndpoints } from '../../api/situation-endpoints.js';
import { useTimeZone, useToday } from '../../components/time-zone.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { useArea, useNeighbourhoodsGeojson, dayWithin } from '../areas/use-areas.js';
import { CategoryChart, TimeGrid, TimeHeatmap, TrendChart, YearWheel } from './charts.js';
import { HotspotTable, TopPlaceProblemLink } from './HotspotProblems.js';
import { addWeeks, isIsoWeek, isoWeekDay, lastCompleteWeek } from '../../../domain/calendar/index.js';
import { ChangeCell } from './Rating.js';
import { type SituationLayer, SituationMap } from './SituationMap.js';
import { filtersFromParams, ReportFilters, type ReportFilterValue } from './ReportFilters.js';
import {
  canReadSituation,
  canWriteCitySituation,
  canWriteSituation,
  useFreeze,
  useSituationReport,
} from './use-situation.js';
import './situation.css';
import { MapLegend } from './MapLegend.js';
import { NeighbourhoodTable } from './NeighbourhoodTable.js';
import { useOwnSituationPath } from './own-district.js';

/** The weekly situation report (lägesbild) of one district, or of the whole city without a district id, for staff. */
export function SituationPage() {
  const { id } = useParams();
  const city = !id;
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('week') ?? '';
  const timeZone = useTimeZone();
  // The meeting discusses a week that has ended: the last complete one on the organisation's clock.
  const week = isIsoWeek(requested) ? requested : lastCompleteWeek(timeZone);
  const filters = filtersFromParams(params);
  const session = useSession();
  // A coordinator opening "Lägesbild" lands on their own district; `scope=city` asks for the whole city.
  const own = useOwnSituationPath(city && params.get('scope') !== 'city' ? session.data : null);
  const area = useArea(id);
  const canRead = canReadSituation(session.data);
  const canWrite = city
    ? canWriteCitySituation(session.data)
    : canWriteSituation(session.data, area.data?.owner_unit?.id);
  const report = useSituationReport({ area_id: id, week, ...filters }, canRead);
  const title = city
    ? t('situation.cityTitle')
    : area.data
      ? t('situation.title', { name: area.data.name })
      : t('situation.link');
  useDocumentTitle(city || area.data ? `${title} ${week}` : title);
  // Week and filters live in the URL, so a report with its filters can be shared and reloaded.
  const setParam = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const goTo = (w: string) => setParam('week', w);
  const setFilters = (f: ReportFilterValue) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const key of ['category_group', 'source'] as const) {
          if (f[key].length) next.set(key, f[key].join(','));
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  if (own.path) return <Navigate to={`${own.path}${requested ? `?week=${requested}` : ''}`} replace />;
  return (
    <div className="page situation-page">
      <p className="breadcrumb">
        {city ? (
          <Link to="/">← {t('situation.backToStart')}</Link>
        ) : (
          <>
            <Link to={`/districts/${id}`}>← {t('situation.back')}</Link> ·{' '}
            <Link to={`/situation?scope=city&week=${week}`}>{t('situation.cityTitle')}</Link>
          </>
        )}
      </p>
      <h1>
        {title} <span className="nowrap">{week}</span>
      </h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !canRead ? (
        <p className="notice notice-info">{t('situation.noAccess')}</p>
      ) : (
        <>
          <WeekPicker week={week} onChange={goTo} />
          <ReportFilters value={filters} onChange={setFilters} />
          {!canWrite && <p className="notice notice-info">{t('situation.readOnly')}</p>}
          <QueryState
            isPending={report.isPending || (!city && area.isPending)}
            error={report.error ?? area.error}
            onRetry={() => void report.refetch()}
          >
            {report.data && (city || area.data) && (
              <ReportBody areaId={id} report={report.data} filters={filters} canWrite={canWrite} />
            )}
          </QueryState>
        </>
      )}
    </div>
  );
}

function WeekPicker({ week, onChange }: { week: string; onChange: (w: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(week);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setValue(week), [week]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim().toUpperCase();
    if (!isIsoWeek(v)) return setInvalid(true);
    setInvalid(false);
    onChange(v);
  };
  return (
    <form className="week-picker" onSubmit={submit} aria-label={t('situation.weekPicker')}>
      <button type="button" className="button button-secondary" onClick={() => onChange(addWeeks(week, -1))}>
        {t('situation.previousWeek')}
      </button>
      <Field
        id="situation-week"
        label={t('situation.weekInput')}
        error={invalid ? t('situation.weekInvalid') : undefined}
      >
        {(aria) => <input {...aria} value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <button type="submit" className="button button-secondary">
        {t('situation.show')}
      </button>
      <button type="button" className="button button-secondary" onClick={() => onChange(addWeeks(week, 1))}>
        {t('situation.nextWeek')}
      </button>
    </form>
  );
}

/** The report of a district (`areaId`) or of the whole city (no `areaId`: every stadsdel, no district outline). */
function ReportBody({
  areaId,
  report,
  filters,
  canWrite,
}: {
  areaId: string | undefined;
  report: SituationReport;
  filters: ReportFilterValue;
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const today = useToday();
  const area = useArea(areaId);
  const neighbourhoods = useNeighbourhoodsGeojson(
    areaId,
    area.data ? dayWithin(area.data, today) : areaId ? undefined : today,
  );
  const [layer, setLayer] = useState<SituationLayer>('points');
  const freeze = useFreeze();
  const en = i18n.language === 'en';
  const q = { area_id: areaId, week: report.week, ...filters };
  const freezeReport = () => {
    if (freeze.isPending) return;
    freeze.mutate(
      { area_id: areaId ?? null, week: report.week },
      { onSuccess: (v) => void navigate(`/situation/reports/${v.report.id}`) },
    );
  };

  return (
    <>
      <p className="lead">
        {t('situation.totalsText', { count: report.totals.count, week: report.week })} (
        {format.day(isoWeekDay(report.week, 0))} – {format.day(isoWeekDay(report.week, 6))}). {t('situation.colPrev')}:{' '}
        <ChangeCell count={report.totals.count} change={report.totals.vs_previous_week} />. {t('situation.colYear')}:{' '}
        <ChangeCell count={report.totals.count} change={report.totals.vs_last_year} />.
      </p>
      <p className="muted">
        {t('situation.coarseNote', { points: report.totals.points, coarse: report.totals.coarse_area })}
      </p>

      <div className="situation-actions">
        <a className="button button-secondary" href={situationEndpoints.reportFileUrl(q, 'pdf')} download>
          {t('situation.pdf')}
        </a>
        <a className="button button-secondary" href={situationEndpoints.reportFileUrl(q, 'xlsx')} download>
          {t('situation.xlsx')}
        </a>
        {canWrite && (
          <button
            type="button"
            className="button button-primary"
            aria-disabled={freeze.isPending || undefined}
            onClick={freezeReport}
          >
            {freeze.isPending ? t('situation.freezing') : t('situation.freeze')}
          </button>
        )}
      </div>
      {freeze.error && (
        <p className="notice notice-error" role="alert">
          {errorText(freeze.error)}
        </p>
      )}

      {/* Ratings are confirmed district by district; the city-wide table shows them. */}
      <NeighbourhoodTable areaId={areaId} report={report} canWrite={canWrite && Boolean(areaId)} />
      {!areaId && <p className="hint">{t('situation.cityRatingsNote')}</p>}

      <section className="section" aria-labelledby="sit-map-heading">
        <h2 id="sit-map-heading">{t('situation.map')}</h2>
        <div className="map-layout">
          {(area.data || !areaId) && (
            <SituationMap
              area={area.data}
              neighbourhoods={neighbourhoods.data}
              report={report}
              layer={layer}
              label={t('situation.mapLabel', { name: report.scope.name, week: report.week })}
              describedBy="sit-map-note"
            />
          )}
          <aside className="map-aside">
            <RadioGroup
              name="situation-layer"
              legend={t('situation.layer')}
              value={layer}
              onChange={setLayer}
              options={(['points', 'hotspots', 'emerging', 'density'] as const).map((v) => ({
                value: v,
                label: t(`situation.layers.${v}`),
              }))}
            />
            <MapLegend report={report} layer={layer} />
          </aside>
        </div>
      </section>

      {areaId && <HotspotTable areaId={areaId} report={report} neighbourhoods={neighbourhoods.data} />}

      <section className="section" aria-labelledby="sit-cat-heading">
        <h2 id="sit-cat-heading">{t('situation.categories')}</h2>
        <CategoryChart report={report} />
        <div className="table-wrap" role="region" aria-labelledby="sit-cat-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="sit-cat-caption">{t('situation.categoriesCaption', { week: report.week })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.colCategory')}</th>
                <th scope="col">{t('situation.colCount')}</th>
                <th scope="col">{t('situation.colPrev')}</th>
                <th scope="col">{t('situation.colYear')}</th>
              </tr>
            </thead>
            <tbody>
              {report.categories.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{en ? c.label_en : c.label_sv}</th>
                  <td>{c.count}</td>
                  <td>
                    <ChangeCell count={c.count} change={c.vs_previous_week} />
                  </td>
                  <td>
                    <ChangeCell count={c.count} change={c.vs_last_year} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section" aria-labelledby="sit-places-heading">
        <h2 id="sit-places-heading">{t('situation.topPlaces')}</h2>
        <p className="muted">
          {t('situation.topPlacesPeriod', { from: report.top_places.from_week, to: report.top_places.to_week })}
        </p>
        {report.top_places.places.length === 0 ? (
          <p className="empty">{t('situation.none')}</p>
        ) : (
          <ol>
            {report.top_places.places.map((p) => (
              <li key={p.key}>
                {p.place_id ? (
                  <Link to={`/places/${p.place_id}`}>{p.name ?? p.key}</Link>
                ) : (
                  (p.name ?? t('situation.streetCell'))
                )}
                {' · '}
                {t('situation.placeCount', { count: p.count, week: p.week_count })}
                {p.repeat && (
                  <>
                    {' '}
                    · <strong>{t('situation.repeat')}</strong>
                  </>
                )}
                {areaId && (
                  <TopPlaceProblemLink areaId={areaId} report={report} place={p} neighbourhoods={neighbourhoods.data} />
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="section" aria-labelledby="sit-time-heading">
        <h2 id="sit-time-heading">{t('situation.timeProfile')}</h2>
        <TimeHeatmap report={report} />
        <TimeGrid profile={report.time_profile} />
      </section>

      <section className="section" aria-labelledby="sit-trend-heading">
        <h2 id="sit-trend-heading">{t('situation.trend')}</h2>
        <TrendChart report={report} />
      </section>

      <section className="section" aria-labelledby="sit-wheel-heading">
        <h2 id="sit-wheel-heading">{t('situation.charts.wheel')}</h2>
        <YearWheel report={report} />
      </section>

      <section className="section" aria-labelledby="sit-ann-heading">
        <h2 id="sit-ann-heading">{t('situation.annotations')}</h2>
        {report.annotations.length === 0 ? (
          <p className="empty">{t('situation.noAnnotations')}</p>
        ) : (
          <ul>
            {report.annotations.map((a) => (
              <li key={a.id}>
                {format.day(a.date)} ({a.week}): {a.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="sit-prev-heading">
        <h2 id="sit-prev-heading">{t('situation.previousActions')}</h2>
        {report.previous_actions.length === 0 ? (
          <p className="empty">{t('situation.none')}</p>
        ) : (
          <ul>
            {report.previous_actions.map((a) => (
              <li key={a.id}>
                {a.title} – {a.unit_name}, {format.day(a.due_date)} · {t(`meeting.status.${a.status}`)}
                {a.overdue && (
                  <>
                    {' '}
                    · <span className="overdue">{t('situation.overdue')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
