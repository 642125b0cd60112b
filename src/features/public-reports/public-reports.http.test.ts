import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const report = {
  category: 'trasig_belysning',
  lon: 18.021,
  lat: 59.271,
  description: 'Lampan vid gångtunneln är trasig. /Anna, 19811218-9876',
};
let address = 0;
/** Each test gets its own client address so the per-address limits do not leak between tests. */
const nextAddress = () => `10.0.0.${++address}`;

describeEachEngine('public report form', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const options = () => ({
    db: getDb().db,
    engine: getDb().engine,
    config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
    webRoot: null,
  });

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await buildApp(options());
  });
  afterAll(async () => app.close());

  const count = async (table: 'incidents' | 'reporter_contacts') =>
    Number(
      (
        await getDb()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('takes an anonymous report, redacts it, and gives a receipt to follow it without the text', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: nextAddress(),
      payload: report,
    });
    expect(res.statusCode).toBe(201);
    const { receipt_code } = res.json();
    expect(receipt_code).toMatch(/^TR-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await getDb()
      .db.selectFrom('incidents')
      .selectAll()
      .where('receipt_code', '=', receipt_code)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      source: 'resident',
      area_id: org.areas.south,
      description: 'Lampan vid gångtunneln är trasig. /Anna, [personnummer]',
    });
    const follow = await app.inject({ url: `/api/public/reports/${receipt_code}`, remoteAddress: nextAddress() });
    expect(follow.json()).toEqual({
      receipt_code,
      category: 'trasig_belysning',
      category_label_sv: 'Trasig belysning',
      category_label_en: 'Broken lighting',
      status: 'new',
      closure_reason: null,
      reported_at: expect.any(String),
      updated_at: expect.any(String),
      area_name: 'Söderby',
      place_name: null,
      lon: 18.021,
      lat: 59.271,
      history: [{ at: follow.json().reported_at, status: 'new', closure_reason: null }],
      updates: [],
      handling: null,
      has_photo: false,
    });
    expect(JSON.stringify(follow.json())).not.toContain('Lampan');
  });

  it('keeps the e-mail only when updates are asked for', async () => {
    const before = await count('reporter_contacts');
    await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: nextAddress(),
      payload: { ...report, email: 'boende@example.se' },
    });
    expect(await count('reporter_contacts')).toBe(before);
    await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: nextAddress(),
      payload: { ...report, email: 'boende@example.se', notify: true },
    });
    expect(await count('reporter_contacts')).toBe(before + 1);
    // Kept unconfirmed: the address gets the link that confirms it, and no status mail before that.
    const contact = await getDb()
      .db.selectFrom('reporter_contacts')
      .select(['incident_id', 'confirmed_at'])
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(contact.confirmed_at).toBeNull();
    const messages = await getDb()
      .db.selectFrom('outbox_messages')
      .select(['kind', 'recipient'])
      .where('incident_id', '=', contact.incident_id)
      .execute();
    expect(messages).toEqual([{ kind: 'contact_confirmation', recipient: 'boende@example.se' }]);
    const noMail = await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: nextAddress(),
      payload: { ...report, notify: true },
    });
    expect(noMail.json().error.details[0].path).toBe('email');
  });

  it('answers a bot that fills the honeypot like a person, and stores nothing', async () => {
    const before = await count('incidents');
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: nextAddress(),
      payload: { ...report, website: 'http://spam.example' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().receipt_code).toMatch(/^TR-/);
    expect(await count('incidents')).toBe(before);
    expect((await app.inject({ url: `/api/public/reports/${res.json().receipt_code}` })).statusCode).toBe(404);
  });

  it('limits reports per address', async () => {
    const ip = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, payload: report }))
          .statusCode,
      );
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const last = await app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, payload: report });
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('RATE_LIMITED');
    expect(
      (await app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: nextAddress(), payload: report }))
        .statusCode,
    ).toBe(201);
  });

  it('counts form and Open311 reports from one address against one limit', async () => {
    const ip = nextAddress();
    const open311 = () =>
      app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'service_code=klotter&lat=59.27&long=18.02',
      });
    for (let i = 0; i < 6; i++)
      expect(
        (await app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, payload: report }))
          .statusCode,
      ).toBe(201);
    for (let i = 0; i < 4; i++) expect((await open311()).statusCode).toBe(201);
    expect((await open311()).statusCode).toBe(429);
    expect(
      (await app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, payload: report })).statusCode,
    ).toBe(429);
  });

  it('shares the limit between server processes through Redis', async () => {
    const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const [a, b] = [await buildApp({ ...options(), redis }), await buildApp({ ...options(), redis })];
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    try {
      for (let i = 0; i < 10; i++) {
        const server = i % 2 === 0 ? a : b;
        expect(
          (await server.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, payload: report }))
            .statusCode,
        ).toBe(201);
      }
      expect(
        (await a.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, payload: report })).statusCode,
      ).toBe(429);
      expect(
        (await b.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, payload: report })).statusCode,
      ).toBe(429);
      // One counter for the address, named after the limit it counts for.
      expect(await redis.keys(`*${ip}*`)).toEqual([`fastify-rate-limit-group:public-reports-report:${ip}`]);
    } finally {
      await a.close();
      await b.close();
      redis.disconnect();
    }
  });

  it('refuses bad input with field errors and no row', async () => {
    const before = await count('incidents');
    for (const [change, path] of [
      [{ lon: 11.97, lat: 57.7 }, 'lon'],
      [{ category: 'ufo' }, 'category'],
      [{ name: 'Anna' }, ''],
      [{ zone_id: org.zoneId }, 'zone_id'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/reports',
        remoteAddress: nextAddress(),
        payload: { ...report, ...change },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await count('incidents')).toBe(before);
  });
});
