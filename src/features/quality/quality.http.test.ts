import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'kvalitet-http' };

describeEachEngine('quality report exports over HTTP: Swedish by default, English on request', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let headers: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'kvalitet-http');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'kvalitet-http' },
      webRoot: null,
    });
    headers = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', ORG)).headers;
  }, 120_000);
  afterAll(async () => app.close());

  const get = (query: string) => app.inject({ url: `/api/quality/xlsx?${query}`, headers });

  it('names the file in the language it is written in', async () => {
    const sv = await get(`scope=district&unit_id=${org.unitId}`);
    expect([sv.statusCode, sv.headers['content-disposition']]).toEqual([
      200,
      expect.stringMatching(/filename="kvalitetsrapport-district-\d{4}-\d{2}-\d{2}\.xlsx"/),
    ]);
    const en = await get(`scope=district&unit_id=${org.unitId}&lang=en`);
    expect([en.statusCode, en.headers['content-disposition']]).toEqual([
      200,
      expect.stringMatching(/filename="quality-report-district-\d{4}-\d{2}-\d{2}\.xlsx"/),
    ]);
  });

  it('refuses an unknown language and keeps the scope rule', async () => {
    expect((await get('scope=city&lang=de')).statusCode).toBe(400);
    expect((await get(`scope=city&unit_id=${org.unitId}&lang=en`)).statusCode).toBe(400);
  });
});
