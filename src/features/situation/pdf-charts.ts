import type PDFDocument from 'pdfkit';
import { h3CellRing } from '../../analysis/geo/h3.js';
import type { GeoJSONPolygonal } from '../../db/schema.js';
import { RATING_LABELS, type RatingLevel, type SituationReport } from '../../domain/situation.js';

type Doc = InstanceType<typeof PDFDocument>;
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Outline {
  code: string;
  name: string;
  geometry: GeoJSONPolygonal;
}

const HOT_COLOURS: Record<string, string> = {
  hot99: '#b71c1c',
  hot95: '#e53935',
  hot90: '#ff8a65',
  cold99: '#0d47a1',
  cold95: '#1e88e5',
  cold90: '#90caf9',
};
const GREY = '#616161';

function rings(g: GeoJSONPolygonal): number[][][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Rating colour of a stadsdel: the confirmed level, else the proposal. */
function levelOf(n: SituationReport['neighbourhoods'][number]): RatingLevel {
  return n.rating.confirmed?.level ?? n.rating.proposed;
}

/**
 * The map, drawn as vectors (no tiles, no network): stadsdel outlines tinted by rating, Gi* cells by class,
 * the week's point incidents as dots, and each stadsdel's name. Equirectangular with cos(lat) scaling,
 * which is true to shape at a city's size.
 */
export function drawMap(doc: Doc, box: Box, outlines: readonly Outline[], report: SituationReport): void {
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity;
  for (const o of outlines)
    for (const ring of rings(o.geometry))
      for (const [lon, lat] of ring) {
        minLon = Math.min(minLon, lon!);
        maxLon = Math.max(maxLon, lon!);
        minLat = Math.min(minLat, lat!);
        maxLat = Math.max(maxLat, lat!);
      }
  if (!Number.isFinite(minLon)) return;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min(box.w / ((maxLon - minLon) * k), box.h / (maxLat - minLat));
  const ox = box.x + (box.w - (maxLon - minLon) * k * scale) / 2;
  const oy = box.y + (box.h - (maxLat - minLat) * scale) / 2;
  const at = (lon: number, lat: number): [number, number] => [
    ox + (lon - minLon) * k * scale,
    oy + (maxLat - lat) * scale,
  ];
  const path = (ring: ReadonlyArray<ReadonlyArray<number>>) => {
    ring.forEach(([lon, lat], i) => {
      const [x, y] = at(lon!, lat!);
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    doc.closePath();
  };

  doc.save().rect(box.x, box.y, box.w, box.h).fill('#eef3f7').restore();
  const rows = new Map(report.neighbourhoods.map((n) => [n.code, n]));
  for (const o of outlines) {
    const row = rows.get(o.code);
    for (const ring of rings(o.geometry)) path(ring);
    doc
      .fillOpacity(0.35)
      .fillColor(row ? RATING_LABELS[levelOf(row)].colour : '#ffffff')
      .fill('evenodd');
    doc.fillOpacity(1);
    for (const ring of rings(o.geometry)) path(ring);
    doc.lineWidth(0.6).strokeColor('#455a64').stroke();
  }
  for (const c of report.hotspots.cells) {
    path(h3CellRing(c.cell));
    doc.fillColor(HOT_COLOURS[c.class] ?? GREY).fill();
  }
  doc.fillColor('#212121');
  for (const p of report.points) {
    const [x, y] = at(p.lon, p.lat);
    doc.circle(x, y, 1.2).fill();
  }
  doc.fontSize(6).fillColor('#263238');
  for (const o of outlines) {
    const [a, b, c, d] = bboxOf(o.geometry);
    const [x0, y0] = at(a, d);
    const [x1, y1] = at(c, b);
    // Names only where they fit: in the city view small stadsdelar would be a blur of overlapping text.
    if (x1 - x0 < 36 || y1 - y0 < 14) continue;
    doc.text(o.name, (x0 + x1) / 2 - 40, (y0 + y1) / 2 - 3, { width: 80, align: 'center', lineBreak: false });
  }
  doc.lineWidth(0.5).strokeColor('#90a4ae').rect(box.x, box.y, box.w, box.h).stroke();
}

function bboxOf(g: GeoJSONPolygonal): [number, number, number, number] {
  let a = Infinity,
    b = Infinity,
    c = -Infinity,
    d = -Infinity;
  for (const ring of rings(g))
    for (const [lon, lat] of ring) {
      a = Math.min(a, lon!);
      c = Math.max(c, lon!);
      b = Math.min(b, lat!);
      d = Math.max(d, lat!);
    }
  return [a, b, c, d];
}

/** Legend swatches for the map: rating levels (colour and word) and hotspot classes. */
export function drawMapLegend(doc: Doc, x: number, y: number): number {
  doc.fontSize(7).fillColor('#212121');
  let cx = x;
  for (const level of [1, 2, 3, 4] as const) {
    doc.save().fillOpacity(0.5).rect(cx, y, 9, 9).fill(RATING_LABELS[level].colour).restore();
    doc.fillColor('#212121').text(`${level} ${RATING_LABELS[level].sv}`, cx + 12, y + 1, { lineBreak: false });
    cx += 62;
  }
  for (const [cls, label] of [
    ['hot99', 'Hot spot 99 %'],
    ['hot95', '95 %'],
    ['hot90', '90 %'],
    ['cold95', 'Cold spot'],
  ] as const) {
    doc.rect(cx, y, 9, 9).fill(HOT_COLOURS[cls]!);
    doc.fillColor('#212121').text(label, cx + 12, y + 1, { lineBreak: false });
    cx += label.length > 6 ? 66 : 36;
  }
  doc.circle(cx + 4, y + 4.5, 1.5).fill('#212121');
  doc.text('händelse', cx + 10, y + 1, { lineBreak: false });
  return y + 14;
}

/** 52-week bar chart with the report week highlighted and annotation markers on their weeks. */
export function drawTrend(doc: Doc, box: Box, report: SituationReport): void {
  const max = Math.max(1, ...report.trend.map((t) => t.count));
  const top = niceCeiling(max);
  const plot = { x: box.x + 28, y: box.y + 6, w: box.w - 32, h: box.h - 24 };
  doc.fontSize(6).fillColor(GREY).lineWidth(0.3).strokeColor('#cfd8dc');
  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    const y = plot.y + plot.h - (v / top) * plot.h;
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .stroke();
    doc.text(String(Math.round(v)), box.x, y - 3, { width: 24, align: 'right', lineBreak: false });
  }
  const bw = plot.w / report.trend.length;
  const annotated = new Set(report.annotations.map((a) => a.week));
  report.trend.forEach((t, i) => {
    const h = (t.count / top) * plot.h;
    const x = plot.x + i * bw;
    doc.rect(x + bw * 0.15, plot.y + plot.h - h, bw * 0.7, h).fill(t.week === report.week ? '#c62828' : '#5c7c99');
    if (annotated.has(t.week))
      doc
        .moveTo(x + bw / 2, plot.y)
        .lineTo(x + bw / 2, plot.y + plot.h)
        .dash(2, { space: 2 })
        .strokeColor('#6a1b9a')
        .stroke()
        .undash();
    if (i % 4 === 0 || i === report.trend.length - 1) {
      doc
        .fillColor(GREY)
        .text(t.week.slice(5), x - 6, plot.y + plot.h + 3, { width: bw + 12, align: 'center', lineBreak: false });
    }
  });
}

function niceCeiling(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= x) ?? 10 * p;
}

/** Hour × weekday heat grid, Monday first, with counts in the cells. */
export function drawTimeGrid(
  doc: Doc,
  box: Box,
  matrix: readonly (readonly number[])[],
  weekdays: readonly string[],
): void {
  const labelW = 26;
  const cw = (box.w - labelW) / 24;
  const ch = (box.h - 12) / 7;
  const max = Math.max(1, ...matrix.flat());
  doc.fontSize(5.5);
  for (let h = 0; h < 24; h++)
    doc
      .fillColor(GREY)
      .text(String(h), box.x + labelW + h * cw, box.y, { width: cw, align: 'center', lineBreak: false });
  matrix.forEach((row, d) => {
    const y = box.y + 10 + d * ch;
    doc.fillColor('#212121').text(weekdays[d] ?? '', box.x, y + ch / 2 - 3, { width: labelW - 2, lineBreak: false });
    row.forEach((v, h) => {
      const shade = v / max;
      doc.rect(box.x + labelW + h * cw, y, cw - 0.5, ch - 0.5).fill(mix('#fff8e1', '#bf360c', shade));
      if (v > 0)
        doc
          .fillColor(shade > 0.55 ? '#ffffff' : '#212121')
          .text(String(v), box.x + labelW + h * cw, y + ch / 2 - 2.5, { width: cw, align: 'center', lineBreak: false });
    });
  });
}

function mix(from: string, to: string, t: number): string {
  const a = [1, 3, 5].map((i) => parseInt(from.slice(i, i + 2), 16));
  const b = [1, 3, 5].map((i) => parseInt(to.slice(i, i + 2), 16));
  return `#${a
    .map((v, i) =>
      Math.round(v + (b[i]! - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
