import L from 'leaflet';
import type { AreaDetail, AreaFeatureCollection } from '../api/endpoints.js';
import { mapText } from './map-text.js';

/**
 * A district's neighbourhoods (dashed, named on hover) and its own outline on top, as every district map
 * draws them. `fillOutline` shades the district when there are no neighbourhoods to shade instead. Without a
 * district (the city-wide situation report) only the neighbourhoods are drawn.
 */
export function addDistrictOutline(
  group: L.LayerGroup,
  area: AreaDetail | undefined,
  neighbourhoods: AreaFeatureCollection | undefined,
  fillOutline: boolean,
): void {
  if (neighbourhoods) {
    L.geoJSON(neighbourhoods as never, {
      style: () => ({ color: '#58708a', weight: 1, dashArray: '4 3', fillColor: '#e8eef4', fillOpacity: 0.2 }),
      onEachFeature: (f, layer) =>
        layer.bindTooltip(mapText(String(f.properties?.name ?? '')), { sticky: true, className: 'area-tooltip' }),
    }).addTo(group);
  }
  if (!area) return;
  L.geoJSON({ type: 'Feature', geometry: area.geometry, properties: {} } as never, {
    interactive: false,
    style: () => ({
      color: '#1f3a5f',
      weight: 3,
      fill: fillOutline && !neighbourhoods,
      fillColor: '#e8eef4',
      fillOpacity: 0.2,
    }),
  }).addTo(group);
}
