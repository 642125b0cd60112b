import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Db } from '../../core/context.js';
import type { JobRecord } from '../../domain/jobs.js';
import { grantJobsSchema, listBossJobs } from './jobs.repo.js';

/** Work done once per period by whichever server gets to it first. */
export interface PeriodicJob {
  /** Queue name: letters, digits, hyphens. */
  name: string;
  periodSeconds: number;
  run(): Promise<unknown>;
  /** Further tries after a failure, each after about twice the delay of the one before (default 3 × from 60 s). */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

/** The same interface whether jobs live in PostgreSQL (pg-boss) or, on PGlite, in this one process. */
export interface JobRunner {
  start(): Promise<void>;
  /** Stops scheduling and waits (up to a limit) for jobs running here to finish. */
  stop(): Promise<void>;
  /** The newest jobs, newest first: state, tries and the last error. */
  list(limit?: number): Promise<JobRecord[]>;
  /** Jobs waiting to run (new or to be retried), by queue. */
  queueDepth(): Promise<Record<string, number>>;
}

export interface RunnerOptions {
  /** How often each runner checks whether a new period has begun; a period's job starts at most this late. */
  tickMs?: number;
  onError?: (error: unknown, job: string) => void;
}

/** Periods are counted from the epoch, so every server agrees on which one it is. */
export const periodOf = (periodSeconds: number, now = Date.now()) => Math.floor(now / 1000 / periodSeconds);

/**
 * One job id per queue and period (a UUID made from both): every server inserts the same id, PostgreSQL keeps
 * the first and drops the others, so the job runs exactly once per period however many servers there are.
 */
export function periodJobId(name: string, period: number): string {
  const h = createHash('sha256').update(`${name}|${period}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Every period is noticed within a tenth of it (mail every 30 s, say), and within 30 s at most. */
const tickMs = (jobs: readonly PeriodicJob[], options: RunnerOptions) =>
  options.tickMs ?? Math.min(30_000, ...jobs.map((j) => j.periodSeconds * 100));

const WORK_POLL_MS = 500;
/** How long stopping waits for jobs running here before leaving them to expire and run elsewhere. */
const STOP_WAIT_MS = 20_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Creates a queue unless it exists. Servers starting together create the same queues at once, and pg-boss's
 * create (a row, then the queue's own table) can deadlock with another's: the loser tries again.
 */
async function createQueue(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt * Math.random()));
    }
  }
}

/** Jobs on PostgreSQL with pg-boss, in a schema of their own; several servers share them. */
export function pgBossRunner(
  db: Db,
  connection: { connectionString: string; schema: string },
  jobs: readonly PeriodicJob[],
  options: RunnerOptions = {},
): JobRunner {
  const longest = Math.max(...jobs.map((j) => j.periodSeconds), 3600);
  const boss = new PgBoss({
    connectionString: connection.connectionString,
    schema: connection.schema,
    max: 3,
    // pg-boss's own cron would do, but only to the minute; ids per period work for any period.
    schedule: false,
    // A finished job stays in the job table (where its id blocks a second run) for longer than any period.
    archiveCompletedAfterSeconds: 2 * longest,
    archiveFailedAfterSeconds: 2 * longest,
    deleteAfterDays: 30,
  });
  boss.on('error', (error) => options.onError?.(error, 'pg-boss'));
  let timer: NodeJS.Timeout | undefined;

  const enqueue = async () => {
    for (const job of jobs) {
      try {
        await boss.send(
          job.name,
          {},
          {
            id: periodJobId(job.name, periodOf(job.periodSeconds)),
            retryLimit: job.retryLimit ?? 3,
            retryDelay: job.retryDelaySeconds ?? 60,
            retryBackoff: true,
            // A run still active after this is taken to have died with its server, and is tried again.
            expireInSeconds: Math.min(Math.max(job.periodSeconds, 15 * 60), 4 * 3600),
          },
        );
      } catch (error) {
        options.onError?.(error, job.name);
      }
    }
  };

  /** A job's outcome is recorded here; losing the database meanwhile leaves the job to expire and be tried again. */
  const settle = async (record: () => Promise<unknown>, name: string) => {
    try {
      await record();
    } catch (error) {
      options.onError?.(error, name);
    }
  };
  const runFetched = async (job: PeriodicJob) => {
    for (const fetched of (await boss.fetch(job.name)) ?? []) {
      try {
        await job.run();
        await settle(() => boss.complete(job.name, fetched.id), job.name);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        await settle(
          () => boss.fail(job.name, fetched.id, { message: failure.message, stack: failure.stack }),
          job.name,
        );
      }
    }
  };
  let stopping = false;
  const loops: Array<Promise<void>> = [];
  /**
   * pg-boss's own worker (`work`) records a job's outcome without awaiting it, so a connection lost at that
   * instant is an unhandled rejection that ends the process; this loop fetches and records by itself.
   */
  const workLoop = async (job: PeriodicJob) => {
    while (!stopping) {
      try {
        await runFetched(job);
      } catch (error) {
        options.onError?.(error, job.name);
      }
      await new Promise((resolve) => setTimeout(resolve, WORK_POLL_MS).unref());
    }
  };

  return {
    async start() {
      await boss.start();
      for (const job of jobs) {
        await createQueue(boss, job.name);
        loops.push(workLoop(job));
      }
      await enqueue();
      timer = setInterval(() => void enqueue(), tickMs(jobs, options));
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      stopping = true;
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
      await boss.stop({ graceful: false, wait: true });
    },
    list: (limit = 100) => listBossJobs(db, connection.schema, limit),
    async queueDepth() {
      const depth: Record<string, number> = {};
      for (const job of jobs) depth[job.name] = await boss.getQueueSize(job.name);
      return depth;
    },
  };
}

/**
 * When the app runs as a role that owns no tables (MIGRATION_DATABASE_URL): the owner installs pg-boss's
 * schema and the jobs' queues (a queue is a table of its own), then lets the app's role use them.
 */
export async function installJobsAsOwner(
  ownerConnectionString: string,
  schema: string,
  jobs: readonly PeriodicJob[],
  grantee: string,
): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerConnectionString,
    schema,
    max: 1,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    for (const job of jobs) await createQueue(boss, job.name);
    await grantJobsSchema(boss.getDb(), schema, grantee);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/**
 * The embedded database's runner: one process, so a period's job runs here once, with the same retries and
 * the same listing; what it ran is forgotten when the process ends.
 */
export function inProcessRunner(jobs: readonly PeriodicJob[], options: RunnerOptions = {}): JobRunner {
  const records: JobRecord[] = [];
  const done = new Set<string>();
  const running = new Set<Promise<void>>();
  const retries = new Set<NodeJS.Timeout>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const attempt = (job: PeriodicJob, record: JobRecord) => {
    record.state = 'active';
    record.started_at = new Date().toISOString();
    const work = job.run().then(
      () => {
        record.state = 'completed';
        record.finished_at = new Date().toISOString();
      },
      (error: unknown) => {
        record.last_error = message(error);
        options.onError?.(error, job.name);
        const limit = job.retryLimit ?? 3;
        if (record.retry_count >= limit || stopped) {
          record.state = 'failed';
          record.finished_at = new Date().toISOString();
          return;
        }
        record.state = 'retry';
        // pg-boss's backoff: about delay × 2^n, with jitter so that failures spread out.
        const base = (job.retryDelaySeconds ?? 60) * 2 ** record.retry_count;
        const delay = (base / 2 + (base / 2) * Math.random()) * 1000;
        const retry = setTimeout(() => {
          retries.delete(retry);
          // Counted when the retry starts, as pg-boss counts it.
          record.retry_count += 1;
          attempt(job, record);
        }, delay);
        retry.unref();
        retries.add(retry);
      },
    );
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  const enqueue = () => {
    for (const job of jobs) {
      const id = periodJobId(job.name, periodOf(job.periodSeconds));
      if (done.has(id)) continue;
      done.add(id);
      const record: JobRecord = {
        id,
        name: job.name,
        state: 'created',
        retry_count: 0,
        last_error: null,
        created_at: new Date().toISOString(),
        started_at: null,
        finished_at: null,
      };
      records.unshift(record);
      records.splice(500);
      attempt(job, record);
    }
  };

  return {
    async start() {
      enqueue();
      timer = setInterval(enqueue, tickMs(jobs, options));
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const retry of retries) clearTimeout(retry);
      await Promise.allSettled([...running]);
    },
    async list(limit = 100) {
      return records.slice(0, limit).map((r) => ({ ...r }));
    },
    async queueDepth() {
      const depth: Record<string, number> = {};
      for (const job of jobs)
        depth[job.name] = records.filter(
          (r) => r.name === job.name && (r.state === 'created' || r.state === 'retry'),
        ).length;
      return depth;
    },
  };
}
