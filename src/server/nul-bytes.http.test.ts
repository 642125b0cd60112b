import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestOrganisation } from '../../tests/factories/org.factory.js';
import { signedInAs } from '../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';

const VALID: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  format: 'json',
  code: 'klotter',
  receipt: 'TR-AAAA-AAAA',
};
const concrete = (url: string, value?: string) =>
  url.replace(/:([a-z_]+)/g, (_, name: string) => encodeURIComponent(value ?? VALID[name] ?? 'x'));

describeEachEngine('the NUL character in any text is a 400, on every route', (getDb) => {
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    const org = await createTestOrganisation(getDb().db);
    app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    headers = (await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'admin')).headers;
  }, 60_000);
  afterAll(async () => app.close());

  it('refuses it in path parameters, query strings and bodies with VALIDATION_FAILED', async () => {
    const unexpected: string[] = [];
    let refused = 0;
    for (const route of app.routePolicies) {
      const method = route.method as 'GET';
      const requests = [
        { where: 'query', url: `${concrete(route.url)}?q=a%00b` },
        ...(route.url.includes(':') ? [{ where: 'params', url: concrete(route.url, 'a\u0000b') }] : []),
        ...(['GET', 'DELETE'].includes(route.method)
          ? []
          : [
              {
                where: 'body',
                url: concrete(route.url),
                payload: { description: 'a\u0000b', nested: [{ name: '\u0000' }] },
              },
            ]),
      ];
      for (const { where, url, payload } of requests as Array<{ where: string; url: string; payload?: object }>) {
        const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
        // A role the route refuses is stopped before anything is parsed; that is fine too.
        if (res.statusCode === 401 || res.statusCode === 403) continue;
        // Open311 answers in its own error format (JSON or XML), with the same description.
        const named = route.url.startsWith('/open311/')
          ? res.body.includes('NUL character')
          : res.json().error?.details?.[0]?.code === 'nul_character';
        if (res.statusCode !== 400 || !named)
          unexpected.push(`${route.method} ${route.url} (${where}): ${res.statusCode} ${res.body.slice(0, 120)}`);
        else refused += 1;
      }
    }
    expect(unexpected).toEqual([]);
    expect(refused).toBeGreaterThan(app.routePolicies.length);
  }, 120_000);

  it('names the field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: { category: 'klotter', description: 'tag\u0000' },
    });
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'description', code: 'nul_character' }],
    });
  });
});
