import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MIN_PUBLIC_COUNT, publicResolution } from '../../../analysis/stats/disclosure.js';
import { daysAgoIso } from '../../components/dates.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { MapListLink } from '../../components/MapListLink.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { HexbinLegend } from '../incidents/HexbinLegend.js';
import { hexbinClasses } from '../incidents/hexbin-classes.js';
import { LatestIncidents } from '../incidents/LatestIncidents.js';
import { ReceiptLookup } from '../incidents/ReceiptLookup.js';
import { PERIOD_DAYS, type Period, useHexbins } from '../incidents/use-incidents.js';
import { useCanReadIncidents, useSession } from '../auth/use-session.js';
import { canReadSituation } from '../situation/use-situation.js';
import { CityMap } from './CityMap.js';
import { DistrictList } from './DistrictList.js';
import { type Layout, layoutDay, useDistrictCounts, useDistrictsGeojson } from './use-areas.js';
import { useToday } from '../../components/time-zone.js';

const PERIODS: readonly Period[] = ['d30', 'd365', 'all'];

/** Start page: the city map with district layout switch, hexbins and legend, the district list, latest incidents. */
export function StartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('start.title'));
  const [params, setParams] = useSearchParams();
  const urlLayout: Layout = params.get('layout') === 'earlier' ? 'earlier' : 'current';
  const periodParam = params.get('period');
  const urlPeriod: Period = periodParam === 'd30' || periodParam === 'all' ? periodParam : 'd365';
  // Local state answers the radio at once (the URL update runs as a transition); the URL keeps the choice shareable.
  const [layout, setLayout] = useState(urlLayout);
  const [period, setPeriod] = useState(urlPeriod);
  useEffect(() => setLayout(urlLayout), [urlLayout]);
  useEffect(() => setPeriod(urlPeriod), [urlPeriod]);
  const [zoomResolution, setResolution] = useState(8);
  // Visitors get the public figures, at the resolution the server publishes them.
  const canReadIncidents = useCanReadIncidents();
  const resolution = canReadIncidents === true ? zoomResolution : publicResolution(zoomResolution);
  const canSituation = canReadSituation(useSession().data);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const days = PERIOD_DAYS[period];
  const from = days === null ? undefined : daysAgoIso(days);
  const districts = useDistrictsGeojson(layoutDay(layout, useToday()));
  const hexbins = useHexbins({ resolution, ...(from ? { from } : {}) });
  const classes = useMemo(() => hexbinClasses((hexbins.data ?? []).map((h) => h.count)), [hexbins.data]);
  const total = useMemo(() => (hexbins.data ?? []).reduce((s, h) => s + h.count, 0), [hexbins.data]);
  const districtIds = useMemo(
    () => (districts.data?.features ?? []).map((f) => String(f.id ?? f.properties.id)),
    [districts.data],
  );
  const counts = useDistrictCounts(districtIds, from);
  const onDistrictClick = useCallback((id: string) => navigate(`/districts/${id}`), [navigate]);

  return (
    <div className="page start-page">
      <div className="page-intro">
        <div>
          <h1>{t('start.title')}</h1>
          <p className="lead">{t('start.intro')}</p>
        </div>
        <Link to="/report" className="button button-primary">
          {t('start.reportCta')}
        </Link>
      </div>

      <div className="map-controls">
        <RadioGroup
          name="layout"
          legend={t('layout.legend')}
          value={layout}
          onChange={(v) => {
            setLayout(v);
            setParam('layout', v === 'current' ? null : v);
          }}
          options={[
            { value: 'current', label: t('layout.current') },
            { value: 'earlier', label: t('layout.old') },
          ]}
        />
        <RadioGroup
          name="period"
          legend={t('period.legend')}
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setParam('period', v === 'd365' ? null : v);
          }}
          options={PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
        />
      </div>

      <div className="map-layout">
        <CityMap
          districts={districts.data}
          hexbins={hexbins.data ?? []}
          classes={classes}
          resolution={resolution}
          onResolutionChange={setResolution}
          onDistrictClick={onDistrictClick}
          describedBy="map-notes"
        />
        <aside className="map-aside">
          <HexbinLegend
            classes={classes}
            resolution={resolution}
            total={total}
            {...(canReadIncidents === true ? {} : { suppressedBelow: MIN_PUBLIC_COUNT })}
          />
          <section className="notes" id="map-notes" aria-labelledby="map-notes-title">
            <h2 id="map-notes-title" className="h3">
              {t('start.notes')}
            </h2>
            <ul>
              <li>
                <span className="badge badge-approx">{t('common.approximateBorders')}</span> {t('start.noteBorders')}
              </li>
              <li>
                <span className="badge badge-demo">{t('common.demo')}</span> {t('start.noteDemo')}
              </li>
              <li>{t('start.notePolice')}</li>
              <li>
                <MapListLink targetId="district-list" />
              </li>
            </ul>
          </section>
        </aside>
      </div>
      <QueryState isPending={hexbins.isPending} error={hexbins.error} onRetry={() => void hexbins.refetch()} />

      <section aria-labelledby="districts-heading" className="section">
        <h2 id="districts-heading">{t('start.districtsHeading')}</h2>
        {canSituation && (
          <p className="district-situation-link">
            <Link to="/situation?scope=city">{t('situation.cityLink')}</Link>
          </p>
        )}
        <QueryState isPending={districts.isPending} error={districts.error} onRetry={() => void districts.refetch()}>
          {districts.data && <DistrictList districts={districts.data} counts={counts} />}
        </QueryState>
      </section>

      {canReadIncidents === true && <ReceiptLookup />}

      <section aria-labelledby="latest-heading" className="section">
        <h2 id="latest-heading">{t('start.latestHeading')}</h2>
        <LatestIncidents filter={{}} limit={10} caption={t('start.latestHeading')} />
      </section>
    </div>
  );
}
