import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roundCoordinate, useDevicePosition } from '../../components/use-device-position.js';
import type { PlaceSummary } from '../../../domain/org.js';
import { MapView, useMapLayer } from '../../components/MapView.js';
import { useToday } from '../../components/time-zone.js';
import type { PlaceEntry } from '../basemap/place-search.js';
import { useFormat } from '../../components/use-format.js';
import { useDistrictsGeojson, useNeighbourhoodsGeojson } from '../areas/use-areas.js';
import { usePlace, usePlaces } from '../places/use-places.js';
import { mapText } from '../../components/map-text.js';
import { ariaDescribedBy } from '../../forms/aria.js';
import { Field } from '../../forms/Field.js';
import { FieldGroup } from '../../forms/FieldGroup.js';

interface Props {
  point: { lon: number; lat: number } | null;
  placeId: string;
  zoneId: string;
  /** A map click or the device position: an exact point, no place. */
  onPoint: (point: { lon: number; lat: number }) => void;
  onPlace: (place: PlaceSummary | null) => void;
  onZone: (zoneId: string) => void;
  locationError?: string | undefined;
  zoneError?: string | undefined;
}

const fold = (s: string) => s.toLocaleLowerCase('sv').normalize('NFD').replace(/\p{M}/gu, '');

/** Where it happened: click the map, pick a place (then optionally a zone), or use the device position. */
export function LocationPicker({ point, placeId, zoneId, onPoint, onPlace, onZone, locationError, zoneError }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [map, setMap] = useState<L.Map | null>(null);
  const [search, setSearch] = useState('');
  const places = usePlaces();
  const place = usePlace(placeId || undefined);
  const today = useToday();
  const districts = useDistrictsGeojson(today);
  const neighbourhoods = useNeighbourhoodsGeojson(undefined, today);

  const options = useMemo(() => {
    const all = [...(places.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const q = fold(search.trim());
    if (!q) return all;
    return all.filter((p) => p.id === placeId || fold(`${p.name} ${p.address ?? ''}`).includes(q));
  }, [places.data, search, placeId]);
  const chosenPlace = places.data?.find((p) => p.id === placeId);

  useMapLayer(map, () => {
    if (!districts.data) return null;
    return L.geoJSON(districts.data as never, {
      interactive: false,
      style: () => ({ color: '#1f3a5f', weight: 1.5, fillColor: '#e8eef4', fillOpacity: 0.15 }),
      onEachFeature: (f, layer) =>
        layer.bindTooltip(mapText(String(f.properties?.name ?? '')), {
          permanent: true,
          direction: 'center',
          className: 'area-label area-label-district',
        }),
    });
  }, [districts.data]);

  // Neighbourhoods give the reporter something to recognise once zoomed in (their names replace the districts').
  useMapLayer(map, () => {
    if (!neighbourhoods.data) return null;
    return L.geoJSON(neighbourhoods.data as never, {
      interactive: false,
      style: () => ({ color: '#58708a', weight: 1, dashArray: '4 3', fill: false }),
      onEachFeature: (f, layer) =>
        layer.bindTooltip(mapText(String(f.properties?.name ?? '')), {
          permanent: true,
          direction: 'center',
          className: 'area-label area-label-small area-label-neighbourhood',
        }),
    });
  }, [neighbourhoods.data]);

  useEffect(() => {
    if (!map) return;
    const container = map.getContainer();
    const update = () => container.classList.toggle('map-zoomed-in', map.getZoom() >= 13);
    map.on('zoomend', update);
    update();
    return () => {
      map.off('zoomend', update);
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    const click = (e: L.LeafletMouseEvent) =>
      onPoint({ lon: roundCoordinate(e.latlng.lng), lat: roundCoordinate(e.latlng.lat) });
    map.on('click', click);
    return () => {
      map.off('click', click);
    };
  }, [map, onPoint]);

  // A map click keeps the view; a chosen place or the device position brings the map to it.
  const showOnMap = (lat: number, lon: number) => map?.setView([lat, lon], Math.max(map.getZoom(), 15));

  useMapLayer(map, () => {
    if (!point) return null;
    return L.circleMarker([point.lat, point.lon], {
      radius: 10,
      color: '#ffffff',
      weight: 3,
      fillColor: '#c2410c',
      fillOpacity: 1,
      interactive: false,
    });
  }, [point?.lat, point?.lon]);

  const { state: geoState, locate: locateMe } = useDevicePosition(
    (p) => {
      onPoint(p);
      showOnMap(p.lat, p.lon);
    },
    { maximumAgeMs: 60_000 },
  );

  // The place list and the map answer for the whole group: they are described by its hint, status and error.
  const groupDescriptions = ['location-hint', 'location-status', locationError && 'location-error'];
  const pointFromKeyboard = (p: { lat: number; lon: number }) =>
    onPoint({ lon: roundCoordinate(p.lon), lat: roundCoordinate(p.lat) });
  const placeFromSearch = (hit: PlaceEntry) => {
    const chosen = hit.id ? places.data?.find((p) => p.id === hit.id) : undefined;
    if (chosen) onPlace(chosen);
  };
  return (
    <FieldGroup
      id="location"
      className="location-picker"
      legend={t('report.location')}
      hint={t('report.locationHelp')}
      error={locationError}
      required
    >
      <div className="location-grid">
        <div className="location-controls">
          <Field id="report-place-search" label={t('report.placeSearch')}>
            {(aria) => (
              <input
                {...aria}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <Field id="report-place" label={t('report.place')} describedBy={groupDescriptions}>
            {(aria) => (
              <select
                {...aria}
                value={placeId}
                aria-invalid={locationError ? true : undefined}
                onChange={(e) => {
                  const chosen = places.data?.find((p) => p.id === e.target.value) ?? null;
                  onPlace(chosen);
                  if (chosen) showOnMap(chosen.lat, chosen.lon);
                }}
              >
                <option value="">{t('report.placeNone')}</option>
                {options.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {placeId && (place.data?.zones.length ?? 0) > 0 && (
            <Field id="report-zone" label={t('report.zone')} error={zoneError}>
              {(aria) => (
                <select {...aria} value={zoneId} onChange={(e) => onZone(e.target.value)}>
                  <option value="">{t('report.zoneNone')}</option>
                  {place.data?.zones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {(i18n.language === 'en' && z.name_en) || z.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <button
            type="button"
            className="button button-secondary"
            onClick={locateMe}
            disabled={geoState === 'locating'}
          >
            {geoState === 'locating' ? t('report.locating') : t('report.useMyPosition')}
          </button>
          {geoState === 'failed' && (
            <p className="notice notice-warning" role="status">
              {t('report.geoUnavailable')}
            </p>
          )}
          <p id="location-status" className="location-status" aria-live="polite">
            {chosenPlace
              ? t('report.chosenPlace', { name: chosenPlace.name })
              : point
                ? t('report.chosenPoint', { lat: format.coordinate(point.lat), lon: format.coordinate(point.lon) })
                : t('report.noLocation')}
          </p>
        </div>
        <div className="report-map-frame">
          <MapView
            label={t('report.mapLabel')}
            describedBy={ariaDescribedBy(...groupDescriptions, 'location-keyboard-hint')}
            className={`report-map ${locationError ? 'map-invalid' : ''}`}
            onReady={setMap}
            basemapLabels={false}
            onSearchPick={placeFromSearch}
            onKeyboardPoint={pointFromKeyboard}
          />
          <p id="location-keyboard-hint" className="hint">
            {t('basemap.keyboardHint')}
          </p>
        </div>
      </div>
    </FieldGroup>
  );
}
