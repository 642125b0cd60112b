import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { openTestDb, type TestDb } from '../../../tests/setup/test-db.js';
import { buildApp } from '../../server/app.js';
import { inProcessRunner, type JobRunner } from './job-runner.js';

describe('GET /api/admin/jobs', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  let runner: JobRunner;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    const org = await createTestOrganisation(testDb.db);
    runner = inProcessRunner([
      {
        name: 'retention',
        periodSeconds: 3600,
        retryLimit: 2,
        retryDelaySeconds: 3600,
        run: async () => {
          throw new Error('connection refused');
        },
      },
    ]);
    await runner.start();
    app = await buildApp({
      db: testDb.db,
      engine: testDb.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
      jobs: runner,
    });
    for (const role of ['admin', 'coordinator'] as const)
      headers[role] = (await signedInAs(app, testDb.db, org.organisation.id, org.unitId, role)).headers;
  }, 60_000);
  afterAll(async () => {
    await runner.stop();
    await app.close();
    await testDb.dispose();
  });

  it('shows an admin the job waiting to be retried, with its error', async () => {
    const response = await app.inject({ url: '/api/admin/jobs', headers: headers.admin });
    expect(response.statusCode).toBe(200);
    expect(response.json().jobs).toEqual([
      expect.objectContaining({ name: 'retention', state: 'retry', retry_count: 0, last_error: 'connection refused' }),
    ]);
  });

  it('refuses everyone else', async () => {
    expect((await app.inject({ url: '/api/admin/jobs', headers: headers.coordinator })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/admin/jobs' })).statusCode).toBe(401);
  });
});
