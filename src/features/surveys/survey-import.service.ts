import { auditChange } from '../../core/audit.repo.js';
import type { Db, ServiceContext } from '../../core/context.js';
import { AppError } from '../../domain/errors.js';
import type { SurveyImportReport, SurveyRowIssue } from '../../domain/surveys.js';
import { probeFile, sniffFile } from '../imports/file-probe.js';
import { openRecords } from '../imports/readers/open-file.js';
import {
  type AdmittedSurveyRow,
  admitSurveyRow,
  nameKey,
  planColumns,
  repeatedRows,
  type SurveyLookups,
} from './survey-rows.js';
import { listQuestionRows, listSurveyAreaRows, listSurveyRows, upsertResults } from './surveys.repo.js';

/** Survey files are small (one row per area × question × year); more rows than this is not such a file. */
export const MAX_SURVEY_ROWS = 20_000;
/** Row issues listed in the refusal; every issue is still counted. */
const MAX_LISTED_ISSUES = 200;

/** The organisation's catalogue in the shape rows are checked against. */
export async function surveyLookups(db: Db, org: string): Promise<SurveyLookups> {
  const [surveys, areas, questions] = await Promise.all([
    listSurveyRows(db, org),
    listSurveyAreaRows(db, org),
    listQuestionRows(db, org),
  ]);
  return {
    surveys: new Map(surveys.map((s) => [nameKey(s.name), s.id])),
    areas: new Map(areas.map((a) => [`${nameKey(a.name)}|${a.level}`, a.id])),
    questions: new Map(
      questions.map((q) => [
        `${q.survey_id}|${nameKey(q.text)}`,
        { id: q.id, options: q.options.options, keyOption: q.key_option },
      ]),
    ),
  };
}

/** Checks every row of a table (header first); the accepted rows, or every issue found. */
export function admitSurveyTable(
  header: readonly string[],
  records: ReadonlyArray<{ row: number; cells: readonly unknown[] }>,
  lookups: SurveyLookups,
): { rows: AdmittedSurveyRow[]; issues: SurveyRowIssue[] } {
  const { plan, issues } = planColumns(header);
  if (issues.length) return { rows: [], issues };
  const rows: AdmittedSurveyRow[] = [];
  for (const r of records) {
    const admitted = admitSurveyRow(r.row, r.cells, plan, header, lookups);
    if (admitted.ok) rows.push(admitted.value);
    else issues.push(...admitted.issues);
  }
  issues.push(...repeatedRows(rows));
  return { rows, issues: issues.sort((a, b) => a.row - b.row) };
}

/** Reads a CSV or Excel file's first sheet into its header and rows. */
async function readTable(filePath: string) {
  const probe = sniffFile(await probeFile(filePath));
  if (probe.kind !== 'csv' && probe.kind !== 'xlsx')
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { expected: 'a CSV file or an Excel workbook (.xlsx)' } });
  const source = await openRecords(filePath, probe, probe.kind);
  const records: Array<{ row: number; cells: readonly unknown[] }> = [];
  for await (const record of source.records) {
    if (record.kind !== 'tabular') continue;
    if (records.length === MAX_SURVEY_ROWS)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'file', code: 'too_many_rows', message: `more than ${MAX_SURVEY_ROWS} rows` }],
      });
    records.push({ row: record.row, cells: record.cells });
  }
  return { header: source.columns, records, sha256: probe.sha256 };
}

/**
 * Imports survey results from a CSV or Excel file, all or nothing: any row with an issue refuses the whole
 * file (422 IMPORT_HAS_ERRORS, every issue with its row, column and message in Swedish and English). A
 * result already stored for the same area × question × year is replaced, so a corrected file can be sent
 * again. A dry run checks and writes nothing.
 */
export async function importSurveyResults(
  ctx: ServiceContext,
  input: { filePath: string; fileName: string; dryRun: boolean },
): Promise<SurveyImportReport> {
  const table = await readTable(input.filePath);
  const { rows, issues } = admitSurveyTable(
    table.header,
    table.records,
    await surveyLookups(ctx.db, ctx.organisation.id),
  );
  const read = table.records.length;
  if (issues.length) {
    throw new AppError('IMPORT_HAS_ERRORS', {
      // A survey file has no "skip the bad rows": the general message must not offer it.
      messages: {
        sv: 'Ingenting importerades: rader i filen har fel. Rätta raderna och skicka filen igen.',
        en: 'Nothing was imported: rows of the file have errors. Fix the rows and send the file again.',
      },
      details: {
        rows: {
          read,
          ok: read - new Set(issues.map((i) => i.row)).size,
          with_errors: new Set(issues.map((i) => i.row)).size,
        },
        errors_total: issues.length,
        errors: issues.slice(0, MAX_LISTED_ISSUES),
      },
    });
  }
  if (input.dryRun) return { status: 'validated', rows: { read, inserted: 0, updated: 0 } };
  return ctx.db.transaction().execute(async (trx) => {
    const written = await upsertResults(
      trx,
      rows.map((r) => ({ ...r, organisationId: ctx.organisation.id })),
    );
    await auditChange(trx, ctx, {
      action: 'import',
      entityType: 'survey_results',
      after: { file_name: input.fileName, file_sha256: table.sha256, rows: read, ...written },
    });
    return { status: 'committed' as const, rows: { read, ...written } };
  });
}
