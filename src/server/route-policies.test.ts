import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Principal, Role } from '../domain/auth.js';
import { checkPolicy } from '../core/policy.js';
import { createTestOrganisation } from '../../tests/factories/org.factory.js';
import { signedInAs } from '../../tests/factories/users.factory.js';
import { openTestDb, type TestDb } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';

const ROLES: Role[] = ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'];
const PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  format: 'json',
  code: 'klotter',
  receipt: 'TR-AAAA-AAAA',
};

/** A concrete URL for a route pattern such as /open311/v2/requests/:id.:format. */
function concrete(url: string): string {
  return url.replace(/:([a-z_]+)/g, (_, name: string) => PARAMS[name] ?? 'x');
}

describe('every route × every role', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  const callers: Array<{ label: string; principal: Principal; headers: Record<string, string> }> = [];

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    const org = await createTestOrganisation(testDb.db);
    app = await buildApp({
      db: testDb.db,
      engine: testDb.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    callers.push({ label: 'anonymous', principal: { kind: 'anonymous' }, headers: {} });
    for (const role of ROLES) {
      const session = await signedInAs(app, testDb.db, org.organisation.id, org.unitId, role);
      callers.push({
        label: role,
        principal: {
          kind: 'user',
          userId: session.user.id,
          organisationId: org.organisation.id,
          email: session.user.email,
          displayName: role,
          memberships: [{ unitId: org.unitId, unitKind: 'district', role }],
          scopes: null,
        },
        headers: session.headers,
      });
    }
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await testDb.dispose();
  });

  it('knows the route table, and every API route declares a policy', () => {
    expect(app.routePolicies.length).toBeGreaterThan(20);
    expect(app.routePolicies.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /api/incidents', 'GET /api/incidents', 'POST /api/users']),
    );
  });

  it('answers 401 or 403 exactly where the policy says no, and never otherwise', async () => {
    const mismatches: string[] = [];
    // Signing out ends the caller's session, so it goes last.
    const routes = [...app.routePolicies].sort(
      (a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')),
    );
    for (const route of routes) {
      for (const caller of callers) {
        const expected = checkPolicy(caller.principal, route.policy);
        const res = await app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: caller.headers,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const got =
          res.statusCode === 401
            ? 'unauthenticated'
            : res.statusCode === 403 && res.json().error?.code === 'FORBIDDEN'
              ? 'forbidden'
              : 'ok';
        if (got !== expected)
          mismatches.push(`${caller.label} ${route.method} ${route.url}: expected ${expected}, got ${res.statusCode}`);
        if (res.statusCode >= 500) mismatches.push(`${caller.label} ${route.method} ${route.url}: ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('refuses to start with a route that declares no policy', async () => {
    const plugin = async (instance: FastifyInstance) => {
      instance.get('/api/forgotten', { schema: { response: { 200: z.object({}) } } }, async () => ({}));
    };
    const broken = await buildApp({
      db: testDb.db,
      engine: testDb.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    await expect(broken.register(plugin).ready()).rejects.toThrow(/declares no policy/);
  });
});
