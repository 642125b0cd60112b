import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runRetention } from '../gdpr/gdpr.service.js';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, testContext, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { createUser, TEST_PASSWORD } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { hashPassword } from './passwords.js';

describeEachEngine('sign-in throttling: per place, never a lockout of the owner', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const login = (email: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
  });
  afterAll(async () => app.close());

  it('answers 429 to one address that tries many accounts, and only to that address', async () => {
    const hash = await hashPassword(TEST_PASSWORD);
    const emails = Array.from({ length: 60 }, (_, i) => `konto${i}@example.se`);
    await getDb()
      .db.insertInto('users')
      .values(
        emails.map((email) => ({
          organisation_id: org.organisation.id,
          email,
          display_name: email,
          password_hash: hash,
          oidc_issuer: null,
          oidc_subject: null,
        })),
      )
      .execute();
    const statuses: number[] = [];
    for (const email of emails) statuses.push((await login(email, 'sommarstuga vid sjön', '203.0.113.9')).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(40).fill(429));
    const refused = await login(emails[0]!, TEST_PASSWORD, '203.0.113.9');
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect((await login(emails[0]!, TEST_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
  });

  it("wrong passwords from an attacker's address do not keep the owner out elsewhere", async () => {
    const owner = await createUser(getDb().db, org.organisation.id, org.unitId, 'coordinator');
    for (let i = 0; i < 8; i++) await login(owner.email, `gissning nummer ${i}`, '192.0.2.66');
    const attacker = await login(owner.email, TEST_PASSWORD, '192.0.2.66');
    expect(attacker.statusCode).toBe(429);
    expect(attacker.json().error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { retry_after: expect.any(String) },
    });
    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
  });

  it('under attack from many places, a new place gets one try per hour while a known place keeps its tries', async () => {
    const owner = await createUser(getDb().db, org.organisation.id, org.unitId, 'unit_editor');
    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.8')).statusCode).toBe(200);
    for (let a = 0; a < 6; a++)
      for (let i = 0; i < 5; i++) await login(owner.email, `gissning ${a}.${i}`, `192.0.2.${100 + a}`);
    expect((await login(owner.email, 'fel från ny plats', '192.0.2.200')).statusCode).toBe(401);
    expect((await login(owner.email, TEST_PASSWORD, '192.0.2.200')).json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await login(owner.email, 'felskrivet en gång', '198.51.100.8')).statusCode).toBe(401);
    expect((await login(owner.email, TEST_PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  });

  it('gives an unknown e-mail address the same answers, at the same cost, as an account', async () => {
    const known = await createUser(getDb().db, org.organisation.id, org.unitId, 'analyst');
    const answers = async (email: string, address: string) => {
      const out: Array<{ status: number; body: unknown }> = [];
      for (let i = 0; i < 7; i++) {
        const res = await login(email, `fel lösenord ${i}`, address);
        const { error } = res.json();
        out.push({ status: res.statusCode, body: { ...error, details: error.details && Object.keys(error.details) } });
      }
      return out;
    };
    const forKnown = await answers(known.email, '192.0.2.31');
    expect(await answers('finns.inte@example.se', '192.0.2.32')).toEqual(forKnown);
    expect(forKnown.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);

    const second = await createUser(getDb().db, org.organisation.id, org.unitId, 'analyst');
    const timed = async (email: string, address: string, i: number) => {
      const start = performance.now();
      await login(email, `ett annat fel ${i}`, address);
      return performance.now() - start;
    };
    // Alternating, and the fastest of each: a busy machine only ever adds time, to either path.
    let knownTime = Number.POSITIVE_INFINITY;
    let unknownTime = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 4; i++) {
      knownTime = Math.min(knownTime, await timed(second.email, '192.0.2.41', i));
      unknownTime = Math.min(unknownTime, await timed('ingen.alls@example.se', '192.0.2.42', i));
    }
    // Both run argon2 (tens of milliseconds); without the dummy hash the unknown path took a few.
    expect(unknownTime).toBeGreaterThan(knownTime * 0.5);
  });

  it('forgets the client addresses three months after their last attempt', async () => {
    const db = getDb().db;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('sign_in_throttle')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('organisation_id', '=', org.organisation.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const ctx = testContext(db, org.organisation);
    await login('vem.som.helst@example.se', 'ett fel lösenord', '192.0.2.50');
    expect(await count()).toBeGreaterThan(0);
    await runRetention(ctx, { dryRun: false, now: new Date(Date.now() + 80 * 86_400_000) });
    expect(await count()).toBeGreaterThan(0);
    await runRetention(ctx, { dryRun: false, now: new Date(Date.now() + 100 * 86_400_000) });
    expect(await count()).toBe(0);
  });
});
