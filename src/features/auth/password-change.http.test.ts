import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs, signIn } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'engangs' };
const NEW_PASSWORD = 'lingonsylt på torsdagar';

describeEachEngine('one-time passwords must be changed at first sign-in', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let admin: Record<string, string>;
  let account = { email: 'ny.handlaggare@example.se', password: '' };

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'engangs');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'engangs' },
      webRoot: null,
    });
    admin = (await signedInAs(app, db, org.organisation.id, org.unitId, 'admin', ORG)).headers;
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        email: account.email,
        display_name: 'Ny',
        memberships: [{ unit_id: org.unitId, role: 'unit_editor' }],
      },
    });
    expect(created.statusCode).toBe(201);
    account = { ...account, password: created.json().password };
  }, 120_000);
  afterAll(async () => app.close());

  it('an account given a password by the admin is not flagged', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        email: 'egen@example.se',
        display_name: 'Egen',
        password: NEW_PASSWORD,
        memberships: [{ unit_id: org.unitId, role: 'analyst' }],
      },
    });
    const session = await signIn(app, 'egen@example.se', NEW_PASSWORD, ORG);
    expect(res.json().password).toBeNull();
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).json().must_change_password,
    ).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/problems', headers: session.headers })).statusCode).toBe(200);
  });

  it('refuses everything but me, sign-out and the change until the one-time password is changed', async () => {
    const first = await signIn(app, account.email, account.password, ORG);
    const second = await signIn(app, account.email, account.password, ORG);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: first.headers });
    expect(me.json().must_change_password).toBe(true);
    const refused = await app.inject({ method: 'GET', url: '/api/problems', headers: first.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
      messages: { sv: 'Byt ditt engångslösenord innan du fortsätter.' },
    });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/tokens',
          headers: first.headers,
          payload: { name: 'x', scopes: ['incidents:read'] },
        })
      ).json().error.code,
    ).toBe('PASSWORD_CHANGE_REQUIRED');
    // Public routes stay public.
    expect((await app.inject({ method: 'GET', url: '/api/categories', headers: first.headers })).statusCode).toBe(200);

    const change = (headers: Record<string, string>, payload: object) =>
      app.inject({ method: 'POST', url: '/api/auth/password', headers, payload });
    expect(
      (await change(first.headers, { current_password: 'fel lösenord igen', new_password: NEW_PASSWORD })).json().error
        .code,
    ).toBe('INVALID_CREDENTIALS');
    expect(
      (await change(first.headers, { current_password: account.password, new_password: 'aaaaaaaaaaaaaaaa' })).json()
        .error.details[0].code,
    ).toBe('too_common');
    expect(
      (await change(first.headers, { current_password: account.password, new_password: account.password })).json().error
        .details[0].code,
    ).toBe('same_as_current');
    const changed = await change(first.headers, { current_password: account.password, new_password: NEW_PASSWORD });
    expect([changed.statusCode, changed.json()]).toEqual([200, { revoked_api_tokens: 0 }]);

    expect((await app.inject({ method: 'GET', url: '/api/problems', headers: first.headers })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: first.headers })).json().must_change_password,
    ).toBe(false);
    // The other session opened with the one-time password is over; the old password no longer works.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: second.headers })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: ORG,
          payload: { email: account.email, password: account.password },
        })
      ).statusCode,
    ).toBe(401);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_type', '=', 'user')
      .where('action', '=', 'update')
      .execute();
    expect(audit.map((a) => a.after)).toContainEqual({
      password_changed: true,
      must_change_password: false,
      revoked_api_tokens: 0,
    });
  });

  it('revokes the API tokens a session issued, audited, and says how many', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        email: 'nycklar@example.se',
        display_name: 'Nycklar',
        password: NEW_PASSWORD,
        memberships: [{ unit_id: org.unitId, role: 'unit_editor' }],
      },
    });
    expect(res.statusCode).toBe(201);
    const session = await signIn(app, 'nycklar@example.se', NEW_PASSWORD, ORG);
    const issue = async () =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/tokens',
          headers: session.headers,
          payload: { name: 'Integration', scopes: ['incidents:read'], expires_in_days: 365 },
        })
      ).json();
    const tokens = [await issue(), await issue()];
    const bearer = (t: { token: string }) => ({ ...ORG, authorization: `Bearer ${t.token}` });
    expect(
      (await app.inject({ method: 'GET', url: '/api/incidents?limit=1', headers: bearer(tokens[0]) })).statusCode,
    ).toBe(200);

    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { current_password: NEW_PASSWORD, new_password: 'blåbärspaj med vaniljsås' },
    });
    expect(changed.json()).toEqual({ revoked_api_tokens: 2 });
    for (const t of tokens)
      expect((await app.inject({ method: 'GET', url: '/api/incidents?limit=1', headers: bearer(t) })).statusCode).toBe(
        401,
      );
    const listed = await app.inject({ method: 'GET', url: '/api/auth/tokens', headers: session.headers });
    expect(listed.json().every((t: { revoked_at: string | null }) => t.revoked_at !== null)).toBe(true);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['entity_id', 'after'])
      .where('entity_type', '=', 'api_token')
      .where('action', '=', 'update')
      .where(
        'entity_id',
        'in',
        tokens.map((t) => t.id),
      )
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(
      expect.arrayContaining(
        tokens.map((t) => ({ entity_id: t.id, after: { revoked: true, reason: 'password_changed' } })),
      ),
    );
  });

  it.each([
    ['password1234', 'too_common', 'läckta lösenorden'],
    ['Stockholm2026!', 'organisation_word', 'Trygg, staden'],
    ['Trygg2026!!!', 'organisation_word', 'Trygg, staden'],
    ['Trygghet2026!!', 'organisation_word', 'Trygg, staden'],
  ])('refuses %s with the reason in Swedish and English', async (password, code, sv) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        email: `svag.${code}@example.se`,
        display_name: 'Svag',
        password,
        memberships: [{ unit_id: org.unitId, role: 'analyst' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'WEAK_PASSWORD',
      message: expect.stringContaining(sv),
      messages: { sv: expect.stringContaining(sv), en: expect.any(String) },
      details: [{ path: 'password', code }],
    });
    const en = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...admin, 'accept-language': 'en' },
      payload: {
        email: `svag.${code}@example.se`,
        display_name: 'Svag',
        password,
        memberships: [{ unit_id: org.unitId, role: 'analyst' }],
      },
    });
    expect(en.json().error.message).toBe(res.json().error.messages.en);
  });

  it('refuses Trygg2026!! already for its length', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        email: 'kort@example.se',
        display_name: 'Kort',
        password: 'Trygg2026!!',
        memberships: [{ unit_id: org.unitId, role: 'analyst' }],
      },
    });
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'password', code: 'too_small' }],
    });
  });

  it('accepts a strong passphrase', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        email: 'stark@example.se',
        display_name: 'Stark',
        password: 'fyra hästar drack kaffe i Kiruna',
        memberships: [{ unit_id: org.unitId, role: 'analyst' }],
      },
    });
    expect(res.statusCode).toBe(201);
  });

  it('sign-out works while the change is pending', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        email: 'tredje@example.se',
        display_name: 'Tredje',
        memberships: [{ unit_id: org.unitId, role: 'analyst' }],
      },
    });
    const session = await signIn(app, 'tredje@example.se', res.json().password, ORG);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(
      204,
    );
  });
});
