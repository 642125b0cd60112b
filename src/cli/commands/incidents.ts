import { stringify } from 'csv-stringify/sync';
import type { Command } from 'commander';
import { z } from 'zod';
import { defuseCell } from '../../analysis/text/spreadsheet-cell.js';
import { IncidentListQuerySchema, type Incident } from '../../domain/incidents.js';
import { incidentFeatureCollection } from '../../features/incidents/incidents-geojson.js';
import { listIncidents } from '../../features/incidents/incidents.service.js';
import { resolveAreaRef } from '../../features/org/org.service.js';
import { cliContext, openDatabase } from '../cli-context.js';

const ListOptionsSchema = z.object({
  org: z.string().default('stockholm'),
  area: z.string().optional(),
  category: z.string().optional(),
  source: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000_000).default(1000),
  format: z.enum(['csv', 'json', 'geojson']).default('csv'),
  coarse: z.enum(['null', 'polygon']).default('null'),
});

const CSV_COLUMNS = [
  'id',
  'occurred_at',
  'category',
  'lon',
  'lat',
  'precision',
  'area_id',
  'district_id',
  'place_id',
  'source',
  'status',
  'generated',
  'description',
] as const;

export function registerIncidents(program: Command): void {
  const incidents = program.command('incidents').description('incidents');
  incidents
    .command('list')
    .description('print incidents, newest first')
    .option('--org <slug>', 'organisation', 'stockholm')
    .option('--area <code-or-id>', "area code such as 'hogdalen' or 'jarva', or an area id")
    .option('--category <codes>', 'comma-separated category codes')
    .option('--source <sources>', 'comma-separated sources')
    .option('--from <iso>', 'occurred at or after (ISO date-time with offset)')
    .option('--to <iso>', 'occurred before (ISO date-time with offset)')
    .option('--limit <n>', 'at most this many rows', '1000')
    .option('--format <format>', 'csv, json or geojson', 'csv')
    .option(
      '--coarse <geometry>',
      "geojson: geometry of area- and municipality-precision incidents, 'null' or 'polygon' (their neighbourhood)",
      'null',
    )
    .action(async (raw: unknown) => {
      const opts = ListOptionsSchema.parse(raw);
      const handle = await openDatabase();
      try {
        const ctx = await cliContext(handle, opts.org);
        const area = opts.area ? await resolveAreaRef(ctx, opts.area) : undefined;
        const rows: Incident[] = [];
        let cursor: string | undefined;
        do {
          const query = IncidentListQuerySchema.parse({
            area_id: area?.id,
            category: opts.category,
            source: opts.source,
            from: opts.from,
            to: opts.to,
            limit: Math.min(1000, opts.limit - rows.length),
            cursor,
          });
          const page = await listIncidents(ctx, query);
          rows.push(...page.items);
          cursor = page.next_cursor ?? undefined;
        } while (cursor && rows.length < opts.limit);
        process.stdout.write(
          opts.format === 'geojson'
            ? `${JSON.stringify(await incidentFeatureCollection(ctx, rows, opts.coarse))}\n`
            : render(rows, opts.format),
        );
      } finally {
        await handle.close();
      }
    });
}

function render(rows: Incident[], format: 'csv' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return stringify(
    rows.map((r) => CSV_COLUMNS.map((c) => defuseCell(r[c]))),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}
