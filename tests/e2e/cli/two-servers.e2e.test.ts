import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../factories/org.factory.js';
import { createUser, TEST_PASSWORD } from '../../factories/users.factory.js';
import { openTestDb, TEST_POSTGRES_URL, type TestDb, withSchemaLock } from '../../setup/test-db.js';
import { startServeProcess, type ServeProcess } from '../../setup/serve-process.js';

const startServer = (env: Record<string, string>) => startServeProcess({ env });

/**
 * Two `trygg serve` processes on one PostgreSQL, as behind a load balancer: a session made on one is good on
 * the other, and a write on one shows in the other's situation report at once, although the other has that
 * report cached. Each process keys its cache on data versions it reads with every request, so nothing has
 * to be told across processes.
 */
describe('two servers on one PostgreSQL', () => {
  let testDb: TestDb;
  let org: TestOrganisation;
  const servers: ServeProcess[] = [];
  let headers: Record<string, string> = {};

  beforeAll(async () => {
    testDb = await openTestDb('postgres');
    org = await createTestOrganisation(testDb.db, 'testkommun');
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(testDb.db);
    const url = new URL(TEST_POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
    const env = { DATABASE_URL: url.toString(), TRYGG_ORGANISATION: 'testkommun', LOG_LEVEL: 'warn', SMTP_URL: '' };
    // The servers migrate on start (nothing to do here), which reads the catalog of every schema.
    const starting = [startServer(env), startServer(env)];
    // A server that started while the other failed must not outlive the test.
    for (const s of starting) void s.then((server) => servers.push(server)).catch(() => {});
    await withSchemaLock('shared', () => Promise.all(starting));
    const user = await createUser(testDb.db, org.organisation.id, org.unitId, 'admin');
    const login = await fetch(`${servers[0]!.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('trygg_session='))!
      .split(';')[0]!;
    headers = { cookie, 'x-csrf-token': ((await login.json()) as { csrf_token: string }).csrf_token };
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await testDb?.dispose();
  });

  const reportCount = async (server: ServeProcess) => {
    const query = `area_id=${org.areas.southDistrict}&week=2026-W43`;
    const res = await fetch(`${server.url}/api/situation/report?${query}`, { headers });
    expect(res.status).toBe(200);
    return ((await res.json()) as { totals: { count: number } }).totals.count;
  };

  it('shows a write made on one server in the other’s cached situation report within a second', async () => {
    const [a, b] = servers as [ServeProcess, ServeProcess];
    const before = await reportCount(b);
    expect(await reportCount(b)).toBe(before);
    const write = await fetch(`${a.url}/api/incidents`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'klotter', lon: 18.02, lat: 59.27, occurred_at: '2026-10-21T12:00:00+02:00' }),
    });
    expect(write.status).toBe(201);
    const written = Date.now();
    let after = await reportCount(b);
    while (after === before && Date.now() - written < 1000) after = await reportCount(b);
    expect(after).toBe(before + 1);
    expect(Date.now() - written).toBeLessThan(1000);
  });

  it('stops on SIGTERM once its requests are done, with exit code 0', async () => {
    const b = servers[1]!;
    const slow = reportCount(b);
    b.child.kill('SIGTERM');
    await expect(slow).resolves.toBeGreaterThan(0);
    expect(await b.exited).toBe(0);
  });
});
