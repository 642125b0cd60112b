import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { RatingLevel, SituationReport } from '../../../domain/situation.js';
import { situationEndpoints } from '../../api/situation-endpoints.js';
import { organisationToday } from '../../components/dates.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { useArea, useNeighbourhoodsGeojson, dayWithin } from '../areas/use-areas.js';
import { TimeGrid, TrendChart } from './charts.js';
import { HotspotTable, TopPlaceProblemLink } from './HotspotProblems.js';
import { addWeeks, isIsoWeek, isoWeekDay, isoWeekOfDay } from '../../../domain/calendar/index.js';
import { ChangeCell, RATING_LEVELS, RatingBadge, useRatingLabel } from './Rating.js';
import {
  DENSITY_STOPS,
  densityColour,
  EMERGING_COLOURS,
  EMERGING_ORDER,
  GI_COLOURS,
  GI_ORDER,
  type SituationLayer,
  SituationMap,
} from './SituationMap.js';
import { filtersFromParams, ReportFilters, type ReportFilterValue } from './ReportFilters.js';
import {
  canReadSituation,
  canWriteCitySituation,
  canWriteSituation,
  useConfirmRatings,
  useFreeze,
  useSituationReport,
} from './use-situation.js';
import './situation.css';

/** The weekly situation report (lägesbild) of one district, or of the whole city without a district id, for staff. */
export function SituationPage() {
  const { id } = useParams();
  const city = !id;
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('week') ?? '';
  const week = isIsoWeek(requested) ? requested : isoWeekOfDay(organisationToday());
  const filters = filtersFromParams(params);
  const session = useSession();
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

  return (
    <div className="page situation-page">
      <p className="breadcrumb">
        {city ? (
          <Link to="/">← {t('situation.backToStart')}</Link>
        ) : (
          <Link to={`/districts/${id}`}>← {t('situation.back')}</Link>
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
  const area = useArea(areaId);
  const neighbourhoods = useNeighbourhoodsGeojson(
    areaId,
    area.data ? dayWithin(area.data) : areaId ? undefined : organisationToday(),
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
        <TimeGrid profile={report.time_profile} />
      </section>

      <section className="section" aria-labelledby="sit-trend-heading">
        <h2 id="sit-trend-heading">{t('situation.trend')}</h2>
        <TrendChart trend={report.trend} week={report.week} />
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

function NeighbourhoodTable({
  areaId,
  report,
  canWrite,
}: {
  areaId: string | undefined;
  report: SituationReport;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ratingLabel = useRatingLabel();
  const errorText = useErrorText();
  const confirm = useConfirmRatings(areaId);
  const initial = useMemo(
    () =>
      Object.fromEntries(
        report.neighbourhoods.map((n) => [n.code, n.rating.confirmed?.level ?? n.rating.proposed]),
      ) as Record<string, RatingLevel>,
    [report],
  );
  const [levels, setLevels] = useState(initial);
  useEffect(() => setLevels(initial), [initial]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (confirm.isPending) return;
    confirm.mutate({
      week: report.week,
      ratings: report.neighbourhoods.map((n) => ({
        neighbourhood_code: n.code,
        level: levels[n.code] ?? n.rating.proposed,
      })),
    });
  };

  return (
    <section className="section" aria-labelledby="sit-nb-heading">
      <h2 id="sit-nb-heading">{t('situation.neighbourhoods')}</h2>
      <form onSubmit={submit}>
        <div className="table-wrap" role="region" aria-labelledby="sit-nb-caption" tabIndex={0}>
          <table className="data-table neighbourhood-table">
            <caption id="sit-nb-caption">{t('situation.neighbourhoodsCaption', { week: report.week })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.colName')}</th>
                <th scope="col">{t('situation.colCount')}</th>
                <th scope="col">{t('situation.colPrev')}</th>
                <th scope="col">{t('situation.colYear')}</th>
                <th scope="col">{t('situation.colRate')}</th>
                <th scope="col">{t('situation.colProposed')}</th>
                <th scope="col">{t('situation.colConfirmed')}</th>
              </tr>
            </thead>
            <tbody>
              {report.neighbourhoods.map((n) => (
                <tr key={n.code}>
                  <th scope="row">{n.name}</th>
                  <td>{n.count}</td>
                  <td>
                    <ChangeCell count={n.count} change={n.vs_previous_week} />
                  </td>
                  <td>
                    <ChangeCell count={n.count} change={n.vs_last_year} />
                  </td>
                  <td>{n.rate_per_1000 ? format.number(n.rate_per_1000.rate) : '–'}</td>
                  <td title={n.rating.reasons.join(' ')}>
                    <RatingBadge level={n.rating.proposed} />
                  </td>
                  <td>
                    {canWrite ? (
                      <select
                        aria-label={t('situation.confirmFor', { name: n.name })}
                        value={levels[n.code] ?? n.rating.proposed}
                        onChange={(e) => setLevels({ ...levels, [n.code]: Number(e.target.value) as RatingLevel })}
                      >
                        {RATING_LEVELS.map((l) => (
                          <option key={l} value={l}>
                            {ratingLabel(l)}
                          </option>
                        ))}
                      </select>
                    ) : n.rating.confirmed ? (
                      <RatingBadge level={n.rating.confirmed.level} />
                    ) : (
                      <span className="muted">{t('situation.notConfirmed')}</span>
                    )}
                    {canWrite && n.rating.confirmed && <span className="muted"> ({t('situation.confirmedBy')})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('situation.significantMarker')}</p>
        {canWrite && report.neighbourhoods.length > 0 && (
          <div className="button-row">
            <SubmitButton variant="secondary" pending={confirm.isPending} pendingLabel={t('programme.saving')}>
              {t('situation.confirm')}
            </SubmitButton>
          </div>
        )}
        <div role="status">
          {confirm.isSuccess && <p className="notice notice-success">{t('situation.confirmed')}</p>}
        </div>
        {confirm.error && (
          <p className="notice notice-error" role="alert">
            {errorText(confirm.error)}
          </p>
        )}
      </form>
    </section>
  );
}

function MapLegend({ report, layer }: { report: SituationReport; layer: SituationLayer }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (layer === 'points')
    return (
      <p id="sit-map-note" className="legend-note">
        {t('situation.pointsNote', { count: report.points.length })}
      </p>
    );
  if (layer === 'hotspots') {
    const h = report.hotspots;
    const counts = new Map<string, number>();
    for (const c of h.cells) counts.set(c.class, (counts.get(c.class) ?? 0) + 1);
    return (
      <div className="legend">
        <p id="sit-map-note" className="legend-note">
          {h.cells.length === 0
            ? t('situation.hotspotsNone')
            : t('situation.hotspotsNote', {
                resolution: h.resolution,
                correction: h.correction,
                cells: h.cells.length,
              })}
        </p>
        <ul className="gi-legend" aria-label={t('situation.layers.hotspots')}>
          {GI_ORDER.map((c) => (
            <li key={c}>
              <span className="legend-box" style={{ background: GI_COLOURS[c] }} aria-hidden="true" />{' '}
              {t(`situation.giClasses.${c}`)} ({counts.get(c) ?? 0})
            </li>
          ))}
        </ul>
        <p className="legend-note">{t('situation.hotspotsMeaning')}</p>
        <p className="legend-note">
          {h.excluded_outside === undefined
            ? t('situation.hotspotsExcludedOld', { coarse: h.excluded_coarse })
            : t('situation.hotspotsExcluded', { coarse: h.excluded_coarse, outside: h.excluded_outside })}
        </p>
      </div>
    );
  }
  if (layer === 'emerging') {
    const e = report.emerging;
    if (!e)
      return (
        <p id="sit-map-note" className="legend-note">
          {t('situation.emergingMissing')}
        </p>
      );
    return (
      <div className="legend">
        <p id="sit-map-note" className="legend-note">
          {e.cells.length === 0
            ? t('situation.emergingNone')
            : t('situation.emergingNote', {
                weeks: e.baseline_weeks,
                from: e.from_week,
                to: e.to_week,
                correction: e.correction,
                alpha: format.number(e.alpha),
                cells: e.cells.length,
              })}
        </p>
        <ul className="gi-legend" aria-label={t('situation.layers.emerging')}>
          {EMERGING_ORDER.map((c) => (
            <li key={c}>
              <span className="legend-box" style={{ background: EMERGING_COLOURS[c] }} aria-hidden="true" />{' '}
              {t(`situation.emergingClasses.${c}`)} ({e.counts[c]})
            </li>
          ))}
        </ul>
        <p className="legend-note">
          {t('situation.emergingRules', { share: format.number(e.persistent_share * 100) })}
        </p>
      </div>
    );
  }
  const d = report.density;
  return (
    <div className="legend">
      <p id="sit-map-note" className="legend-note">
        {t('situation.densityNote', {
          bandwidth: format.number(Math.round(d.bandwidth_m)),
          max: format.number(Math.round(d.max * 10) / 10),
        })}
      </p>
      <ul className="density-legend" aria-label={t('situation.layers.density')}>
        {DENSITY_STOPS.map((s, i) => (
          <li key={s}>
            <span className="legend-box" style={{ background: densityColour(s) }} aria-hidden="true" />
            {i === 0 ? t('situation.densityLow') : i === DENSITY_STOPS.length - 1 ? t('situation.densityHigh') : ''}{' '}
            {format.number(Math.round(d.max * (i / DENSITY_STOPS.length)))}–
            {format.number(Math.round(d.max * ((i + 1) / DENSITY_STOPS.length)))}
          </li>
        ))}
      </ul>
    </div>
  );
}
