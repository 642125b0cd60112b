import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const fields = { service_code: 'klotter', lat: '59.27', long: '18.02' };
let address = 0;
const nextAddress = () => `10.7.${Math.floor(++address / 250)}.${address % 250}`;

/** Open311 POST gets the public form's controls: a per-address limit, a honeypot, keys for trusted clients, confirmed e-mail. */
describeEachEngine('Open311 POST abuse controls', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let admin: Record<string, string>;
  let staff: Record<string, string>;
  const options = () => ({
    db: getDb().db,
    engine: getDb().engine,
    config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun', publicUrl: 'https://trygg.example/' },
    webRoot: null,
  });

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await buildApp(options());
    admin = (await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'admin')).headers;
    staff = (await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'coordinator')).headers;
  });
  afterAll(async () => app.close());

  const post = (extra: Record<string, string>, ip: string, format = 'json', server = app) =>
    server.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, ...extra }).toString(),
    });
  const count = async (table: 'incidents' | 'reporter_contacts' | 'outbox_messages') =>
    Number(
      (
        await getDb()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('takes 10 requests per address in 10 minutes and answers the 11th with 429 in the spec’s error shape', async () => {
    const ip = nextAddress();
    const before = await count('incidents');
    for (let i = 0; i < 10; i++) expect((await post({}, ip)).statusCode).toBe(201);
    const refused = await post({}, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual([{ code: 429, description: expect.any(String) }]);
    const asXml = new XMLParser().parse((await post({}, ip, 'xml')).body);
    expect(asXml.errors.error.code).toBe(429);
    expect(await count('incidents')).toBe(before + 10);
    expect((await post({}, nextAddress())).statusCode).toBe(201);
  });

  it('shares the limit between server processes through Redis', async () => {
    const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const [a, b] = [await buildApp({ ...options(), redis }), await buildApp({ ...options(), redis })];
    const ip = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    try {
      for (let i = 0; i < 10; i++) expect((await post({}, ip, 'json', i % 2 ? a : b)).statusCode).toBe(201);
      expect((await post({}, ip, 'json', a)).statusCode).toBe(429);
      expect((await post({}, ip, 'json', b)).statusCode).toBe(429);
    } finally {
      await a.close();
      await b.close();
      redis.disconnect();
    }
  });

  it('answers a filled honeypot like a stored request, and stores nothing', async () => {
    const before = await Promise.all([count('incidents'), count('reporter_contacts'), count('outbox_messages')]);
    const res = await post(
      { website: 'http://spam.example', email: 'offer@example.se', 'attribute[notify]': 'true' },
      nextAddress(),
    );
    expect(res.statusCode).toBe(201);
    const [answer] = res.json();
    expect(answer).toEqual({
      service_request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      service_notice: expect.any(String),
      account_id: null,
    });
    expect(await Promise.all([count('incidents'), count('reporter_contacts'), count('outbox_messages')])).toEqual(
      before,
    );
  });

  it('lets admins issue keys (audited, stored hashed); a trusted client passes the address limit; a wrong or revoked key is 403', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/api/open311/keys', headers: staff, payload: { name: 'x' } }))
        .statusCode,
    ).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/open311/keys',
      headers: admin,
      payload: { name: 'Fastighetssystemet' },
    });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^trygg311_/);
    const stored = await getDb()
      .db.selectFrom('open311_api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key);
    const listed = (await app.inject({ url: '/api/open311/keys', headers: admin })).json();
    expect(listed).toEqual([expect.objectContaining({ id, name: 'Fastighetssystemet', revoked_at: null })]);
    expect(JSON.stringify(listed)).not.toContain(key);

    const ip = nextAddress();
    for (let i = 0; i < 15; i++) expect((await post({ api_key: key }, ip)).statusCode).toBe(201);
    // The use is noted with the report it filed.
    expect((await app.inject({ url: '/api/open311/keys', headers: admin })).json()[0].last_used_at).toEqual(
      expect.any(String),
    );
    expect((await post({}, ip)).statusCode).toBe(201);
    const before = await count('incidents');
    const wrong = await post({ api_key: 'trygg311_fel' }, nextAddress());
    expect([wrong.statusCode, wrong.json()[0].code]).toEqual([403, 403]);

    expect((await app.inject({ method: 'DELETE', url: `/api/open311/keys/${id}`, headers: admin })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ method: 'DELETE', url: `/api/open311/keys/${id}`, headers: admin })).statusCode).toBe(
      404,
    );
    expect((await post({ api_key: key }, nextAddress())).statusCode).toBe(403);
    expect(await count('incidents')).toBe(before);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_type', '=', 'open311_api_key')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    // The key's name is free text to the log: it would only ever read '[text]'.
    expect(audit.map((a) => a.after)).toEqual([null, { revoked: true }]);
  });

  it('sends status mail to an e-mail only after its owner confirmed it through the link sent to it', async () => {
    const res = await post({ email: 'boende@example.se', 'attribute[notify]': 'true' }, nextAddress());
    const [{ service_request_id: id, service_notice }] = res.json();
    expect(service_notice).toMatch(/Bekräfta/);
    const messages = () =>
      getDb()
        .db.selectFrom('outbox_messages')
        .select(['kind', 'recipient', 'body'])
        .where('incident_id', '=', id)
        .orderBy('created_at')
        .execute();
    const [confirmation, ...none] = await messages();
    expect(none).toEqual([]);
    expect(confirmation).toMatchObject({ kind: 'contact_confirmation', recipient: 'boende@example.se' });
    const token = /https:\/\/trygg\.example\/report\/confirm#([\w-]+)/.exec(confirmation!.body)![1]!;
    expect(
      JSON.stringify(
        await getDb().db.selectFrom('reporter_contacts').selectAll().where('incident_id', '=', id).execute(),
      ),
    ).not.toContain(token);

    await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${id}/status`,
      headers: staff,
      payload: { status: 'in_progress' },
    });
    expect((await messages()).map((m) => m.kind)).toEqual(['contact_confirmation']);

    const confirm = (t: string) =>
      app.inject({
        method: 'POST',
        url: '/api/public/contacts/confirm',
        remoteAddress: nextAddress(),
        payload: { token: t },
      });
    expect((await confirm(token)).statusCode).toBe(204);
    expect((await confirm(token)).statusCode).toBe(404);
    expect((await confirm('x'.repeat(32))).statusCode).toBe(404);
    await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${id}/status`,
      headers: staff,
      payload: { status: 'closed', closure_reason: 'fixed' },
    });
    expect((await messages()).map((m) => [m.kind, m.recipient])).toEqual([
      ['contact_confirmation', 'boende@example.se'],
      ['status_change', 'boende@example.se'],
    ]);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['action', 'after'])
      .where('entity_type', '=', 'reporter_contact')
      .execute();
    expect(audit).toEqual([{ action: 'update', after: { confirmed: true, incident_id: id } }]);
  });
});
