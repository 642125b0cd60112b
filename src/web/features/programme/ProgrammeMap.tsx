import L from 'leaflet';
import { useEffect, useState } from 'react';
import type { DistrictView } from '../../../domain/views.js';
import type { AreaDetail, AreaFeatureCollection } from '../../api/endpoints.js';
import { addDistrictOutline } from '../../components/district-outline.js';
import { bboxToBounds, MapView, useMapLayer } from '../../components/MapView.js';
import { mapText } from '../../components/map-text.js';

type PointKind = DistrictView['points'][number]['kind'];

/** One colour and shape per kind; the legend and the tables name them too. */
export const POINT_STYLE: Record<PointKind, { colour: string; radius: number }> = {
  problem: { colour: '#b2182b', radius: 9 },
  measure: { colour: '#1d6fa5', radius: 6 },
  premise: { colour: '#5b3f8c', radius: 4 },
};

export const PROBLEM_AREA_COLOUR = '#b2182b';

interface Props {
  area: AreaDetail;
  neighbourhoods: AreaFeatureCollection | undefined;
  points: DistrictView['points'];
  /** Problems that name an area rather than places: their neighbourhood (or the district) is outlined. */
  problemAreas: ReadonlyMap<string, readonly string[]>;
  /** Names each point's kind in its tooltip. */
  kindLabel: (kind: PointKind) => string;
  label: string;
  describedBy: string;
}

/** The district with its problems, measures and unit premises as points (the tables below are the alternative). */
export function ProgrammeMap({ area, neighbourhoods, points, problemAreas, kindLabel, label, describedBy }: Props) {
  const [map, setMap] = useState<L.Map | null>(null);
  useEffect(() => {
    map?.fitBounds(bboxToBounds(area.bbox), { padding: [12, 12] });
  }, [map, area.bbox]);

  useMapLayer(map, () => {
    const group = L.layerGroup();
    addDistrictOutline(group, area, neighbourhoods, false);
    const shapes = [
      ...(neighbourhoods?.features ?? []),
      { type: 'Feature' as const, geometry: area.geometry, properties: { id: area.id } },
    ];
    for (const f of shapes) {
      const titles = problemAreas.get(String(f.properties.id));
      if (!titles) continue;
      L.geoJSON(f as never, {
        style: () => ({ color: PROBLEM_AREA_COLOUR, weight: 3, fillColor: PROBLEM_AREA_COLOUR, fillOpacity: 0.12 }),
      })
        .bindTooltip(mapText(...titles.map((t) => `${kindLabel('problem')}: ${t}`)), { sticky: true })
        .addTo(group);
    }
    // Premises first, problems last: the larger problem rings stay visible around a measure at the same place.
    for (const kind of ['premise', 'measure', 'problem'] as const) {
      for (const p of points.filter((x) => x.kind === kind)) {
        const s = POINT_STYLE[kind];
        L.circleMarker([p.lat, p.lon], {
          radius: s.radius,
          color: s.colour,
          weight: 2.5,
          fillColor: s.colour,
          fillOpacity: kind === 'problem' ? 0.15 : 0.85,
        })
          .bindTooltip(mapText(`${kindLabel(kind)}: ${p.label}`))
          .addTo(group);
      }
    }
    return group;
  }, [area, neighbourhoods, points, problemAreas, kindLabel]);

  return (
    <MapView
      label={label}
      describedBy={describedBy}
      bounds={bboxToBounds(area.bbox)}
      className="district-map programme-map"
      onReady={setMap}
    />
  );
}
