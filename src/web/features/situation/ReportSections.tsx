import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isoWeekDay } from '../../../domain/calendar/index.js';
import type { SituationReport } from '../../../domain/situation.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { useFormat } from '../../components/use-format.js';
import { dayWithin, useArea, useNeighbourhoodsGeojson } from '../areas/use-areas.js';
import { CategoryChart, TimeGrid, TimeHeatmap, TrendChart, YearWheel } from './charts.js';
import { HotspotTable, TopPlaceProblemLink } from './HotspotProblems.js';
import { MapLegend } from './MapLegend.js';
import { NeighbourhoodTable } from './NeighbourhoodTable.js';
import { ChangeCell } from './Rating.js';
import { type SituationLayer, SituationMap } from './SituationMap.js';

/** The week's total against last week and the same week last year, and how many incidents have a point. */
export function ReportLead({ report }: { report: SituationReport }) {
  const { t } = useTranslation();
  const format = useFormat();
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
    </>
  );
}

interface SectionsProps {
  /** The district; absent for the whole city (every stadsdel, no district outline, no hotspot table). */
  areaId: string | undefined;
  report: SituationReport;
  /** Whether the ratings can be confirmed here (a frozen report only shows them). */
  canWrite: boolean;
  /** The day whose stadsdel layout the map draws: today on the live page, the report's week when frozen. */
  day: string;
  /** The map layer shown first. */
  initialLayer?: SituationLayer;
}

/**
 * The body of a situation report — ratings, map with its layers, hotspots, categories, places, time profile,
 * trend, årshjul, annotations and earlier actions — shared by the live page and the frozen one, so a frozen
 * report reads exactly like the report the meeting saw.
 */
export function ReportSections({ areaId, report, canWrite, day, initialLayer = 'points' }: SectionsProps) {
  const { t } = useTranslation();
  const area = useArea(areaId);
  const neighbourhoods = useNeighbourhoodsGeojson(
    areaId,
    area.data ? dayWithin(area.data, day) : areaId ? undefined : day,
  );
  const [layer, setLayer] = useState<SituationLayer>(initialLayer);
  return (
    <>
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

      <CategorySection report={report} />

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

      <NotesSections report={report} />
    </>
  );
}

/** Categories: this week against last week as a chart, and every number in the table beside it. */
function CategorySection({ report }: { report: SituationReport }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
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
  );
}

/** Changes in reporting that explain the figures, and the actions earlier meetings decided. */
function NotesSections({ report }: { report: SituationReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
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
