import type {
  ImportField,
  ImportFormat,
  ImportReport,
  PreviewRow,
  RowIssue,
  SourceColumn,
} from '../../domain/imports.js';
import { storedText } from './quoted-values.js';
import type { MappedRow, Warning } from './row-mapper.js';

/** Accepted rows shown as they will be stored. */
export const PREVIEW_ROWS = 10;

/** Row issues kept in the report; every issue is still counted. */
export const MAX_LISTED_ISSUES = 1000;
const MAX_LISTED_DUPLICATES = 100;
const MAX_DISTINCT_VALUES = 500;

function bump(counts: Record<string, number>, key: string, by = 1, cap = Infinity): void {
  if (key in counts || Object.keys(counts).length < cap) counts[key] = (counts[key] ?? 0) + by;
  else counts['…'] = (counts['…'] ?? 0) + by;
}

export type DuplicateKind = 'source_ref_in_file' | 'near_in_file' | 'near_in_database';

/**
 * Collects what a run found, row by row, into the report the CLI prints and the web shows. Memory stays
 * bounded: lists are capped, counts are not.
 */
export function createReportBuilder(base: {
  runId: string;
  dryRun: boolean;
  file: ImportReport['file'];
  profile: string | null;
}) {
  const started = performance.now();
  const report: ImportReport = {
    run_id: base.runId,
    status: 'running',
    dry_run: base.dryRun,
    file: base.file,
    profile: base.profile,
    columns: {},
    source_columns: [],
    preview: [],
    places: [],
    rows: { read: 0, ok: 0, with_errors: 0, skipped: 0, inserted: 0, updated: 0, unchanged: 0 },
    errors: [],
    errors_total: 0,
    errors_by_code: {},
    unknown_categories: {},
    category_fallbacks: {},
    outside_organisation: 0,
    duplicates: {
      source_ref_in_file: 0,
      source_ref_in_database: 0,
      near_in_file: 0,
      near_in_database: 0,
      examples: [],
    },
    skipped: {},
    redactions: { rows: 0, replacements: 0 },
    warnings: {},
    duration_ms: 0,
    rows_per_second: 0,
  };
  let describe: ((m: Extract<MappedRow, { kind: 'ok' }>) => PreviewRow) | null = null;
  const places = new Map<string, { place: string | null; precision: 'place' | 'area' | null; rows: number }>();
  const countPlace = (value: string, place: string | null, precision: 'place' | 'area' | null) => {
    const seen = places.get(value);
    if (seen) seen.rows++;
    else if (places.size < MAX_DISTINCT_VALUES) places.set(value, { place, precision, rows: 1 });
  };
  const warn = (w: Warning) =>
    typeof w === 'string'
      ? bump(report.warnings, w)
      : bump(report.category_fallbacks, w.fallback, 1, MAX_DISTINCT_VALUES);

  return {
    report,
    setSource(format: ImportFormat, delimiter: string | null, columns: Partial<Record<ImportField, string>>) {
      report.file.format = format;
      report.file.delimiter = delimiter;
      // Column names come from the file's header row, which is as free as any cell.
      report.columns = Object.fromEntries(Object.entries(columns).map(([field, name]) => [field, storedText(name)]));
    },
    /** Every column of the file and what became of it, and how an accepted row reads once stored. */
    setPlan(sourceColumns: SourceColumn[], preview: (m: Extract<MappedRow, { kind: 'ok' }>) => PreviewRow) {
      report.source_columns = sourceColumns.map((c) => ({ ...c, name: storedText(c.name) }));
      describe = preview;
    },
    /** Counts one mapped row; accepted rows are counted ok here and moved to skipped if found duplicate later. */
    addMapped(m: MappedRow) {
      report.rows.read++;
      if (m.kind === 'skip') {
        report.rows.skipped++;
        bump(report.skipped, m.reason);
        return;
      }
      if (m.kind === 'error') {
        report.rows.with_errors++;
        for (const i of m.issues) {
          report.errors_total++;
          bump(report.errors_by_code, i.code);
          if (report.errors.length < MAX_LISTED_ISSUES)
            report.errors.push(i.column === null ? i : { ...i, column: storedText(i.column) });
        }
        if (m.unknownCategory !== undefined) bump(report.unknown_categories, m.unknownCategory, 1, MAX_DISTINCT_VALUES);
        if (m.outside) report.outside_organisation++;
        if (m.unknownPlace !== undefined) countPlace(m.unknownPlace, null, null);
        return;
      }
      report.rows.ok++;
      if (m.place) countPlace(m.place.value, m.place.name, m.place.precision);
      if (describe && report.preview.length < PREVIEW_ROWS) report.preview.push(describe(m));
      m.warnings.forEach(warn);
      if (m.redacted > 0) {
        report.redactions.rows++;
        report.redactions.replacements += m.redacted;
      }
    },
    /** Accepted rows that will not be written because they repeat one in the file or the database. */
    addDuplicates(
      kind: DuplicateKind,
      count: number,
      examples: ReadonlyArray<Pick<RowIssue, 'row' | 'message' | 'params'>>,
    ) {
      if (count === 0) return;
      report.rows.ok -= count;
      report.rows.skipped += count;
      report.duplicates[kind] += count;
      bump(report.skipped, `duplicate_${kind}`, count);
      for (const e of examples) {
        if (report.duplicates.examples.length >= MAX_LISTED_DUPLICATES) break;
        report.duplicates.examples.push({
          row: e.row,
          column: null,
          code: `duplicate_${kind}`,
          message: e.message,
          ...(e.params ? { params: e.params } : {}),
        });
      }
      report.duplicates.examples.sort((a, b) => a.row - b.row);
    },
    /** Accepted rows whose source id is already stored: they update that incident, or change nothing. */
    addExisting(changed: number, unchanged: number) {
      report.duplicates.source_ref_in_database += changed + unchanged;
      report.rows.updated += changed;
      report.rows.unchanged += unchanged;
    },
    addInserted(n: number) {
      report.rows.inserted += n;
    },
    finish(status: ImportReport['status']): ImportReport {
      report.status = status;
      report.places = [...places]
        .map(([value, p]) => ({ value, ...p }))
        .sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value, 'sv'));
      report.duration_ms = Math.round(performance.now() - started);
      report.rows_per_second =
        report.duration_ms > 0 ? Math.round((report.rows.read * 1000) / report.duration_ms) : report.rows.read;
      return report;
    },
  };
}
export type ReportBuilder = ReturnType<typeof createReportBuilder>;
