import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { searchAudit } from '../audit/audit.service.js';
import { contextFor } from '../../core/tenancy.js';
import { createTestOrganisation, createTestUnit, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs, signIn } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'admin-test' };
const NEW_PASSWORD = 'lingonsylt på torsdagar';

describeEachEngine('administration of accounts in the browser', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let coordinator: Awaited<ReturnType<typeof signedInAs>>;
  let otherUnit: string;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const auditOf = async (entityId: string) =>
    (await inject('GET', `/api/audit?entity_id=${entityId}`, admin.headers)).json().items as Array<{
      action: string;
      actor: string;
      actor_name: string | null;
      entity_name: string | null;
      changes: Record<string, { before: unknown; after: unknown }>;
    }>;

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'admin-test');
    otherUnit = await createTestUnit(db, org.organisation.id, 'ovrig', 'specialist', 'Övrig enhet');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'admin-test' },
      webRoot: null,
    });
    admin = await signedInAs(app, db, org.organisation.id, org.unitId, 'admin', ORG);
    coordinator = await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', ORG);
  }, 120_000);
  afterAll(async () => app.close());

  it('refuses every administration route to anyone but an admin', async () => {
    const id = admin.user.id;
    const calls: Array<[method: 'GET' | 'POST' | 'PUT', url: string, payload?: object]> = [
      ['GET', '/api/users'],
      [
        'POST',
        '/api/users',
        { email: 'x@example.se', display_name: 'X', memberships: [{ unit_id: org.unitId, role: 'admin' }] },
      ],
      ['PUT', `/api/users/${id}/memberships`, { memberships: [{ unit_id: org.unitId, role: 'analyst' }] }],
      ['PUT', `/api/users/${id}/active`, { disabled: true }],
      ['GET', '/api/gdpr/retention'],
      ['POST', '/api/gdpr/retention', { dry_run: false }],
    ];
    for (const [method, url, payload] of calls)
      expect((await inject(method, url, coordinator.headers, payload)).statusCode, `${method} ${url}`).toBe(403);
    expect((await inject('GET', '/api/users', ORG)).statusCode).toBe(401);
    expect((await inject('GET', '/api/users', admin.headers)).statusCode).toBe(200);
  });

  it('invites an account with a one-time password, changes its roles, and audits both in words', async () => {
    const created = await inject('POST', '/api/users', admin.headers, {
      email: 'bo.ek@example.se',
      display_name: 'Bo Ek',
      memberships: [{ unit_id: org.unitId, role: 'analyst' }],
    });
    expect(created.statusCode).toBe(201);
    const { id, password } = created.json() as { id: string; password: string };
    expect(password.length).toBeGreaterThanOrEqual(12);

    const changed = await inject('PUT', `/api/users/${id}/memberships`, admin.headers, {
      memberships: [
        { unit_id: org.unitId, role: 'coordinator' },
        { unit_id: otherUnit, role: 'unit_editor' },
      ],
    });
    expect(changed.statusCode).toBe(204);
    const listed = ((await inject('GET', '/api/users', admin.headers)).json() as Array<Record<string, unknown>>).find(
      (u) => u.id === id,
    );
    expect(listed).toMatchObject({
      display_name: 'Bo Ek',
      disabled: false,
      password_sign_in: true,
      must_change_password: true,
      memberships: expect.arrayContaining([
        expect.objectContaining({ unit_id: org.unitId, role: 'coordinator' }),
        expect.objectContaining({ unit_id: otherUnit, unit_name: 'Övrig enhet', role: 'unit_editor' }),
      ]),
    });

    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(['update', 'create']);
    expect(events[0]).toMatchObject({ actor: admin.user.email, actor_name: 'Test admin', entity_name: 'Bo Ek' });
    expect(events[0]!.changes.memberships).toEqual({
      before: [{ unit_id: org.unitId, role: 'analyst' }],
      after: [
        { unit_id: org.unitId, role: 'coordinator' },
        { unit_id: otherUnit, role: 'unit_editor' },
      ],
    });

    // The new account signs in with the one-time password and must replace it first.
    const session = await signIn(app, 'bo.ek@example.se', password, ORG);
    expect((await inject('GET', '/api/auth/me', session.headers)).json()).toMatchObject({
      must_change_password: true,
      password_sign_in: true,
    });
    expect(
      (
        await inject('POST', '/api/auth/password', session.headers, {
          current_password: password,
          new_password: NEW_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a unit of no one, two roles in one unit, an unknown account and taking away one’s own admin role', async () => {
    const target = (await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'analyst', ORG)).user.id;
    const put = (id: string, memberships: object[]) =>
      inject('PUT', `/api/users/${id}/memberships`, admin.headers, { memberships });
    expect(
      (await put(target, [{ unit_id: '00000000-0000-4000-8000-000000000000', role: 'admin' }])).json().error.code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (
        await put(target, [
          { unit_id: org.unitId, role: 'admin' },
          { unit_id: org.unitId, role: 'analyst' },
        ])
      ).statusCode,
    ).toBe(400);
    expect((await put(target, [])).statusCode).toBe(400);
    expect(
      (await put('00000000-0000-4000-8000-000000000000', [{ unit_id: org.unitId, role: 'admin' }])).statusCode,
    ).toBe(404);
    const own = await put(admin.user.id, [{ unit_id: org.unitId, role: 'coordinator' }]);
    expect(own.statusCode).toBe(400);
    expect(own.json().error.details[0].code).toBe('own_admin');
    expect(
      (await inject('PUT', `/api/users/${admin.user.id}/active`, admin.headers, { disabled: true })).statusCode,
    ).toBe(400);
    // Nothing of the refused changes was written.
    expect((await auditOf(target)).filter((e) => e.action === 'update')).toEqual([]);
  });

  it('deactivation ends the sessions and refuses sign-in until the account is reactivated', async () => {
    const user = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'unit_editor', ORG);
    expect((await inject('GET', '/api/auth/me', user.headers)).statusCode).toBe(200);
    expect(
      (await inject('PUT', `/api/users/${user.user.id}/active`, admin.headers, { disabled: true })).statusCode,
    ).toBe(204);
    expect((await inject('GET', '/api/auth/me', user.headers)).statusCode).toBe(401);
    await expect(signIn(app, user.user.email, undefined, ORG)).rejects.toThrow(/401/);
    expect(
      await getDb().db.selectFrom('sessions').select('token_hash').where('user_id', '=', user.user.id).execute(),
    ).toEqual([]);

    expect(
      (await inject('PUT', `/api/users/${user.user.id}/active`, admin.headers, { disabled: false })).statusCode,
    ).toBe(204);
    const again = await signIn(app, user.user.email, undefined, ORG);
    expect((await inject('GET', '/api/auth/me', again.headers)).statusCode).toBe(200);
    const changes = (await auditOf(user.user.id)).filter((e) => e.action === 'update').map((e) => e.changes.disabled);
    expect(changes).toEqual([
      { before: true, after: false },
      { before: false, after: true },
    ]);
  });

  it('creates an account of single sign-on only where single sign-on is configured, and says so where it is not', async () => {
    const res = await inject('POST', '/api/users', admin.headers, {
      email: 'sso@example.se',
      display_name: 'SSO',
      sso_only: true,
      memberships: [{ unit_id: org.unitId, role: 'analyst' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe('no_sso');
    expect(
      await getDb().db.selectFrom('users').select('id').where('email', '=', 'sso@example.se').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('names records in the log only for readers who may browse them', async () => {
    const problem = await inject('POST', '/api/problems', admin.headers, {
      owner_unit_id: org.unitId,
      area_id: org.areas.southDistrict,
      title: 'Hemlig plats',
      statement: 'Något som händer ofta',
      categories: ['klotter'],
      confidentiality: 'restricted',
    });
    expect(problem.statusCode, problem.body).toBe(201);
    const id = problem.json().id as string;
    expect((await auditOf(id))[0]).toMatchObject({ action: 'create', entity_name: 'Hemlig plats' });
    // The audit log is for admins, who browse every tier; a reader of another unit at staff tiers gets no title.
    const outsider = await contextFor(getDb().db, 'admin-test', {
      kind: 'user',
      userId: coordinator.user.id,
      organisationId: org.organisation.id,
      email: coordinator.user.email,
      displayName: 'Outsider',
      memberships: [{ unitId: otherUnit, unitKind: 'specialist', role: 'coordinator' }],
      scopes: null,
    });
    const page = await searchAudit(outsider, { entity_id: id, limit: 10 });
    expect(page.items[0]).toMatchObject({ action: 'create', entity_name: null });
  });
});
