import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../domain/auth.js';
import { CONFIDENTIALITY_TIERS, type Confidentiality } from '../../domain/confidentiality.js';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ROLES: readonly Role[] = ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'];
/** Anonymous, a session of each role, an API token. */
const CALLERS = [...Array(ROLES.length + 2).keys()];
const xml = new XMLParser({ isArray: (name) => name === 'request' });

/**
 * Open311 is a public interface: every caller — anonymous, a session of any role (here all members of the
 * unit that reported the incidents, who see every tier in /api/incidents), an API token — gets the public
 * tier only, in the list, by id and in how many there are.
 */
describeEachEngine('Open311 GET shows the public tier only, whoever calls', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  const ids = {} as Record<Confidentiality, string>;
  const callers: Array<{ name: string; headers: Record<string, string> }> = [{ name: 'anonymous', headers: {} }];
  let address = 0;
  const get = (url: string, headers: Record<string, string>) =>
    app.inject({ url, headers, remoteAddress: `10.3.0.${++address % 250}` });

  beforeAll(async () => {
    const { db } = getDb();
    org = await createTestOrganisation(db);
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    for (const tier of CONFIDENTIALITY_TIERS) {
      const res = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        remoteAddress: `10.4.0.${tier.length}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          service_code: 'klotter',
          lat: '59.27123',
          long: '18.02345',
          description: `Hemlig text ${tier}`,
        }).toString(),
      });
      ids[tier] = res.json()[0].service_request_id;
      await db
        .updateTable('incidents')
        .set({ confidentiality: tier, reporting_unit_id: org.unitId, status_note: `Anteckning ${tier}` })
        .where('id', '=', ids[tier])
        .execute();
    }
    for (const role of ROLES)
      callers.push({
        name: `${role} session`,
        headers: (await signedInAs(app, db, org.organisation.id, org.unitId, role)).headers,
      });
    const admin = callers[1]!.headers;
    const token = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: admin,
      payload: { name: 'Open311-klient', scopes: ['incidents:read'] },
    });
    callers.push({ name: 'API token', headers: { authorization: `Bearer ${token.json().token}` } });
  });
  afterAll(async () => app.close());

  it('the reporting unit sees every tier through the staff API (the contrast Open311 must not leak)', async () => {
    for (const tier of CONFIDENTIALITY_TIERS)
      expect((await get(`/api/incidents/${ids[tier]}`, callers[1]!.headers)).statusCode).toBe(200);
  });

  it.each(CALLERS)('caller #%i: lists and counts the public incident only', async (n) => {
    const { headers } = callers[n]!;
    const all = CONFIDENTIALITY_TIERS.map((t) => ids[t]).join(',');
    for (const url of [
      `/open311/v2/requests.json?service_request_id=${all}`,
      '/open311/v2/requests.json',
      '/open311/v2/requests.json?status=open&service_code=klotter',
    ]) {
      const listed = (await get(url, headers)).json() as Array<Record<string, unknown>>;
      expect(listed.map((r) => r.service_request_id)).toEqual([ids.public]);
      expect(listed[0]).toMatchObject({ description: null, status_notes: 'Mottagen', lat: 59.271, long: 18.023 });
    }
    const asXml = xml.parse((await get('/open311/v2/requests.xml', headers)).body);
    expect(asXml.service_requests.request.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      ids.public,
    ]);
    expect(JSON.stringify(asXml)).not.toMatch(/Hemlig|Anteckning/);
  });

  it.each(CALLERS)('caller #%i: by id, 404 for every tier but public', async (n) => {
    const { headers } = callers[n]!;
    for (const tier of CONFIDENTIALITY_TIERS) {
      for (const format of ['json', 'xml']) {
        const res = await get(`/open311/v2/requests/${ids[tier]}.${format}`, headers);
        expect(res.statusCode, `${callers[n]!.name} ${tier} ${format}`).toBe(tier === 'public' ? 200 : 404);
        expect(res.body).not.toMatch(/Hemlig|Anteckning|59\.27123/);
      }
    }
  });

  it('pages at most 100 requests at a time', async () => {
    const { db } = getDb();
    await db.updateTable('incidents').set({ confidentiality: 'public' }).where('id', '=', ids.partner).execute();
    try {
      const first = (await get('/open311/v2/requests.json?page_size=1', {})).json();
      const second = (await get('/open311/v2/requests.json?page_size=1&page=2', {})).json();
      expect([...first, ...second].map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
        [ids.public, ids.partner].sort(),
      );
      expect((await get('/open311/v2/requests.json?page_size=101', {})).statusCode).toBe(400);
    } finally {
      await db.updateTable('incidents').set({ confidentiality: 'partner' }).where('id', '=', ids.partner).execute();
    }
  });
});
