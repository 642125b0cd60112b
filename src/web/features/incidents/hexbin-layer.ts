import { cellToBoundary } from 'h3-js';
import L from 'leaflet';
import type { Hexbin } from '../../api/endpoints.js';
import { classOf, type HexbinClass } from './hexbin-classes.js';

/**
 * H3 cells as filled hexagons, coloured by class. Not interactive: clicks fall through to the areas below,
 * and the numbers are in the legend and the pointer read-out, never in colour alone.
 */
export function hexbinLayer(hexbins: readonly Hexbin[], classes: readonly HexbinClass[]): L.LayerGroup {
  const group = L.layerGroup();
  for (const h of hexbins) {
    const cls = classOf(classes, h.count);
    const ring = cellToBoundary(h.cell).map(([lat, lon]) => L.latLng(lat, lon));
    L.polygon(ring, {
      interactive: false,
      weight: 0.6,
      color: '#5c2a00',
      fillColor: cls?.colour ?? '#cccccc',
      fillOpacity: 0.8,
    }).addTo(group);
  }
  return group;
}
