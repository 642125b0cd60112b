import L from 'leaflet';
import { type DependencyList, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { MapSearch } from '../features/basemap/MapSearch.js';
import type { PlaceEntry } from '../features/basemap/place-search.js';
import { useBasemap } from '../features/basemap/use-basemap.js';

/** Stockholm municipality, roughly: the first view before any data arrives. */
export const STOCKHOLM_BOUNDS: L.LatLngBoundsExpression = [
  [59.227, 17.761],
  [59.441, 18.2],
];

interface Props {
  /** Accessible name of the map region. */
  label: string;
  /** id of a text that points to the list alternative or explains the map. */
  describedBy?: string;
  className?: string;
  bounds?: L.LatLngBoundsExpression;
  onReady: (map: L.Map | null) => void;
  /** Extra Leaflet options (zoom limits and the like). */
  options?: L.MapOptions;
  /** Stadsdel names from the basemap; off where the map names the areas itself. */
  basemapLabels?: boolean;
  /** The place search on the map (on unless turned off); `onSearchPick` hears the chosen hit. */
  search?: boolean;
  onSearchPick?: (hit: PlaceEntry) => void;
  /** Enter on the focused map hands its centre (marked by a cross) here: the keyboard way to set a point. */
  onKeyboardPoint?: (point: { lat: number; lon: number }) => void;
}

/**
 * A Leaflet map over the basemap (the built-in offline one, or the deployment's tiles), with vector layers
 * drawn on one canvas renderer and a place search. The parent adds its layers once `onReady` hands it the map.
 */
export function MapView({
  label,
  describedBy,
  className,
  bounds,
  onReady,
  options,
  basemapLabels = true,
  search = true,
  onSearchPick,
  onKeyboardPoint,
}: Props) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const initialBounds = useRef(bounds ?? STOCKHOLM_BOUNDS);
  const initialOptions = useRef(options);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const map = L.map(el, {
      preferCanvas: true,
      zoomSnap: 0.25,
      minZoom: 9,
      maxZoom: 18,
      attributionControl: true,
      zoomControl: false,
      ...initialOptions.current,
    });
    map.attributionControl.setPrefix('Leaflet');
    map.fitBounds(initialBounds.current, { padding: [8, 8] });
    // Leaflet makes the container focusable for keyboard panning; give it a name.
    el.setAttribute('aria-label', label);
    setMap(map);
    onReadyRef.current(map);
    return () => {
      setMap(null);
      onReadyRef.current(null);
      map.remove();
    };
    // The map is created once; the label is kept up to date below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    containerRef.current?.setAttribute('aria-label', label);
  }, [label]);

  useBasemap(map, basemapLabels);

  // Zoom buttons named in the current language. They are links that act as buttons: Space presses them
  // instead of scrolling the page.
  useEffect(() => {
    if (!map) return;
    const zoom = L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
    const container = zoom.getContainer();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || !(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'button') return;
      e.preventDefault();
      e.target.click();
    };
    container?.addEventListener('keydown', onKey);
    return () => {
      container?.removeEventListener('keydown', onKey);
      zoom.remove();
    };
  }, [map, t]);

  // Hover texts can be dismissed with Escape without moving the pointer (WCAG 1.4.13).
  useEffect(() => {
    if (!map) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      map.eachLayer((layer) => {
        const tooltip = layer.getTooltip();
        if (tooltip && !tooltip.options.permanent && layer.isTooltipOpen()) layer.closeTooltip();
      });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [map]);

  const keyboardPoint = useRef(onKeyboardPoint);
  keyboardPoint.current = onKeyboardPoint;
  const wantsKeyboardPoint = Boolean(onKeyboardPoint);
  useEffect(() => {
    const el = containerRef.current;
    if (!map || !el || !wantsKeyboardPoint) return;
    el.classList.add('map-keyboard-point');
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.target !== el) return;
      e.preventDefault();
      const c = map.getCenter();
      keyboardPoint.current?.({ lat: c.lat, lon: c.lng });
    };
    el.addEventListener('keydown', onKey);
    return () => {
      el.classList.remove('map-keyboard-point');
      el.removeEventListener('keydown', onKey);
    };
  }, [map, wantsKeyboardPoint]);

  // The search sits in a map control; React renders into it through a portal.
  const [searchHost, setSearchHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!map || !search) return;
    const control = new L.Control({ position: 'topright' });
    control.onAdd = () => {
      const div = L.DomUtil.create('div', 'leaflet-control map-search-control');
      // Clicks, drags and wheel turns in the search are not the map's.
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(map);
    setSearchHost(control.getContainer() ?? null);
    return () => {
      setSearchHost(null);
      control.remove();
    };
  }, [map, search]);

  return (
    <div
      ref={containerRef}
      className={`map ${className ?? ''}`}
      role="region"
      aria-label={label}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
    >
      {map && searchHost && createPortal(<MapSearch map={map} onPick={onSearchPick} />, searchHost)}
    </div>
  );
}

/** Adds the layer `create` returns while the map exists and the deps stay the same; removes it afterwards. */
export function useMapLayer(
  map: L.Map | null,
  create: (map: L.Map) => L.Layer | null | undefined,
  deps: DependencyList,
): void {
  useEffect(() => {
    if (!map) return;
    const layer = create(map);
    if (!layer) return;
    layer.addTo(map);
    return () => {
      layer.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, ...deps]);
}

/** GeoJSON bbox [minLon, minLat, maxLon, maxLat] as Leaflet bounds. */
export function bboxToBounds(b: readonly [number, number, number, number]): L.LatLngBoundsExpression {
  return [
    [b[1], b[0]],
    [b[3], b[2]],
  ];
}
