import { stringify } from 'csv-stringify/sync';
import { defuseCell } from '../../analysis/text/spreadsheet-cell.js';
import { ASSESSMENT_REASON_LABELS, GOAL_ASSESSMENT_LABELS, INDICATOR_DIRECTION_LABELS } from '../../domain/labels.js';
import type { ManagementExportFormat } from '../../domain/management-export.js';
import { type Cell, newWorkbook, sheet, workbookBuffer } from '../reports/xlsx-layout.js';
import type { ManagementRow } from './management-rows.js';

/** The export's version, year and rows, ready to render. */
export interface ManagementExport {
  version: { title: string; period_from: number; period_to: number };
  year: number;
  /** The local day the figures were computed on. */
  computed_on: string;
  rows: ManagementRow[];
}

/**
 * The documented columns (docs/management-export.md), in order: the heading ILS and Excel see and how a row
 * fills it. One table for both files, so the CSV and the workbook cannot differ.
 */
export const MANAGEMENT_COLUMNS: ReadonlyArray<{
  heading: string;
  cell: (r: ManagementRow, e: ManagementExport) => Cell;
}> = [
  { heading: 'Nyckel', cell: (r) => r.key },
  { heading: 'Program', cell: (_, e) => e.version.title },
  { heading: 'År', cell: (_, e) => e.year },
  { heading: 'Mål nr', cell: (r) => r.goal_number },
  { heading: 'Mål', cell: (r) => r.goal },
  { heading: 'Nämnd', cell: (r) => r.committee },
  { heading: 'Indikator', cell: (r) => r.indicator },
  { heading: 'Var', cell: (r) => r.where },
  { heading: 'Bättre är', cell: (r) => INDICATOR_DIRECTION_LABELS[r.direction].sv },
  { heading: 'Nollmätning', cell: (r) => r.baseline?.value ?? null },
  { heading: 'Nollmätning från', cell: (r) => r.baseline?.from ?? null },
  { heading: 'Nollmätning till', cell: (r) => r.baseline?.to ?? null },
  { heading: 'Årsmål', cell: (r) => r.target },
  { heading: 'Utfall', cell: (r) => r.outcome?.value ?? null },
  { heading: 'Utfall från', cell: (r) => r.outcome?.from ?? null },
  { heading: 'Utfall till', cell: (r) => r.outcome?.to ?? null },
  { heading: 'Bedömning', cell: (r) => GOAL_ASSESSMENT_LABELS[r.assessment].sv },
  { heading: 'Motivering', cell: (r) => ASSESSMENT_REASON_LABELS[r.reason].sv },
];

const cellsOf = (e: ManagementExport) => e.rows.map((r) => MANAGEMENT_COLUMNS.map((c) => c.cell(r, e)));

/**
 * CSV as Swedish Excel opens it by double-click: UTF-8 with a byte-order mark (else å, ä, ö break), semicolons
 * (Excel's list separator where the decimal sign is a comma), CRLF line ends; every text cell defused.
 */
function renderCsv(e: ManagementExport): Buffer {
  const text = stringify(
    cellsOf(e).map((row) => row.map(defuseCell)),
    {
      header: true,
      columns: MANAGEMENT_COLUMNS.map((c) => c.heading),
      delimiter: ';',
      record_delimiter: 'windows',
      bom: true,
    },
  );
  return Buffer.from(text, 'utf8');
}

/** The same table in a workbook, with a second sheet saying what it is and how it was assessed. */
async function renderXlsx(e: ManagementExport): Promise<Buffer> {
  const book = newWorkbook();
  sheet(
    book,
    'Måluppföljning',
    MANAGEMENT_COLUMNS.map((c) => c.heading),
    cellsOf(e),
  );
  sheet(
    book,
    'Om exporten',
    ['Uppgift', 'Värde'],
    [
      ['Program', e.version.title],
      ['Programperiod', `${e.version.period_from}–${e.version.period_to}`],
      ['År', e.year],
      ['Beräknad', e.computed_on],
      ['Rader', e.rows.length],
      [
        'Bedömning',
        'Uppnås helt: utfallet når årsmålet. Uppnås delvis: bättre än nollmätningen men årsmålet nås inte. Uppnås ej: inte bättre än nollmätningen. Kan inte bedömas: nollmätning, utfall eller årsmål saknas.',
      ],
    ],
  );
  return workbookBuffer(book);
}

const TYPES: Record<ManagementExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The export as a download named by the programme period and year (ASCII, so every browser keeps it). */
export async function renderManagementExport(e: ManagementExport, format: ManagementExportFormat) {
  const body = format === 'csv' ? renderCsv(e) : await renderXlsx(e);
  return {
    body,
    contentType: TYPES[format],
    filename: `ils-trygghetsprogram-${e.version.period_from}-${e.version.period_to}-${e.year}.${format}`,
  };
}
