import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../../domain/errors.js';
import type { TextEncoding } from '../encoding.js';
import type { FileProbe } from '../file-probe.js';
import { headerNames, type RecordSource, type TabularRecord } from './record-source.js';
import { textDecoder } from '../encoding.js';

/** Longest accepted record: far above any real row, low enough that one runaway line cannot exhaust memory. */
export const MAX_RECORD_CHARS = 1_000_000;
const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Counts each candidate delimiter outside double quotes on one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter of a CSV sample: the candidate that occurs in the header and the same number of times on
 * most data lines. The header decides because it holds names, not numbers: a Swedish decimal comma
 * ('59,33') never appears there, so ';'-separated exports with decimal commas are read right.
 * @example sniffDelimiter('datum;lat\n2026-11-25;59,33\n') // ';'
 */
export function sniffDelimiter(sample: string): string {
  const lines = sample
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  const [header, ...data] = lines;
  if (!header) return ',';
  let best: { delimiter: string; score: number; count: number } = { delimiter: ',', score: -1, count: 0 };
  // The last sampled line may be cut off mid-row by the sample's end.
  const complete = data.length > 1 ? data.slice(0, -1) : data;
  for (const delimiter of DELIMITERS) {
    const count = countOutsideQuotes(header, delimiter);
    if (count === 0) continue;
    const agreeing = complete.filter((l) => countOutsideQuotes(l, delimiter) === count).length;
    const score = complete.length ? agreeing / complete.length : 1;
    if (score > best.score || (score === best.score && count > best.count)) best = { delimiter, score, count };
  }
  return best.delimiter;
}

/** Decodes bytes to text in the detected encoding; the decoder drops a UTF-8 byte order mark. */
function decoder(encoding: TextEncoding): Transform {
  const text = textDecoder(encoding);
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

/** csv-parse's complaints as the importer's file-level errors, with the line where it happened. */
function toAppError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = (error as CsvError & { lines?: number }).lines;
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new AppError('RECORD_TOO_LARGE', {
      details: {
        line,
        max_characters: MAX_RECORD_CHARS,
        message: `a row is longer than ${MAX_RECORD_CHARS} characters`,
      },
    });
  }
  return new AppError('UNREADABLE_FILE', { details: { reason: error.code, line, message: error.message } });
}

/**
 * Opens a CSV file as a stream of records: any of , ; tab | as delimiter, UTF-8 (with or without BOM),
 * UTF-16 or windows-1252. Refuses a file with a header and no rows. Memory stays flat: csv-parse holds one
 * record at a time and gives up on a record longer than MAX_RECORD_CHARS.
 */
export async function openCsv(path: string, probe: FileProbe, delimiter?: string): Promise<RecordSource> {
  const encoding = probe.encoding ?? 'utf-8';
  const chosen = delimiter ?? sniffDelimiter(textDecoder(encoding).decode(probe.head));
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const parser = parse({
    delimiter: chosen,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  pipeline(file, decoder(encoding), parser, () => {
    /* errors surface through the parser's iterator */
  });
  const iterator = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const next = async () => {
    try {
      return await iterator.next();
    } catch (e) {
      file.destroy();
      throw toAppError(e);
    }
  };
  const header = await next();
  if (header.done) throw new AppError('EMPTY_FILE');
  const first = await next();
  if (first.done) throw new AppError('HEADER_ONLY', { details: { columns: headerNames(header.value) } });

  async function* records(): AsyncGenerator<TabularRecord> {
    let row = 2;
    let current = first;
    while (!current.done) {
      yield { kind: 'tabular', row: row++, cells: current.value };
      current = await next();
    }
  }
  return {
    format: 'csv',
    columns: headerNames(header.value),
    delimiter: chosen,
    records: records(),
    bytesRead: () => file.bytesRead,
  };
}
