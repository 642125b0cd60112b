import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { createUser, signIn, signedInAs, TEST_PASSWORD } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const incident = {
  occurred_at: '2026-11-20T21:15:00+01:00',
  category: 'klotter',
  lon: 18.02,
  lat: 59.27,
  description: 'Tag på muren',
};

describeEachEngine('sign-in, sessions, CSRF and API tokens', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const build = () =>
    buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await build();
  });
  afterAll(async () => app.close());

  it('signs in with an HttpOnly, SameSite cookie and answers who I am', async () => {
    const user = await createUser(getDb().db, org.organisation.id, org.unitId, 'coordinator', 'samordnare@example.se');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Samordnare@Example.se', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'trygg_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `trygg_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({
      user: { id: user.id, email: 'samordnare@example.se' },
      memberships: [{ unit_id: org.unitId, role: 'coordinator' }],
    });
    const stored = await getDb().db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
  });

  it('shares sessions between server instances through the database', async () => {
    const session = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'unit_editor');
    const second = await build();
    const me = await second.inject({ url: '/api/auth/me', headers: session.headers });
    await second.close();
    expect(me.statusCode).toBe(200);
  });

  it('refuses a wrong password alike for unknown and known accounts, then makes this place wait', async () => {
    const user = await createUser(getDb().db, org.organisation.id, org.unitId, 'analyst', 'analytiker@example.se');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ingen@example.se', password: 'fel lösenord här' },
    });
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: `fel ${i}` },
      });
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('needs the CSRF token for writes with a cookie, not for reads', async () => {
    const session = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'coordinator');
    const read = await app.inject({ url: '/api/incidents', headers: { cookie: session.cookie } });
    expect(read.statusCode).toBe(200);
    const forged = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { cookie: session.cookie },
      payload: incident,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_FAILED');
    const ok = await app.inject({ method: 'POST', url: '/api/incidents', headers: session.headers, payload: incident });
    expect(ok.statusCode).toBe(201);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select('actor')
      .where('entity_id', '=', ok.json().id)
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(session.user.email);
  });

  it('hides free text from analysts, who work with aggregates', async () => {
    const analyst = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'analyst');
    const list = await app.inject({ url: '/api/incidents?limit=5', headers: analyst.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.json().items.every((i: { description: string | null }) => i.description === null)).toBe(true);
  });

  it('issues scoped, hashed API tokens that stop working when revoked', async () => {
    const session = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'unit_editor');
    const created = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: session.headers,
      payload: { name: 'Fastighetssystem', scopes: ['incidents:read'] },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^trygg_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: '/api/incidents', headers: bearer })).statusCode).toBe(200);
    const write = await app.inject({ method: 'POST', url: '/api/incidents', headers: bearer, payload: incident });
    expect(write.statusCode).toBe(403);
    const tooMuch = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: session.headers,
      payload: { name: 'x', scopes: ['imports:run'] },
    });
    expect(tooMuch.statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: session.headers })).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/api/incidents', headers: bearer })).statusCode).toBe(401);
  });

  it('signs out by deleting the session', async () => {
    const session = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'coordinator');
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('lets an admin create an account with a one-time password that meets the rules', async () => {
    const adminSession = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'admin');
    const weak = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: {
        email: 'ny@example.se',
        display_name: 'Ny',
        password: 'stockholm123',
        memberships: [{ unit_id: org.unitId, role: 'analyst' }],
      },
    });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: adminSession.headers,
      payload: { email: 'ny@example.se', display_name: 'Ny', memberships: [{ unit_id: org.unitId, role: 'analyst' }] },
    });
    expect(created.statusCode).toBe(201);
    await expect(signIn(app, 'ny@example.se', created.json().password)).resolves.toMatchObject({
      csrf: expect.any(String),
    });
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const db = getDb().db;
    await expect(sql`UPDATE audit_events SET actor = 'someone else'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(/append-only/);
  });
});
