import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation } from '../../factories/org.factory.js';
import { openTestDb, TEST_POSTGRES_URL, type TestDb, withSchemaLock } from '../../setup/test-db.js';
import { startServeProcess, type ServeProcess } from '../../setup/serve-process.js';

const startServer = (env: Record<string, string>) => startServeProcess({ env });

/**
 * PostgreSQL going away under a running server. The shared test database cannot be restarted (other suites
 * use it), so a restart is simulated by terminating all of this server's sessions at once; only sessions
 * with this test's application_name are ever touched.
 */
describe('the server when PostgreSQL ends its connections', () => {
  let testDb: TestDb;
  let server: ServeProcess | undefined;
  let appName = '';
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });

  beforeAll(async () => {
    testDb = await openTestDb('postgres');
    await createTestOrganisation(testDb.db, 'testkommun');
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(testDb.db);
    const schema = rows[0]!.schema;
    appName = `trygg_${schema}`;
    const url = new URL(TEST_POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    url.searchParams.set('application_name', appName);
    // The server migrates on start (nothing to do here), which reads the catalog of every schema.
    server = await withSchemaLock('shared', () =>
      startServer({ DATABASE_URL: url.toString(), TRYGG_ORGANISATION: 'testkommun', LOG_LEVEL: 'warn', SMTP_URL: '' }),
    );
    await admin.connect();
  });
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await admin.end();
    await testDb?.dispose();
  });

  const terminateAll = async () =>
    (
      await admin.query<{ n: number }>(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [appName],
      )
    ).rows[0]!.n;
  const get = async (path: string) => {
    const res = await fetch(`${server!.url}${path}`, { headers: { 'accept-language': 'en' } });
    const body = (await res.json()) as { error?: { code: string } };
    return { status: res.status, code: body.error?.code ?? null };
  };

  it('stays up while its sessions are terminated under load; a request that lost its session gets 503, later ones succeed', async () => {
    const paths = ['/api/categories', '/api/places', '/api/units'];
    const answers: Array<{ status: number; code: string | null }> = [];
    let terminated = 0;
    for (let round = 0; round < 15; round++) {
      const requests = Array.from({ length: 24 }, (_, i) => get(paths[i % paths.length]!));
      await new Promise((resolve) => setTimeout(resolve, round % 3));
      terminated += await terminateAll();
      answers.push(...(await Promise.all(requests)));
      expect(server!.child.exitCode, server!.output()).toBeNull();
    }
    expect(terminated).toBeGreaterThan(15);
    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
      if (answer.status === 503) expect(answer.code).toBe('DATABASE_UNAVAILABLE');
    }
    // Sessions are ended mid-request often enough that some requests must have lost theirs (about a fifth do).
    expect(answers.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    expect(server!.output()).toContain('database connection lost');
  }, 120_000);

  it('serves again after every session ends at once, as when the database restarts', async () => {
    expect((await get('/api/categories')).status).toBe(200);
    expect(await terminateAll()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const path of ['/api/categories', '/api/places', '/api/units', '/api/categories'])
      expect(await get(path)).toEqual({ status: 200, code: null });
    expect(server!.child.exitCode).toBeNull();
  }, 60_000);
});
