import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { connect, type DbHandle } from '../db/connect.js';
import { createTestOrganisation } from '../../tests/factories/org.factory.js';
import { signedInAs } from '../../tests/factories/users.factory.js';
import { openTestDb, type TestDb } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';

const PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  format: 'json',
  code: 'klotter',
  receipt: 'TR-AAAA-AAAA',
};
const concrete = (url: string) => url.replace(/:([a-z_]+)/g, (_, name: string) => PARAMS[name] ?? 'x');

/**
 * Every GET route while PostgreSQL cannot be reached (nothing listens on port 1, as while it restarts): asked
 * anonymously and with a session cookie (whose lookup then fails), each answers as usual when it needs no
 * database, and otherwise 503 DATABASE_UNAVAILABLE in its own error format — never a 500.
 */
describe('every GET route while the database is down', () => {
  let testDb: TestDb;
  let down: DbHandle;
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    const org = await createTestOrganisation(testDb.db);
    const up = await buildApp({
      db: testDb.db,
      engine: testDb.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    ({ cookie } = await signedInAs(up, testDb.db, org.organisation.id, org.unitId, 'admin'));
    await up.close();
    down = await connect({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', log: { warn: () => {} } });
    app = await buildApp({
      db: down.db,
      engine: down.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await down.close();
    await testDb.dispose();
  });

  it('answers 503 where it needs the database, never 500', async () => {
    const routes = app.routePolicies.filter((r) => r.method === 'GET');
    expect(routes.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/api/incidents', '/open311/v2/requests.:format']),
    );
    const wrong: string[] = [];
    let unavailable = 0;
    for (const route of routes) {
      for (const headers of [{}, { cookie }]) {
        const res = await app.inject({ method: 'GET', url: concrete(route.url), headers });
        const who = 'cookie' in headers ? 'signed in' : 'anonymous';
        if (res.statusCode >= 500 && res.statusCode !== 503) wrong.push(`${who} GET ${route.url}: ${res.statusCode}`);
        if (res.statusCode !== 503) continue;
        unavailable += 1;
        const body = res.json();
        const code = route.url.startsWith('/open311/') ? body[0]?.code : body.error?.code;
        if (code !== (route.url.startsWith('/open311/') ? 503 : 'DATABASE_UNAVAILABLE'))
          wrong.push(`${who} GET ${route.url}: 503 with ${res.body}`);
      }
    }
    expect(wrong).toEqual([]);
    // Every signed-in request needs the session's row, so each route answered 503 at least once.
    expect(unavailable).toBeGreaterThanOrEqual(routes.length);
  }, 120_000);
});
