import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import type { UnitView } from '../../../domain/views.js';
import { useToday } from '../../components/time-zone.js';
import { MapView, useMapLayer } from '../../components/MapView.js';
import { useDistrictsGeojson } from '../areas/use-areas.js';
import { POINT_STYLE } from '../programme/ProgrammeMap.js';
import { mapText } from '../../components/map-text.js';

export type UnitPointKind = 'measure' | 'premise';

/** One marker: a premise, or a place where one of the unit's measures runs. */
export interface UnitPoint {
  kind: UnitPointKind;
  label: string;
  lon: number;
  lat: number;
}

/** The unit's premises and every place of its measures (a measure with three places gives three points). */
export function unitPoints(view: UnitView): UnitPoint[] {
  return [
    ...view.premises.map((p) => ({ kind: 'premise' as const, label: p.name, lon: p.lon, lat: p.lat })),
    ...view.measures.flatMap(({ measure: m }) =>
      m.places.map((p) => ({ kind: 'measure' as const, label: `${m.title} – ${p.name}`, lon: p.lon, lat: p.lat })),
    ),
  ];
}

interface Props {
  points: readonly UnitPoint[];
  kindLabel: (kind: UnitPointKind) => string;
  label: string;
  describedBy: string;
}

const DISTRICT_STYLE: L.PathOptions = {
  color: '#6b7c8f',
  weight: 1,
  fillColor: '#eef2f6',
  fillOpacity: 0.6,
  interactive: false,
};

/**
 * The unit's premises and measure places across the city, over today's district outlines for orientation
 * (the tables below are the alternative). A unit has tens of points, not thousands, so they are drawn as SVG
 * in the marker pane: above the outlines, one element per marker with its kind as a class.
 */
export function UnitMap({ points, kindLabel, label, describedBy }: Props) {
  const [map, setMap] = useState<L.Map | null>(null);
  const districts = useDistrictsGeojson(useToday());
  const renderer = useMemo(() => L.svg({ padding: 0.5, pane: 'markerPane' }), []);
  useEffect(() => {
    if (map && points.length)
      map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])), { padding: [32, 32], maxZoom: 15 });
  }, [map, points]);

  useMapLayer(
    map,
    () => (districts.data ? L.geoJSON(districts.data as never, { style: () => DISTRICT_STYLE }) : null),
    [districts.data],
  );

  useMapLayer(map, () => {
    const group = L.layerGroup();
    // Premises first: a measure at the unit's own premises stays visible on top.
    for (const kind of ['premise', 'measure'] as const) {
      const s = POINT_STYLE[kind];
      for (const p of points.filter((x) => x.kind === kind)) {
        L.circleMarker([p.lat, p.lon], {
          renderer,
          className: `unit-map-${kind}`,
          radius: s.radius + 2,
          color: s.colour,
          weight: 2.5,
          fillColor: s.colour,
          fillOpacity: 0.85,
        })
          .bindTooltip(mapText(`${kindLabel(kind)}: ${p.label}`))
          .addTo(group);
      }
    }
    return group;
  }, [points, kindLabel, renderer]);

  return <MapView label={label} describedBy={describedBy} className="district-map unit-map" onReady={setMap} />;
}
