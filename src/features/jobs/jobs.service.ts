import type { Db } from '../../core/context.js';
import type { JobList } from '../../domain/jobs.js';
import type { JobRunner } from './job-runner.js';
import { currentSchema } from './jobs.repo.js';

/**
 * Where pg-boss keeps the jobs: `trygg_jobs` beside the app's tables in `public`, otherwise `<schema>_jobs`,
 * so that two installations in one database (or two test schemas) never share a queue.
 */
export async function jobsSchemaFor(db: Db): Promise<string> {
  const schema = await currentSchema(db);
  return schema === 'public' ? 'trygg_jobs' : `${schema}_jobs`;
}

/** The newest background jobs with their state, tries and last error (none when no runner runs here). */
export async function listJobs(runner: JobRunner | null): Promise<JobList> {
  return { jobs: runner ? await runner.list(100) : [] };
}
