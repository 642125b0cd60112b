import type { Command } from 'commander';
import { z } from 'zod';
import { createDemoAccounts, formatDemoAccounts } from '../../features/auth/demo-accounts.js';
import { seedStockholm } from '../../features/seed/seed.service.js';
import { cliContext, openDatabase } from '../cli-context.js';

const SeedOptionsSchema = z.object({
  incidents: z.coerce.number().int().min(0).max(2_000_000).default(50_000),
  seed: z.coerce.number().int().default(20_231_001),
  police: z.boolean().default(true),
});

export function registerSeed(program: Command): void {
  const seed = program.command('seed').description('load data');
  seed
    .command('demo')
    .description(
      'load Stockholm: real districts, units, places and police events, plus three generated years of demo incidents',
    )
    .option('--incidents <n>', 'number of generated demo incidents', '50000')
    .option('--seed <n>', 'random seed of the generator (same seed, same rows)')
    .option('--no-police', 'skip the real police events')
    .action(async (raw: unknown) => {
      const opts = SeedOptionsSchema.parse(raw);
      const handle = await openDatabase();
      try {
        const report = await seedStockholm(handle.db, {
          demoIncidents: opts.incidents,
          demoSeed: opts.seed,
          police: opts.police,
        });
        console.log(JSON.stringify(report, null, 2));
        if (!report.alreadySeeded)
          console.log(
            formatDemoAccounts(await createDemoAccounts(await cliContext(handle, report.organisation.slug, 'system'))),
          );
      } finally {
        await handle.close();
      }
    });
}
