import L from 'leaflet';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import type { BasemapDetail, BasemapOverview, Bbox, RoadProps } from './convert.js';
import { loadDetail, loadOverview } from './basemap-data.js';

/** Zoom from which the central streets (and full-detail shores) are drawn. */
export const STREET_ZOOM = 13;
/** Zoom from which street names are written along the streets. */
const STREET_NAME_ZOOM = 15;
const STATION_ZOOM = 12;
const STATION_NAME_ZOOM = 14;
const PLACE_LABEL_ZOOMS = [11, 15] as const;

const RAIL_COLOURS: Record<string, string> = {
  'Tunnelbanan, röda linjen': '#d7263d',
  'Tunnelbanan, gröna linjen': '#2e9e4f',
  'Tunnelbanan, blå linjen': '#1d6fc2',
  Pendeltåg: '#b0468b',
};
const MAJOR_ROADS = new Set(['motorway', 'trunk', 'primary', 'secondary']);

export interface OfflineBasemapOptions {
  /** Stadsdel names from the basemap; off where the map names its own areas. */
  placeLabels: boolean;
  /** Called once the overview layers are on the map (the first view is complete). */
  onDrawn: () => void;
  /** Called with the box the street layer covers, once known. */
  onStreetsBbox: (bbox: Bbox | null) => void;
}

/**
 * The built-in basemap under a map's own layers: water, rail lines and stations and stadsdel names on every
 * view, streets (with names when zoomed in far enough) where the street layer has data. All of it is drawn on
 * one canvas in a pane below the overlays, and none of it takes clicks or keyboard focus.
 */
export function addOfflineBasemap(map: L.Map, options: OfflineBasemapOptions): () => void {
  ensurePane(map, 'basemap', 250);
  ensurePane(map, 'basemap-labels', 380);
  const renderer = L.canvas({ pane: 'basemap', padding: 0.3 });
  const base = L.layerGroup().addTo(map);
  const labels = L.layerGroup().addTo(map);
  let overview: BasemapOverview | null = null;
  let detail: BasemapDetail | null = null;
  let detailRequested = false;
  let overviewWater: L.Layer | null = null;
  let detailLayers: L.LayerGroup | null = null;
  let removed = false;
  map.getContainer().classList.add('has-basemap');

  const drawOverview = (o: BasemapOverview) => {
    overviewWater = waterLayer(o.water, renderer);
    base.addLayer(overviewWater);
    base.addLayer(
      L.geoJSON(
        o.rail as never,
        {
          renderer,
          interactive: false,
          style: (f) => railStyle(f?.properties as { kind: string; name: string } | undefined),
        } as L.GeoJSONOptions,
      ),
    );
    options.onStreetsBbox(o.streetsBbox);
    options.onDrawn();
  };

  const drawDetail = (d: BasemapDetail) => {
    detailLayers = L.layerGroup([
      waterLayer(d.water, renderer),
      L.geoJSON(
        d.roads as never,
        {
          renderer,
          interactive: false,
          style: (f) => roadStyle(f?.properties as RoadProps | undefined, map.getZoom()),
        } as L.GeoJSONOptions,
      ),
    ]);
  };

  // Which layers and names fit the current zoom and view.
  const update = () => {
    if (removed || !overview) return;
    const zoom = map.getZoom();
    const detailed = zoom >= STREET_ZOOM;
    if (detailed && !detail && !detailRequested) {
      detailRequested = true;
      loadDetail()
        .then((d) => {
          if (removed) return;
          detail = d;
          drawDetail(d);
          update();
        })
        .catch(() => {
          detailRequested = false;
        });
    }
    if (detailLayers) {
      const on = detailed;
      if (on && !base.hasLayer(detailLayers)) {
        base.addLayer(detailLayers);
        if (overviewWater) base.removeLayer(overviewWater);
      } else if (!on && base.hasLayer(detailLayers)) {
        base.removeLayer(detailLayers);
        if (overviewWater) base.addLayer(overviewWater);
      }
      if (on) restyleRoads(detailLayers, zoom);
    }
    labels.clearLayers();
    for (const l of placeLabels(map, overview, detailed ? detail : null, options.placeLabels)) labels.addLayer(l);
  };

  loadOverview()
    .then((o) => {
      if (removed) return;
      overview = o;
      drawOverview(o);
      update();
    })
    .catch(() => undefined); // without the asset the map still works, on its plain background
  map.on('zoomend moveend', update);

  return () => {
    removed = true;
    map.off('zoomend moveend', update);
    base.remove();
    labels.remove();
    map.getContainer().classList.remove('has-basemap');
  };
}

function ensurePane(map: L.Map, name: string, zIndex: number): HTMLElement {
  const existing = map.getPane(name);
  if (existing) return existing;
  const pane = map.createPane(name);
  pane.style.zIndex = String(zIndex);
  pane.style.pointerEvents = 'none';
  // The names are a picture of the map; its text alternative is the page's tables and the place search.
  pane.setAttribute('aria-hidden', 'true');
  return pane;
}

function waterLayer(water: BasemapOverview['water'], renderer: L.Renderer): L.Layer {
  return L.geoJSON(
    water as never,
    {
      renderer,
      interactive: false,
      style: () => ({ stroke: false, fillColor: '#aacbe6', fillOpacity: 1 }),
    } as L.GeoJSONOptions,
  );
}

function railStyle(p: { kind: string; name: string } | undefined): L.PathOptions {
  const colour = (p && RAIL_COLOURS[p.name]) ?? '#7a6a58';
  // Most of the inner-city metro runs underground: thin and translucent, so it does not read as a street.
  return { color: colour, weight: p?.kind === 'subway' ? 2.5 : 2, opacity: p?.kind === 'subway' ? 0.7 : 0.85 };
}

function roadStyle(p: RoadProps | undefined, zoom: number): L.PathOptions {
  const major = p ? MAJOR_ROADS.has(p.kind) || p.kind.endsWith('_link') : false;
  const scale = Math.max(0.6, Math.min(2.2, (zoom - 12) * 0.45));
  return {
    color: major ? '#e8b86a' : '#ffffff',
    weight: (major ? 3.2 : 2.2) * scale,
    opacity: p?.tunnel ? 0.45 : 1,
    dashArray: p?.tunnel ? '4 4' : undefined,
    lineCap: 'round',
  };
}

function restyleRoads(group: L.LayerGroup, zoom: number) {
  group.eachLayer((layer) => {
    if (layer instanceof L.GeoJSON)
      layer.eachLayer((l) => {
        const f = (l as L.Path & { feature?: Feature<LineString, RoadProps> }).feature;
        if (f?.properties && 'kind' in f.properties && l instanceof L.Path) l.setStyle(roadStyle(f.properties, zoom));
      });
  });
}

function label(lat: number, lon: number, text: string, className: string, angle = 0): L.Marker {
  const el = document.createElement('span');
  el.textContent = text;
  if (angle) el.style.transform = `translate(-50%, -50%) rotate(${angle.toFixed(1)}deg)`;
  return L.marker([lat, lon], {
    pane: 'basemap-labels',
    interactive: false,
    keyboard: false,
    icon: L.divIcon({ className: `basemap-label ${className}`, html: el, iconSize: undefined }),
  });
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Names that fit the view without overlapping: stadsdelar, stations, then streets along their longest stretch. */
function placeLabels(map: L.Map, o: BasemapOverview, d: BasemapDetail | null, withPlaces: boolean): L.Marker[] {
  const zoom = map.getZoom();
  const view = map.getBounds().pad(0.05);
  const placed: Box[] = [];
  const out: L.Marker[] = [];
  const tryPlace = (lat: number, lon: number, text: string, cls: string, charWidth: number, angle = 0) => {
    const p = map.latLngToContainerPoint([lat, lon]);
    const w = text.length * charWidth + 6;
    const box = { x0: p.x - w / 2, y0: p.y - 9, x1: p.x + w / 2, y1: p.y + 9 };
    if (placed.some((b) => overlaps(b, box))) return;
    placed.push(box);
    out.push(label(lat, lon, text, cls, angle));
  };
  if (withPlaces && zoom >= PLACE_LABEL_ZOOMS[0] && zoom < PLACE_LABEL_ZOOMS[1]) {
    for (const f of o.places.features) {
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      if (view.contains([lat, lon])) tryPlace(lat, lon, f.properties.name, 'basemap-place', 7);
    }
  }
  if (zoom >= STATION_NAME_ZOOM) {
    for (const f of o.stations.features) {
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      if (view.contains([lat, lon])) tryPlace(lat, lon - 0, f.properties.name, 'basemap-station', 6.5);
    }
  }
  if (zoom >= STATION_ZOOM) {
    for (const f of o.stations.features) {
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      if (view.contains([lat, lon])) out.push(stationDot(lat, lon));
    }
  }
  if (d && zoom >= STREET_NAME_ZOOM) {
    const named = new Set<string>();
    for (const f of d.roads.features) {
      const name = f.properties.name;
      if (!name || named.has(name) || out.length > 160) continue;
      const spot = labelSpot(map, f.geometry, view, name.length * 6.2);
      if (!spot) continue;
      const before = out.length;
      tryPlace(spot.lat, spot.lon, name, 'basemap-street', 6.2, spot.angle);
      if (out.length > before) named.add(name);
    }
  }
  return out;
}

function stationDot(lat: number, lon: number): L.Marker {
  return L.marker([lat, lon], {
    pane: 'basemap-labels',
    interactive: false,
    keyboard: false,
    icon: L.divIcon({ className: 'basemap-station-dot', iconSize: [9, 9] }),
  });
}

/** The middle of the longest on-screen segment run of a street, if the name fits along it, and its angle. */
function labelSpot(
  map: L.Map,
  g: LineString | MultiLineString,
  view: L.LatLngBounds,
  width: number,
): { lat: number; lon: number; angle: number } | null {
  let best: { length: number; a: L.Point; b: L.Point } | null = null;
  const lines: Position[][] = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [lon0 = 0, lat0 = 0] = line[i - 1] ?? [];
      const [lon1 = 0, lat1 = 0] = line[i] ?? [];
      if (!view.contains([lat0, lon0]) || !view.contains([lat1, lon1])) continue;
      const a = map.latLngToContainerPoint([lat0, lon0]);
      const b = map.latLngToContainerPoint([lat1, lon1]);
      const length = a.distanceTo(b);
      if (!best || length > best.length) best = { length, a, b };
    }
  }
  if (!best || best.length < width) return null;
  const mid = map.containerPointToLatLng(best.a.add(best.b).divideBy(2));
  let angle = (Math.atan2(best.b.y - best.a.y, best.b.x - best.a.x) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle < -90) angle += 180;
  return { lat: mid.lat, lon: mid.lng, angle };
}
