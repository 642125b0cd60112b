import ExcelJS from 'exceljs';
import { defuseCell } from '../../analysis/text/spreadsheet-cell.js';

/** One cell of an exported sheet: numbers and dates stay what they are, text is defused. */
export type Cell = string | number | boolean | Date | null;

/** Per column (0-based): an Excel number format ('0.00', '0.0%', 'yyyy-mm-dd') and a width in characters. */
export interface ColumnStyle {
  numFmt?: string;
  width?: number;
}

/** A sheet with a bold, frozen header row; every text cell defused (never run as a formula). */
export function sheet(
  book: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  styles: Readonly<Record<number, ColumnStyle>> = {},
): void {
  const ws = book.addWorksheet(name);
  ws.addRow([...header]).font = { bold: true };
  // Text from the database (names, annotations, action titles) must never run as a formula.
  for (const row of rows) ws.addRow(row.map(defuseCell));
  ws.columns.forEach((c, i) => {
    c.width = styles[i]?.width ?? Math.min(50, Math.max(10, header[i]!.length + 2));
    const numFmt = styles[i]?.numFmt;
    // Rows below the header only: the header stays text.
    c.eachCell?.((cell, row) => {
      if (numFmt && row > 1) cell.numFmt = numFmt;
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A new workbook credited to Trygg. */
export function newWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Trygg';
  return book;
}

/** The workbook as .xlsx bytes. */
export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
