import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { ServiceContext } from '../core/context.js';
import { contextFor } from '../core/tenancy.js';
import { listOrganisations } from '../core/tenancy.repo.js';
import type { DbHandle } from '../db/connect.js';
import { currentRole } from '../db/runtime-role.js';
import { SYSTEM } from '../domain/auth.js';
import { runRetention } from '../features/gdpr/gdpr.service.js';
import {
  inProcessRunner,
  installJobsAsOwner,
  type JobRunner,
  type PeriodicJob,
  pgBossRunner,
} from '../features/jobs/job-runner.js';
import { jobsSchemaFor } from '../features/jobs/jobs.service.js';
import { deliverDueMessages } from '../features/outbox/delivery.service.js';
import { lastWeek, writeWeeklyDigests } from '../features/outbox/outbox.service.js';
import type { Config } from '../server/config.js';

/** The server's periodic work, each run once per period however many servers there are. */
function periodicJobs(handle: DbHandle, config: Config, logger: Logger): PeriodicJob[] {
  const forEachOrganisation = async (actor: string, job: (ctx: ServiceContext) => Promise<unknown>) => {
    for (const org of await listOrganisations(handle.db)) {
      const result = await job(await contextFor(handle.db, org.slug, SYSTEM, { actor }));
      logger.info({ organisation: org.slug, result }, `${actor} done`);
    }
  };
  const jobs: PeriodicJob[] = [
    {
      name: 'retention',
      periodSeconds: 24 * 3600,
      run: () => forEachOrganisation('retention-job', (ctx) => runRetention(ctx, { dryRun: false })),
    },
    // Hourly: last week's digest is written once, on the first run after the week ends.
    {
      name: 'weekly-digest',
      periodSeconds: 3600,
      run: () =>
        forEachOrganisation('digest-job', (ctx) => writeWeeklyDigests(ctx, lastWeek(ctx.organisation.timeZone))),
    },
  ];
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    jobs.push({
      name: 'mail-delivery',
      periodSeconds: config.mailIntervalSeconds,
      // The outbox retries each message itself; a failed run is simply the next period's.
      retryLimit: 0,
      run: async () => {
        const result = await deliverDueMessages(handle.db, transport, { from: config.mailFrom });
        if (result.sent || result.retrying || result.gaveUp) logger.info({ result }, 'mail delivered');
      },
    });
  } else {
    logger.info('SMTP_URL not set: messages to reporters stay in the outbox');
  }
  return jobs;
}

/**
 * Starts the periodic jobs: on PostgreSQL in pg-boss's tables (a schema beside the app's), shared by every
 * server, on PGlite in this process. Each job runs once per period, a failed one is retried with backoff.
 */
export async function startBackgroundJobs(handle: DbHandle, config: Config, logger: Logger): Promise<JobRunner> {
  const jobs = periodicJobs(handle, config, logger);
  const onError = (err: unknown, job: string) => logger.error({ err, job }, 'background job failed');
  if (handle.engine !== 'postgres' || !config.databaseUrl) {
    const runner = inProcessRunner(jobs, { onError });
    await runner.start();
    return runner;
  }
  const schema = await jobsSchemaFor(handle.db);
  if (config.migrationDatabaseUrl) {
    await installJobsAsOwner(config.migrationDatabaseUrl, schema, jobs, await currentRole(handle.db));
  }
  const runner = pgBossRunner(handle.db, { connectionString: config.databaseUrl, schema }, jobs, { onError });
  await runner.start();
  return runner;
}
