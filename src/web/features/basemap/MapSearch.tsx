import { useQuery } from '@tanstack/react-query';
import type L from 'leaflet';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints.js';
import { usePlaces } from '../places/use-places.js';
import { loadOverview, loadStreetNames } from './basemap-data.js';
import { type PlaceEntry, searchPlaces } from './place-search.js';

interface Props {
  map: L.Map;
  /** Called with the chosen hit after the map has moved to it (a form may record a registered place). */
  onPick?: ((hit: PlaceEntry) => void) | undefined;
}

/**
 * Find a place by name and bring the map there: registered places, districts and stadsdelar, stations and the
 * basemap's street names. The lists are fetched only once someone starts searching, so the map's first view
 * does not wait for them. A combobox: arrows move through the hits, Enter picks, Escape closes.
 */
export function MapSearch({ map, onPick }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const places = usePlaces({}, wanted);
  const areas = useQuery({ queryKey: ['areas', 'all'], queryFn: () => endpoints.areas({}), enabled: wanted });
  const basemap = useQuery({
    queryKey: ['basemap-names'],
    queryFn: async () => ({ overview: await loadOverview(), streets: await loadStreetNames() }),
    enabled: wanted,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const entries = useMemo<PlaceEntry[]>(() => {
    const list: PlaceEntry[] = [];
    for (const p of places.data ?? []) list.push({ kind: 'place', name: p.name, lon: p.lon, lat: p.lat, id: p.id });
    for (const a of areas.data ?? []) {
      if (a.level === 'focus') continue;
      const [w, s, e, n] = a.bbox;
      list.push({ kind: a.level, name: a.name, lon: (w + e) / 2, lat: (s + n) / 2, bbox: a.bbox });
    }
    for (const f of basemap.data?.overview.stations.features ?? []) {
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      list.push({ kind: 'station', name: f.properties.name, lon, lat });
    }
    for (const [name, lon, lat] of basemap.data?.streets ?? []) list.push({ kind: 'street', name, lon, lat });
    return list;
  }, [places.data, areas.data, basemap.data]);

  const hits = useMemo(() => searchPlaces(query, entries), [query, entries]);
  const listId = `${id}-list`;
  const expanded = open && query.trim() !== '' && hits.length > 0;

  const pick = (hit: PlaceEntry) => {
    if (hit.bbox) {
      const [w, s, e, n] = hit.bbox;
      map.fitBounds(
        [
          [s, w],
          [n, e],
        ],
        { padding: [8, 8] },
      );
    } else {
      map.setView([hit.lat, hit.lon], Math.max(map.getZoom(), 16));
    }
    setQuery(hit.name);
    setOpen(false);
    setAnnouncement(t('basemap.shown', { name: hit.name }));
    onPick?.(hit);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      // The search must not submit the form it sits in.
      e.preventDefault();
      const hit = hits[active] ?? hits[0];
      if (hit) pick(hit);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const loading = wanted && (places.isLoading || areas.isLoading || basemap.isLoading);
  const status =
    !query.trim() || loading
      ? ''
      : hits.length
        ? t('basemap.searchResults', { count: hits.length })
        : t('basemap.searchNone');
  return (
    <div className="map-search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('basemap.searchLabel')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-hit-${active}` : undefined}
        placeholder={t('basemap.searchPlaceholder')}
        autoComplete="off"
        value={query}
        onFocus={() => setWanted(true)}
        onChange={(e) => {
          setWanted(true);
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={t('basemap.searchLabel')} hidden={!expanded}>
        {expanded &&
          hits.map((hit, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the input owns the keyboard (arrows, Enter) of this combobox
            <div
              key={`${hit.kind}:${hit.name}:${hit.id ?? ''}`}
              id={`${id}-hit-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onClick={(e) => {
                // React handles this in the control before the map sees it; the map must not take it as a click
                // on the map (the hit is gone from the page by then, so Leaflet cannot tell).
                e.stopPropagation();
                pick(hit);
              }}
            >
              <span>{hit.name}</span> <span className="map-search-kind">{t(`basemap.kinds.${hit.kind}`)}</span>
            </div>
          ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {status || announcement}
      </p>
    </div>
  );
}
