import type { Crs, ImportFormat } from '../../../domain/imports.js';

/** One row of a table-like file (CSV, sheet, GeoJSON feature): cells by column index. */
export interface TabularRecord {
  kind: 'tabular';
  /** 1-based row as a spreadsheet shows it (header = 1); for GeoJSON the feature number. */
  row: number;
  cells: unknown[];
  /** GeoJSON: the Point's coordinates, in WGS84 or the collection's named SWEREF 99 projection. */
  point?: { x: number; y: number; crs: Crs } | null;
}

/** One element of a police events array, unparsed. */
export interface PoliceRecord {
  kind: 'police';
  row: number;
  event: unknown;
}

export type SourceRecord = TabularRecord | PoliceRecord;

/** An opened file: its columns, a stream of records, and how far into the file reading has come. */
export interface RecordSource {
  format: ImportFormat;
  columns: string[];
  delimiter: string | null;
  records: AsyncIterable<SourceRecord>;
  bytesRead(): number;
}

/** Unique, non-empty header names: blanks become 'column_3', repeats 'Datum (2)'. */
export function headerNames(raw: unknown[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const base =
      String(value ?? '')
        .replace(/^\uFEFF/, '')
        .trim() || `column_${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/**
 * Reads the first `n` records ahead (to recognise columns by their content) and hands back a source that
 * still yields every record, those first.
 */
export async function withSample(
  source: RecordSource,
  n: number,
): Promise<{ source: RecordSource; sample: SourceRecord[] }> {
  const it = source.records[Symbol.asyncIterator]();
  const sample: SourceRecord[] = [];
  let done = false;
  while (sample.length < n) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value);
  }
  async function* records() {
    yield* sample;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { source: { ...source, records: records() }, sample };
}
