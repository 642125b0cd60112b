import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createTestOrganisation } from '../factories/org.factory.js';
import { signedInAs } from '../factories/users.factory.js';
import { openTestDb, type TestDb } from '../setup/test-db.js';
import { type FuzzFinding, fuzzRoute, rowCounts } from './api-fuzz.js';

/** Generated requests per route; CI runs the default, bench/fuzz.ts many more. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/**
 * Fuzzes every `shards`-th JSON route starting at `shard`: the suite is split over several files so that
 * vitest's workers share it.
 */
export function describeFuzzShard(shard: number, shards: number): void {
  describe(`JSON routes ${shard + 1} of every ${shards} under fuzzing (${RUNS} requests each)`, () => {
    let testDb: TestDb;
    let app: FastifyInstance;
    let admin: Record<string, string>;

    beforeAll(async () => {
      testDb = await openTestDb('pglite');
      const org = await createTestOrganisation(testDb.db);
      app = await buildApp({
        db: testDb.db,
        engine: testDb.engine,
        config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
        webRoot: null,
      });
      ({ headers: admin } = await signedInAs(app, testDb.db, org.organisation.id, org.unitId, 'admin'));
    }, 60_000);
    afterAll(async () => {
      await app.close();
      await testDb.dispose();
    });

    it('never answers 5xx, and requests that are refused change no row', async () => {
      const findings: FuzzFinding[] = [];
      const changed: string[] = [];
      // Signing out would end the admin session the rest of the run relies on; uploads are not JSON.
      const routes = app.routePolicies.filter((r) => !r.url.endsWith('/logout') && !r.url.startsWith('/api/imports'));
      expect(routes.length).toBeGreaterThan(shards * 10);
      for (const [index, route] of routes.entries()) {
        if (index % shards !== shard) continue;
        const before = await rowCounts(testDb.db);
        const result = await fuzzRoute(app, route, admin, RUNS, index + 1);
        findings.push(...result.findings);
        // Accepted requests may write; for the rest, the whole batch must leave the database as it was.
        if (result.accepted === 0) {
          const after = await rowCounts(testDb.db);
          for (const [table, n] of Object.entries(after)) {
            if (before[table] !== n) changed.push(`${route.method} ${route.url}: ${table} ${before[table]} → ${n}`);
          }
        }
      }
      expect(findings.slice(0, 5)).toEqual([]);
      expect(changed).toEqual([]);
    }, 900_000);
  });
}
