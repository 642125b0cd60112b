import type { Command } from 'commander';
import { z } from 'zod';
import { IsoWeekSchema } from '../../domain/situation.js';
import { lastWeek, writeWeeklyDigests } from '../../features/outbox/outbox.service.js';
import { cliContext, openDatabase } from '../cli-context.js';

const DigestOptionsSchema = z.object({ org: z.string().min(1), week: IsoWeekSchema.optional() });

/** `trygg digest weekly [--week 2026-W47]`: writes the EST partners' weekly digests to the outbox. */
export function registerDigest(program: Command): void {
  program
    .command('digest')
    .description('messages to reporters')
    .command('weekly')
    .description(
      "write each EST partner unit's weekly digest to the outbox (a separate mailer sends it); safe to run twice",
    )
    .option('--week <week>', 'ISO week, e.g. 2026-W47 (default: last week)')
    .option('--org <slug>', 'organisation', 'stockholm')
    .action(async (raw: unknown) => {
      const opts = DigestOptionsSchema.parse(raw);
      const handle = await openDatabase();
      try {
        const ctx = await cliContext(handle, opts.org, 'digest');
        const week = opts.week ?? lastWeek(ctx.organisation.timeZone);
        const units = await writeWeeklyDigests(ctx, week);
        console.log(JSON.stringify({ week, units }, null, 2));
      } finally {
        await handle.close();
      }
    });
}
