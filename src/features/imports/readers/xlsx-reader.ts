import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../../../domain/errors.js';
import { headerNames, type RecordSource, type TabularRecord } from './record-source.js';

/**
 * A cell as the importer wants it: text, number, Date or empty. Formula cells keep their formula as
 * text ('=HYPERLINK("http://x","y")'), not the cached result: what the sender typed is what is stored.
 */
export function xlsxCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('sharedFormula' in value && typeof value.sharedFormula === 'string') return `=${value.sharedFormula}`;
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return '';
  return '';
}

function rowCells(row: ExcelJS.Row): unknown[] {
  // row.values is 1-based and sparse: index 0 is always empty.
  const values = row.values as ExcelJS.CellValue[];
  const cells: unknown[] = [];
  for (let i = 1; i < values.length; i++) cells.push(xlsxCellValue(values[i]));
  return cells;
}

function isBlank(cells: unknown[]): boolean {
  return cells.every((c) => c === '' || c === null || c === undefined);
}

/**
 * Opens the first worksheet of an .xlsx file with exceljs' streaming reader, so rows are read as the zip
 * is inflated rather than the whole workbook at once (shared strings are cached: Excel stores each
 * distinct text once). The first non-blank row is the header.
 */
export async function openXlsx(path: string): Promise<RecordSource> {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const unreadable = (e: unknown) => {
    file.destroy();
    return e instanceof AppError
      ? e
      : new AppError('UNREADABLE_FILE', { details: { reason: 'xlsx', message: (e as Error).message } });
  };
  let rows: AsyncIterator<ExcelJS.Row>;
  try {
    const sheets = workbook[Symbol.asyncIterator]();
    const sheet = await sheets.next();
    if (sheet.done) throw new AppError('EMPTY_FILE');
    rows = sheet.value[Symbol.asyncIterator]();
  } catch (e) {
    throw unreadable(e);
  }
  const next = async () => {
    try {
      return await rows.next();
    } catch (e) {
      throw unreadable(e);
    }
  };
  let header = await next();
  while (!header.done && isBlank(rowCells(header.value))) header = await next();
  if (header.done) throw new AppError('EMPTY_FILE');
  const columns = headerNames(rowCells(header.value));
  let first = await next();
  while (!first.done && isBlank(rowCells(first.value))) first = await next();
  if (first.done) throw new AppError('HEADER_ONLY', { details: { columns } });

  async function* records(): AsyncGenerator<TabularRecord> {
    let current = first;
    while (!current.done) {
      const cells = rowCells(current.value);
      if (!isBlank(cells)) yield { kind: 'tabular', row: current.value.number, cells };
      current = await next();
    }
  }
  return { format: 'xlsx', columns, delimiter: null, records: records(), bytesRead: () => file.bytesRead };
}
