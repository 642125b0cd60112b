import { z } from 'zod';

/** A background job's state, as the job runner keeps it (pg-boss's states). */
export const JobStateSchema = z.enum(['created', 'retry', 'active', 'completed', 'cancelled', 'failed']);
export type JobState = z.infer<typeof JobStateSchema>;

/** One run of a periodic job (retention, digests, mail delivery) with its tries and last error. */
export const JobRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: JobStateSchema,
  /** Tries after the first. */
  retry_count: z.number().int(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

export const JobListSchema = z.object({ jobs: z.array(JobRecordSchema) });
export type JobList = z.infer<typeof JobListSchema>;
