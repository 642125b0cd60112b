import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, TEST_POSTGRES_URL, type TestDb } from '../../../tests/setup/test-db.js';
import { inProcessRunner, type JobRunner, type PeriodicJob, periodOf, pgBossRunner } from './job-runner.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job that counts its runs per period, one that fails twice before it succeeds, and one that always fails. */
function testJobs() {
  const runsPerPeriod = new Map<number, number>();
  let flakyTries = 0;
  const jobs: PeriodicJob[] = [
    {
      name: 'every-two-seconds',
      periodSeconds: 2,
      run: async () => {
        const period = periodOf(2);
        runsPerPeriod.set(period, (runsPerPeriod.get(period) ?? 0) + 1);
      },
    },
    {
      name: 'flaky',
      periodSeconds: 3600,
      retryLimit: 3,
      retryDelaySeconds: 1,
      run: async () => {
        flakyTries += 1;
        if (flakyTries <= 2) throw new Error(`mail server refused (${flakyTries})`);
      },
    },
    {
      name: 'broken',
      periodSeconds: 3600,
      retryLimit: 1,
      retryDelaySeconds: 1,
      run: async () => {
        throw new Error('the disk is full');
      },
    },
  ];
  return { jobs, runsPerPeriod, flakyTries: () => flakyTries };
}

async function waitFor(check: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await sleep(200);
}

describe('periodic jobs on PostgreSQL with two servers', () => {
  let testDb: TestDb;
  const runners: JobRunner[] = [];
  const t = testJobs();

  beforeAll(async () => {
    testDb = await openTestDb('postgres');
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(testDb.db);
    const connection = { connectionString: TEST_POSTGRES_URL, schema: `${rows[0]!.schema}_jobs` };
    for (let i = 0; i < 2; i++) runners.push(pgBossRunner(testDb.db, connection, t.jobs, { tickMs: 200 }));
    // One after the other: both installing pg-boss's schema at once is what a deploy avoids too.
    for (const runner of runners) await runner.start();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await testDb?.dispose();
  });

  it('runs each period’s job once, retries a crashing one with backoff and lists them all', async () => {
    const [a] = runners as [JobRunner];
    await waitFor(async () => (await a.list()).some((j) => j.name === 'flaky' && j.state === 'retry'), 10_000);
    const retrying = (await a.list()).find((j) => j.name === 'flaky')!;
    expect(retrying).toMatchObject({ state: 'retry', last_error: 'mail server refused (1)' });

    await waitFor(async () => {
      const jobs = await a.list();
      return (
        jobs.some((j) => j.name === 'flaky' && j.state === 'completed') &&
        jobs.some((j) => j.name === 'broken' && j.state === 'failed')
      );
    }, 20_000);
    const jobs = await a.list();
    expect(jobs.find((j) => j.name === 'flaky')).toMatchObject({ state: 'completed', retry_count: 2 });
    expect(jobs.find((j) => j.name === 'broken')).toMatchObject({
      state: 'failed',
      retry_count: 1,
      last_error: 'the disk is full',
    });
    expect(t.flakyTries()).toBe(3);

    // Several periods have passed with two runners enqueueing every 200 ms: each ran once.
    const counts = [...t.runsPerPeriod.values()];
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(counts.every((n) => n === 1)).toBe(true);
    // Every run is listed; listed after the count, the newest period's job may not have started yet.
    const listed = (await a.list()).filter((j) => j.name === 'every-two-seconds').length;
    expect(listed - counts.length).toBeGreaterThanOrEqual(0);
    expect(listed - counts.length).toBeLessThanOrEqual(1);
    expect(await a.queueDepth()).toMatchObject({ broken: 0 });
  }, 60_000);
});

describe('periodic jobs in one process (PGlite)', () => {
  it('runs each period’s job once, retries a crashing one and lists them', async () => {
    const t = testJobs();
    const runner = inProcessRunner(t.jobs, { tickMs: 100 });
    await runner.start();
    try {
      await waitFor(
        async () => (await runner.list()).some((j) => j.name === 'flaky' && j.state === 'completed'),
        15_000,
      );
      await waitFor(async () => (await runner.list()).some((j) => j.name === 'broken' && j.state === 'failed'), 5000);
      const jobs = await runner.list();
      expect(jobs.find((j) => j.name === 'flaky')).toMatchObject({ state: 'completed', retry_count: 2 });
      expect(jobs.find((j) => j.name === 'broken')).toMatchObject({ state: 'failed', last_error: 'the disk is full' });
      expect([...t.runsPerPeriod.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await runner.stop();
    }
  }, 30_000);
});
