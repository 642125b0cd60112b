import { latLngToCell } from 'h3-js';
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaFeatureCollection, Hexbin } from '../../api/endpoints.js';
import { MapView, useMapLayer } from '../../components/MapView.js';
import { useFormat } from '../../components/use-format.js';
import type { HexbinClass } from '../incidents/hexbin-classes.js';
import { hexbinLayer } from '../incidents/hexbin-layer.js';
import { mapText } from '../../components/map-text.js';

interface Props {
  districts: AreaFeatureCollection | undefined;
  hexbins: readonly Hexbin[];
  classes: readonly HexbinClass[];
  resolution: number;
  /** Resolution 8 at city zoom, 9 when zoomed in. */
  onResolutionChange: (resolution: number) => void;
  onDistrictClick: (id: string) => void;
  describedBy?: string;
}

const DISTRICT_STYLE: L.PathOptions = { color: '#1f3a5f', weight: 2, fillColor: '#dfe7ef', fillOpacity: 0.55 };
const DISTRICT_HOVER: L.PathOptions = { fillColor: '#b9cde0', fillOpacity: 0.7 };
export const DETAIL_ZOOM = 13;

/** The city map: district polygons (clickable, labelled), incident hexbins on top, district outlines above those. */
export function CityMap({
  districts,
  hexbins,
  classes,
  resolution,
  onResolutionChange,
  onDistrictClick,
  describedBy,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [map, setMap] = useState<L.Map | null>(null);
  const [hover, setHover] = useState<{ district?: string; count?: number } | null>(null);
  const clickRef = useRef(onDistrictClick);
  clickRef.current = onDistrictClick;
  const countByCell = useMemo(() => new Map(hexbins.map((h) => [h.cell, h.count])), [hexbins]);

  // Fit to the districts whenever the layout changes.
  useEffect(() => {
    if (!map || !districts || districts.features.length === 0) return;
    map.fitBounds(L.geoJSON(districts as never).getBounds(), { padding: [8, 8] });
  }, [map, districts]);

  useEffect(() => {
    if (!map) return;
    const update = () => onResolutionChange(map.getZoom() >= DETAIL_ZOOM ? 9 : 8);
    map.on('zoomend', update);
    update();
    return () => {
      map.off('zoomend', update);
    };
  }, [map, onResolutionChange]);

  useMapLayer(map, () => {
    if (!districts) return null;
    return L.geoJSON(districts as never, {
      style: () => DISTRICT_STYLE,
      onEachFeature: (feature, layer) => {
        const name = String(feature.properties?.name ?? '');
        const id = String(feature.id ?? feature.properties?.id ?? '');
        layer.bindTooltip(mapText(name), {
          permanent: true,
          direction: 'center',
          className: 'area-label',
          interactive: false,
        });
        layer.on({
          click: () => clickRef.current(id),
          mouseover: (e) => {
            (e.target as L.Path).setStyle(DISTRICT_HOVER);
            setHover((h) => ({ ...h, district: name }));
          },
          mouseout: (e) => {
            (e.target as L.Path).setStyle(DISTRICT_STYLE);
            setHover(null);
          },
        });
      },
    });
  }, [districts]);

  // Hexbins are not interactive, so clicks reach the district below; the outlines are redrawn on top.
  useMapLayer(map, () => {
    const group = hexbinLayer(hexbins, classes);
    if (districts) {
      L.geoJSON(districts as never, {
        interactive: false,
        style: () => ({ color: '#1f3a5f', weight: 2, fill: false }),
      }).addTo(group);
    }
    return group;
  }, [hexbins, classes, districts]);

  // The count under the pointer, so nobody has to read numbers from colours.
  useEffect(() => {
    if (!map) return;
    const move = (e: L.LeafletMouseEvent) => {
      const cell = latLngToCell(e.latlng.lat, e.latlng.lng, resolution);
      setHover((h) => ({ ...h, count: countByCell.get(cell) ?? 0 }));
    };
    const out = () => setHover(null);
    map.on('mousemove', move);
    map.on('mouseout', out);
    return () => {
      map.off('mousemove', move);
      map.off('mouseout', out);
    };
  }, [map, countByCell, resolution]);

  return (
    <div className="map-frame">
      <MapView
        label={t('start.mapLabel')}
        {...(describedBy ? { describedBy } : {})}
        className="city-map"
        onReady={setMap}
      />
      {hover && (hover.district || hover.count !== undefined) && (
        <div className="map-info" aria-hidden="true">
          {hover.district && <strong>{hover.district}</strong>}
          {hover.count !== undefined && (
            <span>{t('hexbins.tooltip', { count: hover.count, formatted: format.number(hover.count) })}</span>
          )}
        </div>
      )}
    </div>
  );
}
