import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MAX_PUBLIC_RESOLUTION, MIN_PUBLIC_COUNT } from '../../../analysis/stats/disclosure.js';
import type { PlaceSummary } from '../../../domain/org.js';
import { daysAgoIso } from '../../components/dates.js';
import { useToday } from '../../components/time-zone.js';
import { ApproximateBadge } from '../../components/Badge.js';
import { MapListLink } from '../../components/MapListLink.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SvText, useDataLang } from '../../components/SvText.js';
import { DistrictReportLinks } from '../views/DistrictReportLinks.js';
import { useCanReadIncidents, useSession } from '../auth/use-session.js';
import { canReadProgramme } from '../programme/access.js';
import { canReadSituation } from '../situation/use-situation.js';
import { HexbinLegend } from '../incidents/HexbinLegend.js';
import { hexbinClasses } from '../incidents/hexbin-classes.js';
import { LatestIncidents } from '../incidents/LatestIncidents.js';
import { useHexbins, useIncidentPoints } from '../incidents/use-incidents.js';
import { usePlaces } from '../places/use-places.js';
import { DistrictMap } from './DistrictMap.js';
import { NeighbourhoodCounts } from './NeighbourhoodCounts.js';
import { dayWithin, useArea, useNeighbourhoodsGeojson } from './use-areas.js';

/** A district: facts, map with neighbourhoods and recent incidents, the latest incidents and its places. */
export function DistrictPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const dataLang = useDataLang();
  const area = useArea(id);
  useDocumentTitle(area.data?.name);
  const today = useToday();
  const at = area.data ? dayWithin(area.data, today) : undefined;
  const neighbourhoods = useNeighbourhoodsGeojson(id, at);
  const from = daysAgoIso(30);
  const canRead = useCanReadIncidents();
  const session = useSession();
  const canSituation = canReadSituation(session.data);
  const canProgramme = canReadProgramme(session.data);
  // Staff see points; visitors see the same 30 days as counts per H3 cell, coarse enough that no cell
  // singles out an incident (the server widens to whole weeks and leaves out cells under MIN_PUBLIC_COUNT).
  const points = useIncidentPoints(
    { area_id: id, bbox: area.data?.bbox, from, precision: ['exact', 'place'] },
    Boolean(area.data) && canRead === true,
  );
  const hexbins = useHexbins(
    { resolution: MAX_PUBLIC_RESOLUTION, ...(id ? { area_id: id } : {}), from },
    Boolean(id) && canRead === false,
  );
  const classes = useMemo(() => hexbinClasses((hexbins.data ?? []).map((h) => h.count)), [hexbins.data]);
  const total = useMemo(() => (hexbins.data ?? []).reduce((s, h) => s + h.count, 0), [hexbins.data]);
  const places = usePlaces({ area_id: id }, Boolean(id));

  const bySetting = useMemo(() => {
    const sorted = [...(places.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    return {
      indoor: sorted.filter((p) => p.setting === 'indoor'),
      outdoor: sorted.filter((p) => p.setting === 'outdoor'),
    };
  }, [places.data]);

  return (
    <div className="page district-page">
      <p className="breadcrumb">
        <Link to="/">← {t('district.back')}</Link>
      </p>
      <QueryState isPending={area.isPending} error={area.error} onRetry={() => void area.refetch()}>
        {area.data && (
          <>
            <h1 {...dataLang}>{area.data.name}</h1>
            <p className="subtitle">
              {t('district.kind')} {area.data.approximate && <ApproximateBadge kind="borders" />}
            </p>
            {canSituation && (
              <p className="district-situation-link">
                <Link to={`/districts/${area.data.id}/situation`}>{t('situation.link')}</Link>
              </p>
            )}
            {canProgramme && (
              <p className="district-situation-link">
                <Link to={`/districts/${area.data.id}/programme`}>{t('programme.district.link')}</Link>
              </p>
            )}
            {area.data.owner_unit && (
              <p className="district-situation-link">
                <Link to={`/districts/${area.data.id}/law-documents`}>{t('lawDocuments.link')}</Link>
              </p>
            )}
            <DistrictReportLinks unitId={area.data.owner_unit?.id} />
            <dl className="facts">
              <div>
                <dt>{t('district.owner')}</dt>
                <dd>
                  {area.data.owner_unit
                    ? (i18n.language === 'en' && area.data.owner_unit.name_en) || area.data.owner_unit.name
                    : t('common.none')}
                </dd>
              </div>
              <div>
                <dt>{t('district.validity')}</dt>
                <dd>
                  {area.data.valid_to
                    ? t('district.validRange', {
                        from: format.day(area.data.valid_from),
                        to: format.day(area.data.valid_to),
                      })
                    : t('district.validFrom', { from: format.day(area.data.valid_from) })}
                  {area.data.valid_to && area.data.valid_to < today && (
                    <>
                      {' '}
                      · <em>{t('district.historic')}</em>
                    </>
                  )}
                </dd>
              </div>
              {area.data.population && (
                <div>
                  <dt>{t('district.population')}</dt>
                  <dd>
                    {t('district.populationValue', {
                      population: format.number(area.data.population.population),
                      year: area.data.population.year,
                    })}
                  </dd>
                </div>
              )}
            </dl>

            <div className="map-layout">
              <DistrictMap
                area={area.data}
                neighbourhoods={neighbourhoods.data}
                incidents={canRead ? points.data : undefined}
                hexbins={canRead === false && hexbins.data ? { cells: hexbins.data, classes } : undefined}
                label={t('district.mapLabel', { name: area.data.name })}
                describedBy="district-map-note"
              />
              <aside className="map-aside">
                {canRead === false ? (
                  <>
                    <HexbinLegend
                      classes={classes}
                      resolution={MAX_PUBLIC_RESOLUTION}
                      total={total}
                      suppressedBelow={MIN_PUBLIC_COUNT}
                    />
                    <p id="district-map-note" className="legend-note">
                      {t('district.mapNoteHexbins')} <MapListLink targetId="neighbourhood-counts" />
                    </p>
                  </>
                ) : (
                  <>
                    <p id="district-map-note" className="legend-note">
                      {t('district.mapNote')} <MapListLink targetId="latest-incidents" />
                    </p>
                    <ul className="legend-list">
                      <li>
                        <span className="legend-dot" style={{ background: '#c2410c' }} aria-hidden="true" />{' '}
                        {t('district.legendReported')}
                      </li>
                      <li>
                        <span className="legend-dot" style={{ background: '#7a4d9c' }} aria-hidden="true" />{' '}
                        {t('common.demo')}
                      </li>
                    </ul>
                  </>
                )}
                <h2 className="h3">{t('district.neighbourhoods')}</h2>
                {canRead === false ? (
                  <NeighbourhoodCounts neighbourhoods={area.data.children} from={from} />
                ) : (
                  <ul className="plain-list columns" {...dataLang}>
                    {[...area.data.children]
                      .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
                      .map((c) => (
                        <li key={c.id}>{c.name}</li>
                      ))}
                  </ul>
                )}
              </aside>
            </div>

            <section className="section" aria-labelledby="latest-heading">
              <h2 id="latest-heading">{t('district.latest')}</h2>
              <LatestIncidents
                filter={{ area_id: area.data.id }}
                id="latest-incidents"
                caption={t('district.latest')}
              />
            </section>

            <section className="section" aria-labelledby="places-heading">
              <h2 id="places-heading">{t('district.places')}</h2>
              <QueryState isPending={places.isPending} error={places.error}>
                <div className="two-columns">
                  <PlaceLinks title={t('district.indoor')} places={bySetting.indoor} />
                  <PlaceLinks title={t('district.outdoor')} places={bySetting.outdoor} />
                </div>
              </QueryState>
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function PlaceLinks({ title, places }: { title: string; places: readonly PlaceSummary[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <h3>
        {title} <span className="muted">({places.length})</span>
      </h3>
      {places.length === 0 ? (
        <p className="empty">{t('district.noPlaces')}</p>
      ) : (
        <ul className="plain-list">
          {places.map((p) => (
            <li key={p.id}>
              <Link to={`/places/${p.id}`}>
                <SvText>{p.name}</SvText>
              </Link>{' '}
              <span className="muted">· {t(`places.types.${p.type}`, { defaultValue: p.type })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
