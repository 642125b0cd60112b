import { type Doc, heading, MARGIN, note, num, renderPdf, table, WIDTH } from '../reports/pdf-layout.js';
import type { ActionRow, Protocol } from './protocol.js';

function body(doc: Doc, text: string): void {
  doc.font('Helvetica').fontSize(9.5).fillColor('#212121').text(text, MARGIN, doc.y, { width: WIDTH }).moveDown(0.4);
}

function actionTable(doc: Doc, rows: readonly ActionRow[], empty: string): void {
  if (!rows.length) {
    body(doc, empty);
    return;
  }
  table(
    doc,
    [
      { title: 'Åtgärd', width: 225 },
      { title: 'Ansvarig enhet', width: 130 },
      { title: 'Klart senast', width: 85 },
      { title: 'Status', width: 75 },
    ],
    rows.map((a) => [a.title, a.unit, a.due, a.status]),
  );
}

/**
 * The meeting protocol as an A4 PDF in Swedish: numbered headings, page numbers, local times; made to be
 * sent to the participants. Helvetica's WinAnsi character set only (no arrows or minus signs outside it).
 */
export function renderProtocolPdf(p: Protocol): Promise<Buffer> {
  return renderPdf(
    `${p.title} ${p.scope}`,
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).fillColor('#102a43').text(p.title, MARGIN, MARGIN);
      doc.font('Helvetica').fontSize(12).fillColor('#334e68').text(p.scope).moveDown(0.3);
      body(doc, `Mötet hölls ${p.heldAt}. Lägesbilden frystes ${p.frozenAt}.`);

      heading(doc, '1 Deltagare');
      doc.font('Helvetica-Bold').fontSize(9.5).fillColor('#212121').text('1.1 Enheter', MARGIN, doc.y).moveDown(0.2);
      body(doc, p.units.join(', '));
      doc.font('Helvetica-Bold').fontSize(9.5).fillColor('#212121').text('1.2 Personer', MARGIN, doc.y).moveDown(0.2);
      if (!p.people.length) body(doc, 'Inga namngivna deltagare antecknade.');
      else
        table(
          doc,
          [
            { title: 'Namn', width: 220 },
            { title: 'Enhet', width: 295 },
          ],
          p.people.map((x) => [x.name, x.unit]),
        );

      heading(doc, '2 Lägesbilden i korthet');
      table(
        doc,
        [
          { title: 'Uppgift', width: 220 },
          { title: 'Antal', width: 80, align: 'right' },
        ],
        p.figures.map(([label, value]) => [label, num(value)]),
      );

      heading(doc, '3 Områdesbedömning');
      table(
        doc,
        [
          { title: 'Stadsdel', width: 110 },
          { title: 'Händelser', width: 50, align: 'right' },
          { title: 'Bedömning', width: 115 },
          { title: 'Kommentar', width: 125 },
          { title: 'Bekräftad', width: 115 },
        ],
        p.ratings.map((r) => [r.neighbourhood, num(r.count), r.level, r.comment || '–', r.confirmed || '–']),
      );
      note(
        doc,
        'Bedömningen så som samordnaren bekräftat den för veckan: 1 lugnt, 2 viss oro, 3 oroligt, 4 allvarligt.',
      );

      heading(doc, '4 Anteckningar');
      if (p.notes === null) body(doc, 'Anteckningarna visas inte för din roll.');
      else body(doc, p.notes || 'Inga anteckningar.');
      if (p.notesRedactions > 0)
        note(doc, `${num(p.notesRedactions)} personuppgifter har tagits bort ur anteckningarna när de sparades.`);

      heading(doc, '5 Beslutade åtgärder');
      actionTable(doc, p.actions, 'Mötet beslutade inga åtgärder.');

      heading(doc, '6 Uppföljning av tidigare åtgärder');
      actionTable(doc, p.followUp, 'Inga tidigare åtgärder att följa upp.');
    },
    { pageNumbers: true },
  );
}
