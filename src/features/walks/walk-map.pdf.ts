import type { LonLat } from '../../analysis/geo/street-names.js';
import type { GeoJSONPolygonal } from '../../db/schema/org.js';
import type { Severity } from '../../domain/walks.js';
import type { Doc } from '../reports/pdf-layout.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The walk's map as data: the area, the streets of the basemap near the walk, the route and numbered points. */
export interface WalkMap {
  area: GeoJSONPolygonal | null;
  streets: ReadonlyArray<ReadonlyArray<LonLat>>;
  route: ReadonlyArray<LonLat> | null;
  points: ReadonlyArray<{ n: number; lon: number; lat: number; severity: Severity }>;
}

/** The same colours as the web report's markers. */
export const SEVERITY_COLOURS: Record<Severity, string> = { low: '#1d6f42', medium: '#b45309', high: '#b91c1c' };

/** OpenStreetMap's attribution in Swedish, required wherever its streets are drawn (ODbL). */
export const OSM_ATTRIBUTION = '© OpenStreetMap-bidragsgivare, ODbL';

const rings = (g: GeoJSONPolygonal): number[][][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

/**
 * The extent the map shows, [minLon, minLat, maxLon, maxLat]: the observations and the route with a margin,
 * at least about 400 m across; the whole area when the walk has neither.
 */
export function walkExtent(map: Omit<WalkMap, 'streets'>): [number, number, number, number] {
  const pts: Array<readonly [number, number]> = [
    ...map.points.map((p) => [p.lon, p.lat] as const),
    ...(map.route ?? []),
  ];
  if (pts.length === 0 && map.area)
    for (const ring of rings(map.area)) for (const [lon, lat] of ring) pts.push([lon!, lat!]);
  if (pts.length === 0) return [18.0, 59.3, 18.1, 59.35];
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  const [cx, cy] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  const halfLat = Math.max((Math.max(...lats) - Math.min(...lats)) * 0.6, 0.002);
  const halfLon = Math.max((Math.max(...lons) - Math.min(...lons)) * 0.6, 0.0035);
  return [cx - halfLon, cy - halfLat, cx + halfLon, cy + halfLat];
}

/** How the box shows the map: the visible extent [minLon, minLat, maxLon, maxLat] and a projection into it. */
export function mapView(box: Box, map: Omit<WalkMap, 'streets'>) {
  const [minLon, minLat, maxLon, maxLat] = walkExtent(map);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min(box.w / ((maxLon - minLon) * k), box.h / (maxLat - minLat));
  const cx = (minLon + maxLon) / 2;
  const cy = (minLat + maxLat) / 2;
  const [hw, hh] = [box.w / 2 / (k * scale), box.h / 2 / scale];
  return {
    extent: [cx - hw, cy - hh, cx + hw, cy + hh] as const,
    at: (lon: number, lat: number): [number, number] => [
      box.x + box.w / 2 + (lon - cx) * k * scale,
      box.y + box.h / 2 - (lat - cy) * scale,
    ],
  };
}

/**
 * Draws the map as vectors (no tiles, no network): the walk's area tinted, the basemap's streets, the route
 * dashed and each observation as a numbered dot in its severity's colour. Equirectangular with cos(lat)
 * scaling, true to shape at a neighbourhood's size; everything outside the box is clipped. OpenStreetMap's
 * attribution is printed when streets are drawn.
 */
export function drawWalkMap(doc: Doc, box: Box, map: WalkMap): void {
  const { at } = mapView(box, map);
  const line = (pts: ReadonlyArray<ReadonlyArray<number>>) =>
    pts.forEach(([lon, lat], i) => {
      const [x, y] = at(lon!, lat!);
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });

  doc.save();
  doc.rect(box.x, box.y, box.w, box.h).clip();
  doc.rect(box.x, box.y, box.w, box.h).fill('#f4f6f8');
  if (map.area) {
    for (const ring of rings(map.area)) {
      line(ring);
      doc.closePath();
    }
    doc.fillOpacity(0.35).fillColor('#cfe3f5').fill('evenodd').fillOpacity(1);
    for (const ring of rings(map.area)) {
      line(ring);
      doc.closePath();
    }
    doc.lineWidth(1.2).strokeColor('#1f3a5f').stroke();
  }
  for (const street of map.streets) {
    line(street);
    doc.lineWidth(1.4).strokeColor('#b0bec5').stroke();
  }
  if (map.route && map.route.length > 1) {
    line(map.route);
    doc.lineWidth(2).dash(6, { space: 4 }).strokeColor('#1f3a5f').stroke().undash();
  }
  for (const { p, x, y, spot } of spread(map.points, at)) {
    if (spot) {
      doc.moveTo(spot[0], spot[1]).lineTo(x, y).lineWidth(0.6).strokeColor('#37474f').stroke();
      doc.circle(spot[0], spot[1], 1.5).fill('#37474f');
    }
    doc.circle(x, y, 7).lineWidth(1.2).fillAndStroke(SEVERITY_COLOURS[p.severity], '#ffffff');
    doc
      .font('Helvetica-Bold')
      .fontSize(p.n > 99 ? 5.5 : 7)
      .fillColor('#ffffff')
      .text(String(p.n), x - 8, y - 2.6, { width: 16, align: 'center', lineBreak: false });
  }
  if (map.streets.length > 0) {
    doc.font('Helvetica').fontSize(6);
    const w = doc.widthOfString(OSM_ATTRIBUTION) + 6;
    doc
      .fillOpacity(0.85)
      .rect(box.x + box.w - w, box.y + box.h - 10, w, 10)
      .fill('#ffffff')
      .fillOpacity(1);
    doc.fillColor('#37474f').text(OSM_ATTRIBUTION, box.x + box.w - w + 3, box.y + box.h - 8, { lineBreak: false });
  }
  doc.restore();
  doc.lineWidth(0.5).strokeColor('#90a4ae').rect(box.x, box.y, box.w, box.h).stroke();
}

/**
 * Where each numbered dot goes: at its point, or, when points lie within a dot of each other (one bench,
 * three notes), fanned out around their spot with a line back to it, so every number can be read.
 */
function spread(points: WalkMap['points'], at: (lon: number, lat: number) => [number, number]) {
  const clusters: Array<{ x: number; y: number; members: WalkMap['points'][number][] }> = [];
  for (const p of points) {
    const [x, y] = at(p.lon, p.lat);
    const near = clusters.find((c) => Math.hypot(c.x - x, c.y - y) < 12);
    if (near) near.members.push(p);
    else clusters.push({ x, y, members: [p] });
  }
  return clusters.flatMap((c) =>
    c.members.map((p, i) => {
      if (c.members.length === 1) return { p, x: c.x, y: c.y, spot: null };
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / c.members.length;
      const r = 10 + 2 * c.members.length;
      return { p, x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle), spot: [c.x, c.y] as const };
    }),
  );
}
