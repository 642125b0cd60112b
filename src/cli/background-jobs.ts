import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { ServiceContext } from '../core/context.js';
import { contextFor } from '../core/tenancy.js';
import { listOrganisations } from '../core/tenancy.repo.js';
import type { DbHandle } from '../db/connect.js';
import { SYSTEM } from '../domain/auth.js';
import { runRetention } from '../features/gdpr/gdpr.service.js';
import { deliverDueMessages } from '../features/outbox/delivery.service.js';
import { lastWeek, writeWeeklyDigests } from '../features/outbox/outbox.service.js';
import type { Config } from '../server/config.js';

/**
 * The server's periodic work. Every process runs the same jobs; each is safe to run in several at once
 * (retention holds an advisory lock, digests are unique per unit and week, the mailer leases with SKIP LOCKED).
 * Returns a function that stops them.
 */
export function startBackgroundJobs(handle: DbHandle, config: Config, logger: Logger): () => void {
  const forEachOrganisation = async (actor: string, job: (ctx: ServiceContext) => Promise<unknown>) => {
    for (const org of await listOrganisations(handle.db)) {
      const result = await job(await contextFor(handle.db, org.slug, SYSTEM, { actor }));
      logger.info({ organisation: org.slug, result }, `${actor} done`);
    }
  };
  const every = (ms: number, name: string, run: () => Promise<unknown>) => {
    const timer = setInterval(() => void run().catch((err: unknown) => logger.error({ err }, `${name} failed`)), ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every(24 * 3600_000, 'retention run', () =>
      forEachOrganisation('retention-job', (ctx) => runRetention(ctx, { dryRun: false })),
    ),
    // Hourly: last week's digest is written once, on the first run after the week ends.
    every(3600_000, 'weekly digest', () =>
      forEachOrganisation('digest-job', (ctx) => writeWeeklyDigests(ctx, lastWeek(ctx.organisation.timeZone))),
    ),
  ];
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    timers.push(
      every(config.mailIntervalSeconds * 1000, 'mail delivery', async () => {
        const result = await deliverDueMessages(handle.db, transport, { from: config.mailFrom });
        if (result.sent || result.retrying || result.gaveUp) logger.info({ result }, 'mail delivered');
      }),
    );
  } else {
    logger.info('SMTP_URL not set: messages to reporters stay in the outbox');
  }
  return () => timers.forEach(clearInterval);
}
