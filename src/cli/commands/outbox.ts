import type { Command } from 'commander';
import nodemailer from 'nodemailer';
import { outboxCounts } from '../../features/outbox/delivery.repo.js';
import { deliverDueMessages } from '../../features/outbox/delivery.service.js';
import { loadConfig } from '../../server/config.js';
import { cliContext, openDatabase } from '../cli-context.js';

/** `trygg outbox status|send`: the messages to reporters waiting in the outbox, and sending them once. */
export function registerOutbox(program: Command): void {
  const outbox = program.command('outbox').description('messages to reporters (status changes, weekly digests)');
  outbox
    .command('status')
    .description('pending, sent and given-up messages')
    .option('--org <slug>', 'organisation', 'stockholm')
    .action(async (opts: { org: string }) => {
      const handle = await openDatabase();
      try {
        const ctx = await cliContext(handle, opts.org, 'outbox');
        console.log(JSON.stringify(await outboxCounts(handle.db, ctx.organisation.id)));
      } finally {
        await handle.close();
      }
    });
  outbox
    .command('send')
    .description('send the due messages now through SMTP_URL (the server does this every 30 s)')
    .action(async () => {
      const config = loadConfig();
      if (!config.smtpUrl) {
        console.error('SMTP_URL is not set: give the mail server, e.g. SMTP_URL=smtp://mail.example:587');
        process.exitCode = 1;
        return;
      }
      const handle = await openDatabase();
      const transport = nodemailer.createTransport(config.smtpUrl);
      try {
        console.log(JSON.stringify(await deliverDueMessages(handle.db, transport, { from: config.mailFrom })));
      } finally {
        transport.close();
        await handle.close();
      }
    });
}
