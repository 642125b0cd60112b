import type { Severity } from '../../domain/walks.js';
import { type Doc, heading, MARGIN, note, renderPdf, table, WIDTH, BOTTOM } from '../reports/pdf-layout.js';
import { drawWalkMap, OSM_ATTRIBUTION, SEVERITY_COLOURS, type WalkMap } from './walk-map.pdf.js';

/**
 * The walk report as words, before any layout: labels and Swedish dates on the organisation's clock, never
 * ids or codes. Observations are numbered in the order they were noted; the map uses the same numbers.
 */
export interface WalkDocument {
  title: string;
  subtitle: string;
  summary: string;
  units: string[];
  groups: string[];
  printedAt: string;
  map: WalkMap;
  observations: DocObservation[];
  earlier: DocEarlier[];
}

export interface DocObservation {
  n: number;
  item: string;
  severity: Severity;
  severityLabel: string;
  at: string;
  unit: string;
  note: string | null;
  thumbnail: Buffer | null;
  outcome: string;
  followups: string[];
}

export interface DocEarlier {
  item: string;
  walk: string;
  answer: string;
  note: string;
  by: string;
}

function body(doc: Doc, text: string, size = 9.5): void {
  doc.font('Helvetica').fontSize(size).fillColor('#212121').text(text, MARGIN, doc.y, { width: WIDTH }).moveDown(0.3);
}

function labelled(doc: Doc, label: string, text: string): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(9.5)
    .fillColor('#212121')
    .text(`${label}: `, MARGIN, doc.y, { width: WIDTH, continued: true })
    .font('Helvetica')
    .text(text)
    .moveDown(0.2);
}

function legend(doc: Doc, y: number, labels: Record<Severity, string>): void {
  let x = MARGIN;
  doc.font('Helvetica').fontSize(7.5);
  for (const s of ['high', 'medium', 'low'] as const) {
    doc.circle(x + 4, y + 4, 4).fill(SEVERITY_COLOURS[s]);
    doc.fillColor('#212121').text(`${labels[s]} allvar`, x + 11, y + 1, { lineBreak: false });
    x += 75;
  }
  doc.y = y + 14;
}

const THUMB_W = 90;

/** One observation: its thumbnail on the left, its facts on the right; kept whole on a page. */
function observationBlock(doc: Doc, o: DocObservation): void {
  const textX = MARGIN + (o.thumbnail ? THUMB_W + 10 : 0);
  const textW = WIDTH - (textX - MARGIN);
  const lines = [
    `${o.severityLabel} allvar · ${o.at}`,
    `Ansvarig enligt ansvarsmatrisen: ${o.unit}`,
    ...(o.note ? [`Anteckning: ${o.note}`] : []),
    `Uppföljning: ${o.outcome}`,
    ...o.followups,
  ];
  doc.font('Helvetica').fontSize(8.5);
  const textH = 14 + lines.reduce((h, l) => h + doc.heightOfString(l, { width: textW }) + 1.5, 0);
  const thumbH = o.thumbnail ? THUMB_W * 0.75 : 0;
  const h = Math.max(textH, thumbH) + 8;
  if (doc.y + h > BOTTOM) doc.addPage();
  const y = doc.y;
  if (o.thumbnail) doc.image(o.thumbnail, MARGIN, y, { fit: [THUMB_W, THUMB_W * 0.75] });
  doc.circle(textX + 6, y + 6, 6).fill(SEVERITY_COLOURS[o.severity]);
  doc
    .font('Helvetica-Bold')
    .fontSize(6.5)
    .fillColor('#ffffff')
    .text(String(o.n), textX, y + 3.6, { width: 12, align: 'center', lineBreak: false });
  doc
    .font('Helvetica-Bold')
    .fontSize(9.5)
    .fillColor('#102a43')
    .text(`Nr ${o.n}: ${o.item}`, textX + 16, y + 1, { width: textW - 16 });
  doc.y = y + 14;
  doc.font('Helvetica').fontSize(8.5).fillColor('#212121');
  for (const l of lines) doc.text(l, textX, doc.y, { width: textW }).moveDown(0.1);
  doc.y = Math.max(doc.y, y + thumbH) + 8;
  doc.x = MARGIN;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()];
}

/** The walk report as an A4 PDF in Swedish, with page numbers. */
export function renderWalkReportPdf(d: WalkDocument, severityLabels: Record<Severity, string>): Promise<Buffer> {
  return renderPdf(
    `${d.title}, ${d.subtitle}`,
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).fillColor('#102a43').text(d.title, MARGIN, MARGIN, { width: WIDTH });
      doc.font('Helvetica').fontSize(12).fillColor('#334e68').text(d.subtitle, { width: WIDTH }).moveDown(0.3);
      body(doc, d.summary);

      heading(doc, 'Deltagare');
      labelled(doc, 'Enheter', d.units.join(', '));
      labelled(doc, 'Grupper', d.groups.length ? d.groups.join(', ') : 'Inga grupper inbjudna');

      heading(doc, 'Karta över iakttagelserna');
      const box = { x: MARGIN, y: doc.y, w: WIDTH, h: 250 };
      drawWalkMap(doc, box, d.map);
      legend(doc, box.y + box.h + 5, severityLabels);
      note(
        doc,
        `Siffrorna på kartan är iakttagelsernas nummer i listorna nedan. Den streckade linjen är vandringens rutt.${
          d.map.streets.length ? ` Gator: ${OSM_ATTRIBUTION}.` : ''
        }`,
      );

      heading(doc, 'Per ansvarig enhet');
      if (d.observations.length === 0) body(doc, 'Vandringen antecknade inga iakttagelser.');
      else
        table(
          doc,
          [
            { title: 'Ansvarig enhet', width: 220 },
            { title: 'Antal', width: 50, align: 'right' },
            { title: 'Iakttagelser (nummer)', width: 245 },
          ],
          groupBy(d.observations, (o) => o.unit).map(([unit, rows]) => [
            unit,
            String(rows.length),
            rows.map((o) => `${o.n} ${o.item}`).join(', '),
          ]),
        );

      if (d.observations.length > 0) heading(doc, 'Per punkt på checklistan');
      for (const [item, rows] of groupBy(d.observations, (o) => o.item)) {
        if (doc.y > BOTTOM - 80) doc.addPage();
        doc
          .font('Helvetica-Bold')
          .fontSize(10)
          .fillColor('#102a43')
          .text(`${item} (${rows.length})`, MARGIN, doc.y)
          .moveDown(0.3);
        for (const o of rows) observationBlock(doc, o);
      }

      if (d.earlier.length > 0) {
        heading(doc, 'Åtgärdat sedan tidigare vandringar?');
        table(
          doc,
          [
            { title: 'Iakttagelse', width: 150 },
            { title: 'Från vandringen', width: 110 },
            { title: 'Bedömning', width: 70 },
            { title: 'Anteckning', width: 100 },
            { title: 'Bedömd av', width: 85 },
          ],
          d.earlier.map((e) => [e.item, e.walk, e.answer, e.note, e.by]),
        );
      }
      note(doc, `Rapporten skrevs ut ${d.printedAt}.`);
    },
    { pageNumbers: true },
  );
}
