import { newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';
import type { Protocol } from './protocol.js';

/** The meeting protocol as a workbook: the same content as the PDF, one sheet per part. */
export function renderProtocolXlsx(p: Protocol): Promise<Buffer> {
  const book = newWorkbook();
  sheet(
    book,
    'Möte',
    ['Uppgift', 'Värde'],
    [
      ['Protokoll', p.title],
      ['Område', p.scope],
      ['Mötet hölls', p.heldAt],
      ['Lägesbilden frystes', p.frozenAt],
      ...p.figures,
      ['Anteckningar', p.notes === null ? 'Visas inte för din roll' : p.notes || 'Inga anteckningar'],
    ],
  );
  sheet(
    book,
    'Deltagande enheter',
    ['Enhet'],
    p.units.map((u) => [u]),
  );
  sheet(
    book,
    'Deltagare',
    ['Namn', 'Enhet'],
    p.people.map((x) => [x.name, x.unit]),
  );
  sheet(
    book,
    'Områdesbedömning',
    ['Stadsdel', 'Händelser', 'Bedömning', 'Kommentar', 'Bekräftad'],
    p.ratings.map((r) => [r.neighbourhood, r.count, r.level, r.comment, r.confirmed]),
  );
  const actionHeader = ['Åtgärd', 'Ansvarig enhet', 'Klart senast', 'Status'];
  sheet(
    book,
    'Beslutade åtgärder',
    actionHeader,
    p.actions.map((a) => [a.title, a.unit, a.due, a.status]),
  );
  sheet(
    book,
    'Tidigare åtgärder',
    actionHeader,
    p.followUp.map((a) => [a.title, a.unit, a.due, a.status]),
  );
  return workbookBuffer(book);
}
