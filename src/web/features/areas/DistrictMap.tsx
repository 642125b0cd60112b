import L from 'leaflet';
import { useEffect, useState } from 'react';
import type { AreaDetail, AreaFeatureCollection, Hexbin, IncidentFeatureCollection } from '../../api/endpoints.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { addDistrictOutline } from '../../components/district-outline.js';
import { bboxToBounds, MapView, useMapLayer } from '../../components/MapView.js';
import { useFormat } from '../../components/use-format.js';
import type { HexbinClass } from '../incidents/hexbin-classes.js';
import { hexbinLayer } from '../incidents/hexbin-layer.js';
import { mapText } from '../../components/map-text.js';

interface Props {
  area: AreaDetail;
  neighbourhoods: AreaFeatureCollection | undefined;
  /** Points for signed-in staff... */
  incidents: IncidentFeatureCollection | undefined;
  /** ...or, for visitors, counts per H3 cell. */
  hexbins?: { cells: readonly Hexbin[]; classes: readonly HexbinClass[] } | undefined;
  label: string;
  describedBy?: string;
}

/** One district: its outline, its neighbourhoods (named on hover) and recent incidents as points or hexbins. */
export function DistrictMap({ area, neighbourhoods, incidents, hexbins, label, describedBy }: Props) {
  const [map, setMap] = useState<L.Map | null>(null);
  const categoryLabel = useCategoryLabel();
  const format = useFormat();

  useEffect(() => {
    map?.fitBounds(bboxToBounds(area.bbox), { padding: [12, 12] });
  }, [map, area.bbox]);

  useMapLayer(map, () => {
    const group = L.layerGroup();
    addDistrictOutline(group, area, neighbourhoods, true);
    return group;
  }, [area, neighbourhoods]);

  useMapLayer(map, () => (hexbins ? hexbinLayer(hexbins.cells, hexbins.classes) : null), [hexbins]);

  // Only exact and place-precision points are ever drawn (the query asks for nothing else).
  useMapLayer(map, () => {
    if (!incidents) return null;
    const group = L.layerGroup();
    // Demo points first, so reported incidents are drawn on top of them.
    const ordered = [...incidents.features].sort(
      (a, b) => Number(b.properties.generated) - Number(a.properties.generated),
    );
    for (const f of ordered) {
      if (!f.geometry) continue;
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      L.circleMarker([lat, lon], {
        radius: 6,
        color: '#ffffff',
        weight: 1.5,
        fillColor: p.generated ? '#7a4d9c' : '#c2410c',
        fillOpacity: 0.9,
      })
        .bindTooltip(mapText(`${categoryLabel(p.category)} · ${format.dateTime(p.occurred_at)}`))
        .addTo(group);
    }
    return group;
  }, [incidents, categoryLabel, format]);

  return (
    <MapView
      label={label}
      {...(describedBy ? { describedBy } : {})}
      bounds={bboxToBounds(area.bbox)}
      className="district-map"
      onReady={setMap}
    />
  );
}
