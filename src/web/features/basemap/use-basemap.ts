import './basemap.css';
import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { mapContract } from '../../../contracts/map.contract.js';
import type { MapConfig } from '../../../domain/basemap.js';
import { call } from '../../api/call.js';
import type { Bbox } from './convert.js';
import { addOfflineBasemap, STREET_ZOOM } from './offline-basemap.js';

/** `?basemap=off` in the address draws the maps without a basemap (for comparing first-view times). */
function basemapOff(): boolean {
  return new URLSearchParams(window.location.search).get('basemap') === 'off';
}

export function useMapConfig() {
  return useQuery({
    queryKey: ['map-config'],
    queryFn: () => call(mapContract.config),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Draws the basemap under `map`: the deployment's online tiles when configured, else the built-in offline one,
 * with its attribution, and a note where the offline streets are missing. Marks the container
 * `data-basemap="drawn"` once the first view is complete.
 */
export function useBasemap(map: L.Map | null, placeLabels: boolean): void {
  const { t } = useTranslation();
  const config = useMapConfig();
  // A failed config answer falls back to the offline basemap rather than none.
  const resolved: MapConfig | undefined = config.data ?? (config.isError ? { tiles: null } : undefined);

  useEffect(() => {
    if (!map || !resolved || basemapOff()) return;
    const container = map.getContainer();
    const drawn = () => container.setAttribute('data-basemap', 'drawn');
    const tiles = resolved.tiles;
    if (tiles) {
      const layer = L.tileLayer(tiles.url, {
        attribution: escapeHtml(tiles.attribution),
        maxZoom: tiles.maxZoom,
        crossOrigin: false,
      });
      layer.once('load', drawn);
      layer.addTo(map);
      return () => {
        layer.remove();
        container.removeAttribute('data-basemap');
      };
    }
    const attribution = escapeHtml(t('basemap.attribution'));
    map.attributionControl.addAttribution(attribution);
    const note = streetsNote(map, t('basemap.noStreets'));
    const remove = addOfflineBasemap(map, {
      placeLabels,
      onDrawn: () => requestAnimationFrame(drawn),
      onStreetsBbox: note.setBbox,
    });
    return () => {
      remove();
      note.remove();
      map.attributionControl.removeAttribution(attribution);
      container.removeAttribute('data-basemap');
    };
  }, [map, resolved?.tiles?.url, resolved === undefined, placeLabels, t]);
}

/** A note in the map's corner, shown when zoomed in to where the street layer has no data. */
function streetsNote(map: L.Map, text: string) {
  let bbox: Bbox | null = null;
  let known = false;
  const control = new L.Control({ position: 'bottomleft' });
  control.onAdd = () => {
    const p = L.DomUtil.create('p', 'leaflet-control map-streets-note');
    p.textContent = text;
    p.hidden = true;
    return p;
  };
  control.addTo(map);
  const update = () => {
    const el = control.getContainer();
    if (!el) return;
    const c = map.getCenter();
    const outside = !bbox || c.lng < bbox[0] || c.lng > bbox[2] || c.lat < bbox[1] || c.lat > bbox[3];
    el.hidden = !(known && map.getZoom() >= STREET_ZOOM + 1 && outside);
  };
  map.on('moveend zoomend', update);
  return {
    setBbox: (b: Bbox | null) => {
      bbox = b;
      known = true;
      update();
    },
    remove: () => {
      map.off('moveend zoomend', update);
      control.remove();
    },
  };
}

/** Leaflet writes attributions as HTML: configured and translated texts are shown as text. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
