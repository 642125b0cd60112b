import type { Command } from 'commander';
import { Redis } from 'ioredis';
import pino from 'pino';
import { hasAnyOrganisation } from '../../core/tenancy.repo.js';
import { createDemoAccounts, formatDemoAccounts } from '../../features/auth/demo-accounts.js';
import { failAbandonedImportRuns } from '../../features/imports/imports.service.js';
import { seedStockholm } from '../../features/seed/seed.service.js';
import { buildApp } from '../../server/app.js';
import { loadConfig, oidcSettings, onlineBasemap } from '../../server/config.js';
import { startMetricsServer } from '../../server/operations.js';
import { startBackgroundJobs } from '../background-jobs.js';
import { cliContext, openDatabase, openReadReplica } from '../cli-context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web app and API (migrates the database first)')
    .option('--port <port>', 'port to listen on (env PORT, default 3000)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option('--seed-if-empty', 'load the Stockholm demo when the database has no organisation yet')
    .action(async (opts: { port?: string; host?: string; seedIfEmpty?: boolean }) => {
      const config = loadConfig(process.env, {
        ...(opts.port ? { port: Number(opts.port) } : {}),
        ...(opts.host ? { host: opts.host } : {}),
      });
      const logger = pino({ level: config.logLevel });
      const handle = await openDatabase({ purpose: 'server', log: logger }, config);
      const abandoned = await failAbandonedImportRuns(handle.db, handle.engine);
      if (abandoned)
        logger.warn({ runs: abandoned }, 'imports left running by a process that is gone are marked failed');
      if (opts.seedIfEmpty) {
        if (!(await hasAnyOrganisation(handle.db))) {
          logger.info('empty database: loading the Stockholm demo (first start only, takes a little while)');
          const report = await seedStockholm(handle.db, {});
          logger.info(
            {
              units: report.units,
              areas: report.areas,
              places: report.places,
              demoIncidents: report.demoIncidents,
              policeIncidents: report.policeIncidents,
            },
            'demo loaded',
          );
          const accounts = await createDemoAccounts(await cliContext(handle, report.organisation.slug, 'system'));
          console.log(formatDemoAccounts(accounts));
        }
      }
      const replica = await openReadReplica(handle, config, logger);
      const jobs = await startBackgroundJobs(handle, config, logger);
      const redis = config.redisUrl ? new Redis(config.redisUrl) : undefined;
      const app = await buildApp({
        db: handle.db,
        readDb: replica?.db ?? null,
        engine: handle.engine,
        config,
        logger,
        redis,
        oidc: oidcSettings(config),
        basemap: onlineBasemap(config),
        jobs,
        operations: { poolStats: handle.poolStats, metricsToken: config.metricsToken, jobQueueDepth: jobs.queueDepth },
      });
      const metricsServer =
        config.metricsPort === undefined
          ? null
          : await startMetricsServer(app.metrics, config.metricsHost, config.metricsPort);
      const shutdown = async (signal: string) => {
        logger.info({ signal }, 'shutting down: finishing the requests in flight');
        // A request that never ends must not keep a deploy waiting: the orchestrator kills at its own limit.
        setTimeout(() => {
          logger.error('requests still running after 25 s: stopping anyway');
          process.exit(1);
        }, 25_000).unref();
        // New requests get 503 with Connection: close while the ones in flight run to their end; a job
        // running here finishes too (another server would otherwise take it up again after it expires).
        await Promise.all([app.close(), jobs.stop()]);
        metricsServer?.close();
        redis?.disconnect();
        await replica?.close();
        await handle.close();
        logger.info('shut down');
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
      if (metricsServer) {
        const { port } = metricsServer.address() as { port: number };
        logger.info({ host: config.metricsHost, port }, 'metrics served on their own address at /metrics');
      }
      console.log(
        `Trygg is running on http://${shown}:${(app.server.address() as { port: number }).port} (database: ${handle.engine})`,
      );
    });
}
