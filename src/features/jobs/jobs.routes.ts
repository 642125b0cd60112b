import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { jobsContract as routes } from '../../contracts/jobs.contract.js';
import { serve } from '../../http/serve-route.js';
import type { JobRunner } from './job-runner.js';
import { listJobs } from './jobs.service.js';

/** The background jobs of the runner this server started (null: none, as in tests and commands). */
export const jobsRoutes: FastifyPluginAsyncZod<{ runner: JobRunner | null }> = async (app, { runner }) => {
  serve(app, routes.list, async () => listJobs(runner));
};
