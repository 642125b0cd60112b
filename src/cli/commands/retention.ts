import type { Command } from 'commander';
import { runRetention } from '../../features/gdpr/gdpr.service.js';
import { cliContext, openDatabase } from '../cli-context.js';

export function registerRetention(program: Command): void {
  program
    .command('retention')
    .description('GDPR retention rules')
    .command('run')
    .description('clear personal data past its retention period (free text after 24 months, e-mail after 12, …)')
    .option('--dry-run', 'only count what would be cleared')
    .option('--org <slug>', 'organisation', 'stockholm')
    .action(async (opts: { dryRun?: boolean; org: string }) => {
      const handle = await openDatabase();
      try {
        const result = await runRetention(await cliContext(handle, opts.org, 'retention'), {
          dryRun: Boolean(opts.dryRun),
        });
        console.log(JSON.stringify(result, null, 2));
      } finally {
        await handle.close();
      }
    });
}
