/** The report formats every export offers. */
export type ExportFormat = 'pdf' | 'xlsx';

/** A rendered file for download. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Wraps rendered bytes as a download named `<base>.<format>`. */
export function exportFile(body: Buffer, format: ExportFormat, base: string): ExportFile {
  return { body, contentType: TYPES[format], filename: `${base}.${format}` };
}
