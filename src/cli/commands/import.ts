import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { BATCH_PGLITE_SETTINGS } from '../../db/connect.js';
import { AppError } from '../../domain/errors.js';
import { type ImportReport, ImportFormatSchema } from '../../domain/imports.js';
import { runImport } from '../../features/imports/imports.service.js';
import { cliContext, openDatabase } from '../cli-context.js';
import { periodicGc } from '../heap.js';
import { progressBar } from '../progress-bar.js';

const ImportOptionsSchema = z.object({
  org: z.string().default('stockholm'),
  profile: z.string().max(100).optional(),
  format: ImportFormatSchema.optional(),
  dryRun: z.boolean().default(false),
  swapCoordinates: z.boolean().optional(),
  skipInvalid: z.boolean().default(false),
  json: z.boolean().default(false),
});

/** Exit codes: 0 done, 1 the file or the command was refused, 2 rows have errors (nothing written). */
const EXIT_ROW_ERRORS = 2;

function summary(r: ImportReport): string {
  const lines = [
    `${r.dry_run ? 'Kontroll (inget sparat)' : 'Import'}: ${r.file.name} (${r.file.format}, ${r.file.encoding ?? 'binär'}${r.file.delimiter ? `, avgränsare '${r.file.delimiter === '\t' ? '\\t' : r.file.delimiter}'` : ''}) – ${r.status}`,
    `  rader: ${r.rows.read} lästa, ${r.rows.ok} godkända, ${r.rows.with_errors} med fel, ${r.rows.skipped} överhoppade`,
    `  ${r.dry_run ? 'skulle ge' : 'resultat'}: ${r.rows.inserted} nya, ${r.rows.updated} uppdaterade, ${r.rows.unchanged} oförändrade`,
  ];
  if (r.source_columns.length) {
    const use = (c: ImportReport['source_columns'][number]) =>
      c.use === 'mapped'
        ? `${c.name} → ${c.field}`
        : `${c.name} (${c.use === 'ignored' ? 'ignoreras' : 'används inte'})`;
    lines.push(`  kolumner: ${r.source_columns.map(use).join(', ')}`);
  }
  for (const p of r.preview.slice(0, 5))
    lines.push(
      `  rad ${p.row} sparas som: ${p.occurred_local}, ${p.category_label.sv}${p.place ? `, ${p.place}` : ''} (${p.precision})`,
    );
  const unmatched = r.places.filter((p) => p.place === null);
  if (unmatched.length) lines.push(`  okända platser: ${unmatched.map((p) => `'${p.value}' ${p.rows}`).join(', ')}`);
  if (Object.keys(r.skipped).length)
    lines.push(
      `  överhoppade: ${Object.entries(r.skipped)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  if (Object.keys(r.unknown_categories).length)
    lines.push(
      `  okända kategorier: ${Object.entries(r.unknown_categories)
        .map(([k, v]) => `'${k}' ${v}`)
        .join(', ')}`,
    );
  if (r.outside_organisation) lines.push(`  utanför organisationen: ${r.outside_organisation}`);
  if (Object.keys(r.warnings).length)
    lines.push(
      `  noteringar: ${Object.entries(r.warnings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  for (const e of r.errors.slice(0, 20))
    lines.push(
      `  rad ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.code} – ${e.message}${e.suggestion ? ` (${e.suggestion})` : ''}`,
    );
  if (r.errors_total > 20)
    lines.push(`  … och ${r.errors_total - 20} fel till (--json visar upp till ${r.errors.length})`);
  lines.push(`  ${r.duration_ms} ms, ${r.rows_per_second} rader/s, körning ${r.run_id}`);
  return `${lines.join('\n')}\n`;
}

export function registerImport(program: Command): void {
  const imp = program.command('import').description('import data');
  imp
    .command('incidents')
    .description(
      'import incidents from CSV, Excel (.xlsx), GeoJSON or police events JSON; all rows in one transaction or none',
    )
    .argument('<file>', 'the file (its format is read from the content)')
    .option('--org <slug>', 'organisation', 'stockholm')
    .option('--profile <name>', 'saved column-mapping profile')
    .option('--format <format>', 'csv, xlsx, geojson or police (checked against the content)')
    .option('--dry-run', 'validate and report only; nothing is written')
    .option('--swap-coordinates', 'accept rows whose lat/lon (or x/y) look swapped, swapping them')
    .option('--skip-invalid', 'write the valid rows even when other rows have errors')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, raw: unknown) => {
      const opts = ImportOptionsSchema.parse(raw);
      const handle = await openDatabase({ pgliteSettings: BATCH_PGLITE_SETTINGS });
      const bar = progressBar(basename(file));
      const collect = periodicGc();
      try {
        const ctx = await cliContext(handle, opts.org);
        const report = await runImport(ctx, {
          filePath: file,
          fileName: basename(file),
          dryRun: opts.dryRun,
          profile: opts.profile,
          format: opts.format,
          swapCoordinates: opts.swapCoordinates,
          skipInvalid: opts.skipInvalid,
          onProgress: (p) => {
            bar.update(p);
            collect(p.rowsRead);
          },
        });
        bar.done();
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
        if (report.rows.with_errors > 0 && !opts.skipInvalid) process.exitCode = EXIT_ROW_ERRORS;
      } catch (error) {
        bar.done();
        // Rows with errors: the report says which; the code goes to stderr like every refusal.
        if (error instanceof AppError && error.code === 'IMPORT_HAS_ERRORS') {
          console.error(`IMPORT_HAS_ERRORS: ${error.messages.sv} / ${error.messages.en}`);
          process.stdout.write(`${JSON.stringify(error.details, null, 2)}\n`);
          process.exitCode = EXIT_ROW_ERRORS;
          return;
        }
        throw error;
      } finally {
        await handle.close();
      }
    });
}
