import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestOrganisation } from '../../tests/factories/org.factory.js';
import { createUser, TEST_PASSWORD } from '../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
  ])('reads %s as %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('refuses what is neither', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});

describeEachEngine('behind a TLS proxy', (getDb) => {
  const apps: FastifyInstance[] = [];
  let email = '';
  const build = async (trustProxy: boolean | number | string[]) => {
    const app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun', trustProxy },
      webRoot: null,
    });
    apps.push(app);
    return app;
  };
  const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.77' };

  beforeAll(async () => {
    const org = await createTestOrganisation(getDb().db);
    email = (await createUser(getDb().db, org.organisation.id, org.unitId, 'coordinator')).email;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it.each([[['127.0.0.1']], [1], [true]])(
    'sets the session cookie Secure when the proxy (%j) says the request came over HTTPS',
    async (setting) => {
      const app = await build(setting);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: viaProxy,
        payload: { email, password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'trygg_session')?.secure).toBe(true);
      const direct = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      expect(direct.cookies.find((c) => c.name === 'trygg_session')?.secure).toBeUndefined();
    },
  );

  it('keys sign-in throttling on the forwarded client address, and ignores the header from untrusted peers', async () => {
    const trusting = await build(['127.0.0.1']);
    await trusting.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: viaProxy,
      payload: { email, password: 'inte rätt lösenord' },
    });
    const untrusting = await build(false);
    const forged = await untrusting.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.9',
      headers: viaProxy,
      payload: { email, password: 'inte heller rätt' },
    });
    expect(forged.cookies).toEqual([]);
    const rows = await getDb()
      .db.selectFrom('sign_in_throttle')
      .select(['address', 'failures'])
      .where('email', '=', email)
      .where('failures', '>', 0)
      .orderBy('address')
      .execute();
    expect(rows).toEqual([
      { address: '192.0.2.9', failures: 1 },
      { address: '203.0.113.77', failures: 1 },
    ]);
  });

  it('a proxy not in the list cannot set the address or the protocol', async () => {
    const app = await build(['10.0.0.1']);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: viaProxy,
      payload: { email, password: TEST_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'trygg_session')?.secure).toBeUndefined();
  });
});
