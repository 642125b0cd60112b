import type { ImportFormat } from '../../../domain/imports.js';
import { type FileProbe, resolveFormat } from '../file-probe.js';
import { openCsv } from './csv-reader.js';
import { openJson } from './json-reader.js';
import type { RecordSource } from './record-source.js';
import { openXlsx } from './xlsx-reader.js';

/** Opens a probed file in the format its content shows (or the requested one, when it agrees). */
export function openRecords(path: string, probe: FileProbe, requested: ImportFormat | 'auto' | undefined, delimiter?: string): Promise<RecordSource> {
  const format = resolveFormat(probe, requested);
  if (format === 'xlsx') return openXlsx(path);
  if (format === 'csv') return openCsv(path, probe, delimiter);
  return openJson(path, probe, format === 'json' ? undefined : format);
}
