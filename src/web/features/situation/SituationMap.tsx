import { cellToBoundary } from 'h3-js';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SituationReport } from '../../../domain/situation.js';
import type { AreaDetail, AreaFeatureCollection } from '../../api/endpoints.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { addDistrictOutline } from '../../components/district-outline.js';
import { bboxToBounds, MapView, useMapLayer } from '../../components/MapView.js';
import { mapText } from '../../components/map-text.js';

export type SituationLayer = 'points' | 'hotspots' | 'emerging' | 'density';
export type GiClass = SituationReport['hotspots']['cells'][number]['class'];
export type EmergingClass = NonNullable<SituationReport['emerging']>['cells'][number]['class'];

/** Colours of the "unusual for the place" classes: the new and intensifying ones strongest; the legend names each. */
export const EMERGING_COLOURS: Record<EmergingClass, string> = {
  new: '#b2182b',
  intensifying: '#762a83',
  persistent: '#f4a582',
  sporadic: '#fee090',
};
export const EMERGING_ORDER: readonly EmergingClass[] = ['new', 'intensifying', 'persistent', 'sporadic'];

/** Colours of the Gi* classes (diverging, red hot, blue cold); the legend always names the class too. */
export const GI_COLOURS: Record<GiClass, string> = {
  hot99: '#b2182b',
  hot95: '#ef8a62',
  hot90: '#fddbc7',
  cold90: '#d1e5f0',
  cold95: '#67a9cf',
  cold99: '#2166ac',
  none: '#f0f0f0',
};
export const GI_ORDER: readonly GiClass[] = ['hot99', 'hot95', 'hot90', 'cold90', 'cold95', 'cold99'];

/** Density colour ramp from pale yellow to dark red, by share of the maximum. */
export function densityColour(share: number): string {
  const stops = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
  return stops[Math.min(stops.length - 1, Math.floor(share * stops.length))]!;
}
export const DENSITY_STOPS = [0.1, 0.3, 0.5, 0.7, 0.9];

interface Props {
  /** The district; absent for the whole city (its stadsdelar alone are drawn, over the default city view). */
  area: AreaDetail | undefined;
  neighbourhoods: AreaFeatureCollection | undefined;
  report: SituationReport;
  layer: SituationLayer;
  label: string;
  describedBy: string;
}

/** The district (or the city) with the week's incidents as points, Gi* hotspot cells or a density grid. */
export function SituationMap({ area, neighbourhoods, report, layer, label, describedBy }: Props) {
  const [map, setMap] = useState<L.Map | null>(null);
  const categoryLabel = useCategoryLabel();
  const { t } = useTranslation();

  useEffect(() => {
    if (area) map?.fitBounds(bboxToBounds(area.bbox), { padding: [12, 12] });
  }, [map, area]);

  useMapLayer(map, () => {
    const group = L.layerGroup();
    addDistrictOutline(group, area, neighbourhoods, false);
    return group;
  }, [area, neighbourhoods]);

  useMapLayer(map, () => {
    const group = L.layerGroup();
    if (layer === 'points') {
      for (const p of report.points) {
        L.circleMarker([p.lat, p.lon], {
          radius: 5,
          color: '#ffffff',
          weight: 1.5,
          fillColor: '#c2410c',
          fillOpacity: 0.9,
        })
          .bindTooltip(mapText(categoryLabel(p.category)))
          .addTo(group);
      }
    } else if (layer === 'hotspots') {
      for (const c of report.hotspots.cells) {
        const ring = cellToBoundary(c.cell).map(([lat, lon]) => L.latLng(lat, lon));
        L.polygon(ring, { weight: 0.8, color: '#333333', fillColor: GI_COLOURS[c.class], fillOpacity: 0.8 })
          .bindTooltip(
            mapText(t('basemap.hotspotTooltip', { label: t(`situation.giClasses.${c.class}`), count: c.count })),
          )
          .addTo(group);
      }
    } else if (layer === 'emerging') {
      for (const c of report.emerging?.cells ?? []) {
        const ring = cellToBoundary(c.cell).map(([lat, lon]) => L.latLng(lat, lon));
        const text = t('situation.emergingTooltip', {
          label: t(`situation.emergingClasses.${c.class}`),
          sum: c.local_sum,
          expected: c.expected.toFixed(1),
        });
        L.polygon(ring, { weight: 0.8, color: '#333333', fillColor: EMERGING_COLOURS[c.class], fillOpacity: 0.8 })
          .bindTooltip(mapText(text))
          .addTo(group);
      }
    } else {
      const d = report.density;
      const max = d.max > 0 ? d.max : 1;
      for (const [col, row, value] of d.cells) {
        const south = d.origin.lat + row * d.cell_deg.lat;
        const west = d.origin.lon + col * d.cell_deg.lon;
        L.rectangle(
          [
            [south, west],
            [south + d.cell_deg.lat, west + d.cell_deg.lon],
          ],
          {
            interactive: false,
            stroke: false,
            fillColor: densityColour(value / max),
            fillOpacity: 0.7,
          },
        ).addTo(group);
      }
    }
    return group;
  }, [layer, report, categoryLabel, t]);

  return (
    <MapView
      label={label}
      describedBy={describedBy}
      {...(area ? { bounds: bboxToBounds(area.bbox) } : {})}
      className="district-map situation-map"
      onReady={setMap}
    />
  );
}
