import L from 'leaflet';
import { type DependencyList, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
}

/**
 * A Leaflet map without any tile layer (the app works with no network): a plain background, vector layers
 * drawn on one canvas renderer. The parent adds its layers once `onReady` hands it the map.
 */
export function MapView({ label, describedBy, className, bounds, onReady, options }: Props) {
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

  // Zoom buttons named in the current language.
  useEffect(() => {
    if (!map) return;
    const zoom = L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
    return () => {
      zoom.remove();
    };
  }, [map, t]);

  return (
    <div
      ref={containerRef}
      className={`map ${className ?? ''}`}
      role="region"
      aria-label={label}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
    />
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
