import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const ORG = { 'x-trygg-organisation': 'injektion' };
/** Classic SQL-injection strings: they must be stored and returned as the text they are. */
const INJECTIONS = [
  "Robert'); DROP TABLE incidents;--",
  "' OR '1'='1' --",
  '1; DELETE FROM audit_events WHERE true; --',
  "x' UNION SELECT password_hash, email FROM users --",
  '$$; SELECT pg_sleep(10); $$',
  '\\x27 OR 1=1 /* kommentar */',
];

describeEachEngine('SQL injection strings in free text are stored verbatim', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let headers: Record<string, string>;

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'injektion');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'injektion' },
      webRoot: null,
    });
    headers = (await signedInAs(app, db, org.organisation.id, org.unitId, 'coordinator', ORG)).headers;
  }, 120_000);
  afterAll(async () => app.close());

  it('in incident descriptions and problem statements, read back unchanged; nothing else happens', async () => {
    const text = INJECTIONS.join('\n');
    const incident = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: { occurred_at: '2026-03-01T12:00:00Z', category: 'klotter', lon: 18.02, lat: 59.27, description: text },
    });
    expect(incident.statusCode).toBe(201);
    expect(
      (await app.inject({ method: 'GET', url: `/api/incidents/${incident.json().id}`, headers })).json().description,
    ).toBe(text);
    const problem = await app.inject({
      method: 'POST',
      url: '/api/problems',
      headers,
      payload: {
        owner_unit_id: org.unitId,
        area_id: org.areas.south,
        title: INJECTIONS[1],
        statement: text,
        categories: ['klotter'],
      },
    });
    expect(problem.statusCode).toBe(201);
    const read = (await app.inject({ method: 'GET', url: `/api/problems/${problem.json().id}`, headers })).json();
    expect([read.title, read.statement]).toEqual([INJECTIONS[1], text]);
    // As a filter value the validation refuses it before any query is built.
    const listed = await app.inject({
      method: 'GET',
      url: `/api/incidents?category=${encodeURIComponent("klotter' OR '1'='1")}`,
      headers,
    });
    expect(listed.statusCode).toBe(400);
    const db = getDb().db;
    expect(
      Number(
        (
          await db
            .selectFrom('incidents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(1);
    expect(
      Number(
        (
          await db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(1);
  });
});
