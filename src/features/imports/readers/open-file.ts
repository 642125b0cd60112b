import type { ImportFormat } from '../../../domain/imports.js';
import { type FileProbe, resolveFormat } from '../file-probe.js';
import { openCsv } from './csv-reader.js';
import { openJson } from './json-reader.js';
import type { RecordSource } from './record-source.js';

/** Opens a probed file in the format its content shows (or the requested one, when it agrees). */
export function openRecords(
  path: string,
  probe: FileProbe,
  requested: ImportFormat | 'auto' | undefined,
  delimiter?: string,
): Promise<RecordSource> {
  const format = resolveFormat(probe, requested);
  // exceljs is large (≈ 30 MB resident): loaded only for Excel files.
  if (format === 'xlsx') return import('./xlsx-reader.js').then(({ openXlsx }) => openXlsx(path));
  if (format === 'csv') return openCsv(path, probe, delimiter);
  return openJson(path, probe, format === 'json' ? undefined : format);
}
