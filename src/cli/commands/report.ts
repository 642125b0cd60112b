import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { SituationQuerySchema } from '../../domain/situation.js';
import { resolveAreaRef } from '../../features/org/org.service.js';
import { exportSituationReport } from '../../features/situation/situation.export.js';
import { getSituationReport } from '../../features/situation/situation.service.js';
import { cliContext, openDatabase } from '../cli-context.js';

const SituationOptionsSchema = z.object({
  org: z.string().default('stockholm'),
  district: z.string().min(1),
  week: z.string(),
  format: z.enum(['pdf', 'json', 'xlsx']).default('json'),
  out: z.string().optional(),
  categoryGroup: z.string().optional(),
  source: z.string().optional(),
});

export function registerReport(program: Command): void {
  const report = program.command('report').description('reports');
  report
    .command('situation')
    .description("the week's situation report (lägesbild) for a district or the whole city")
    .requiredOption('--district <code-or-id>', "district code such as 'jarva' or an area id; 'city' for the whole city")
    .requiredOption('--week <week>', 'ISO week, e.g. 2026-W47')
    .option('--format <format>', 'json, pdf or xlsx', 'json')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--category-group <groups>', 'comma-separated category groups, e.g. violence,disorder')
    .option('--source <sources>', 'comma-separated sources, e.g. police,staff')
    .option('--org <slug>', 'organisation', 'stockholm')
    .action(async (raw: unknown) => {
      const opts = SituationOptionsSchema.parse(raw);
      const handle = await openDatabase();
      try {
        const ctx = await cliContext(handle, opts.org);
        const area = opts.district === 'city' ? undefined : await resolveAreaRef(ctx, opts.district);
        const query = SituationQuerySchema.parse({
          area_id: area?.id,
          week: opts.week,
          category_group: opts.categoryGroup,
          source: opts.source,
        });
        const body =
          opts.format === 'json'
            ? Buffer.from(`${JSON.stringify((await getSituationReport(ctx, query)).report, null, 2)}\n`)
            : (await exportSituationReport(ctx, query, opts.format)).body;
        if (opts.out) writeFileSync(opts.out, body);
        else process.stdout.write(body);
      } finally {
        await handle.close();
      }
    });
}
