import L from 'leaflet';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MIN_PUBLIC_COUNT } from '../../../analysis/stats/disclosure.js';
import { useNeighbourhoods } from '../../api/use-reference-data.js';
import { ApproximateBadge } from '../../components/Badge.js';
import { MapView, useMapLayer } from '../../components/MapView.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useToday } from '../../components/time-zone.js';
import { useFormat } from '../../components/use-format.js';
import { useNeighbourhoodsGeojson } from '../areas/use-areas.js';
import { LatestIncidents } from '../incidents/LatestIncidents.js';
import { OpeningHoursTable, PlaceMeasures, UnitContact, ZoneMonthTable } from './PlaceResource.js';
import { usePlace } from './use-places.js';
import { PlaceFigures } from './PlaceFigures.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { mapText } from '../../components/map-text.js';
import { SvText } from '../../components/SvText.js';

/** One place: facts, zones, responsible units, a small map and its recent incidents. */
export function PlaceDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const place = usePlace(id);
  const session = useSession();
  useDocumentTitle(place.data?.name);
  const neighbourhoods = useNeighbourhoods();
  const [map, setMap] = useState<L.Map | null>(null);
  const neighbourhoodShapes = useNeighbourhoodsGeojson(undefined, useToday());
  const unitName = (u: { name: string; name_en: string | null }) => (i18n.language === 'en' && u.name_en) || u.name;

  // Neighbourhood outlines and names, so the dot is somewhere recognisable.
  useMapLayer(map, () => {
    if (!neighbourhoodShapes.data) return null;
    return L.geoJSON(neighbourhoodShapes.data as never, {
      interactive: false,
      style: () => ({ color: '#58708a', weight: 1.2, dashArray: '4 3', fillColor: '#e8eef4', fillOpacity: 0.5 }),
      onEachFeature: (f, layer) =>
        layer.bindTooltip(mapText(String(f.properties?.name ?? '')), {
          permanent: true,
          direction: 'center',
          className: 'area-label area-label-small',
        }),
    });
  }, [neighbourhoodShapes.data]);

  useMapLayer(
    map,
    (m) => {
      if (!place.data) return null;
      const { lat, lon } = place.data;
      m.setView([lat, lon], 14);
      return L.circleMarker([lat, lon], {
        radius: 9,
        color: '#ffffff',
        weight: 2,
        fillColor: '#1f3a5f',
        fillOpacity: 1,
      });
    },
    [place.data],
  );

  return (
    <div className="page place-page">
      <p className="breadcrumb">
        <Link to="/places">← {t('places.back')}</Link>
      </p>
      <QueryState isPending={place.isPending} error={place.error} onRetry={() => void place.refetch()}>
        {place.data && (
          <>
            <h1>
              <SvText>{place.data.name}</SvText>
            </h1>
            <p className="subtitle">
              {t(`places.types.${place.data.type}`, { defaultValue: place.data.type })} ·{' '}
              {t(`places.${place.data.setting}`)}
              {place.data.neighbourhood_code && (
                <> · {neighbourhoods.byCode.get(place.data.neighbourhood_code) ?? place.data.neighbourhood_code}</>
              )}
            </p>
            <div className="map-layout place-layout">
              <dl className="facts facts-stacked">
                <div>
                  <dt>{t('places.address')}</dt>
                  <dd>{place.data.address ?? t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('places.position')}</dt>
                  <dd>
                    {format.coordinate(place.data.lat)}, {format.coordinate(place.data.lon)}
                    {place.data.coordinate_approximate && (
                      <>
                        {' '}
                        <ApproximateBadge kind="position" />
                      </>
                    )}
                    {place.data.coordinate_note && <span className="hint">{place.data.coordinate_note}</span>}
                  </dd>
                </div>
                <div>
                  <dt>{t('places.owner')}</dt>
                  <dd>
                    {place.data.owner_unit ? (
                      <>
                        {unitName(place.data.owner_unit)}
                        <UnitContact unit={place.data.owner_unit} />
                      </>
                    ) : (
                      t('common.none')
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('places.responsible')}</dt>
                  <dd>
                    {place.data.responsible_units.length === 0 ? (
                      t('common.none')
                    ) : (
                      <ul className="plain-list">
                        {place.data.responsible_units.map((u) => (
                          <li key={`${u.id}-${u.responsibility}`}>
                            {unitName(u)}{' '}
                            <span className="muted">
                              ({t(`places.responsibility.${u.responsibility}`, { defaultValue: u.responsibility })})
                            </span>
                            <UnitContact unit={u} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('places.zones')}</dt>
                  <dd>
                    {place.data.zones.length === 0 ? (
                      t('places.noZones')
                    ) : (
                      <ul className="plain-list">
                        {place.data.zones.map((z) => (
                          <li key={z.id}>{(i18n.language === 'en' && z.name_en) || z.name}</li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('places.incidentCount')}</dt>
                  <dd>
                    {place.data.incident_count === null
                      ? t('common.fewerThan', { k: MIN_PUBLIC_COUNT })
                      : format.number(place.data.incident_count)}
                  </dd>
                </div>
              </dl>
              <div>
                <MapView
                  label={t('places.mapLabel')}
                  describedBy="place-map-note"
                  className="place-map"
                  onReady={setMap}
                />
                <p id="place-map-note" className="legend-note">
                  {t('places.mapNote')}
                </p>
              </div>
            </div>
            {place.data.setting === 'indoor' && (
              <section className="section" aria-labelledby="place-hours-heading">
                <h2 id="place-hours-heading">{t('placeResource.hours')}</h2>
                <OpeningHoursTable hours={place.data.opening_hours} />
              </section>
            )}
            <section className="section" aria-labelledby="place-measures-heading">
              <h2 id="place-measures-heading">{t('placeResource.measures')}</h2>
              <PlaceMeasures measures={place.data.measures} />
            </section>
            {allows(session.data, 'evaluations:read') && <PlaceFigures placeId={place.data.id} />}
            <section className="section" aria-labelledby="place-zones-heading">
              <h2 id="place-zones-heading">{t('placeResource.byZone')}</h2>
              <p className="hint">{t('placeResource.byZoneIntro')}</p>
              <ZoneMonthTable place={place.data} />
            </section>
            <section className="section" aria-labelledby="place-incidents-heading">
              <h2 id="place-incidents-heading">{t('places.recent')}</h2>
              <LatestIncidents filter={{ place_id: place.data.id }} caption={t('places.recent')} showPlace={false} />
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}
