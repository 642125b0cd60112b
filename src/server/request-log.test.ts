import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestOrganisation } from '../../tests/factories/org.factory.js';
import { openTestDb, type TestDb } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';
import { RefusalSampler } from './request-log.js';

describe('RefusalSampler', () => {
  it('admits the first refusal per key and window, then says how many it left out', () => {
    const sampler = new RefusalSampler(60_000);
    expect(sampler.admit('a', 0)).toBe(0);
    for (let t = 1; t <= 5; t++) expect(sampler.admit('a', t * 1000)).toBeNull();
    expect(sampler.admit('b', 6000)).toBe(0);
    expect(sampler.admit('a', 60_000)).toBe(5);
    expect(sampler.admit('a', 61_000)).toBeNull();
  });

  it('stays bounded under a flood from many keys', () => {
    const sampler = new RefusalSampler(60_000, 100);
    for (let i = 0; i < 1000; i++) expect(sampler.admit(`k${i}`, 0)).toBe(0);
    expect((sampler as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});

describe('request log under a flood of 429s', () => {
  let testDb: TestDb;
  let app: FastifyInstance;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    testDb = await openTestDb('pglite');
    await createTestOrganisation(testDb.db);
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    app = await buildApp({
      db: testDb.db,
      engine: testDb.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
      logger,
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await testDb.dispose();
  });

  it('writes one line per request, and one per client and route per minute for 429s', async () => {
    const flood = async (remoteAddress: string, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++)
        statuses.push((await app.inject({ url: '/api/auth/oidc/start', remoteAddress })).statusCode);
      return statuses;
    };
    const first = await flood('192.0.2.1', 80);
    expect(first.filter((s) => s === 429)).toHaveLength(50);
    await flood('192.0.2.2', 40);
    const status = (l: Record<string, unknown>) => (l.res as { statusCode?: number } | undefined)?.statusCode;
    const refusalLines = lines.filter((l) => status(l) === 429 || l.code === 'RATE_LIMITED');
    expect(
      refusalLines.map((l) => [(l.req as { remoteAddress: string }).remoteAddress, l.refusals_not_logged]),
    ).toEqual([
      ['192.0.2.1', 0],
      ['192.0.2.2', 0],
    ]);
    // The 60 requests that were let through (404: single sign-on is not configured) log their completion and refusal.
    expect(lines.filter((l) => l.msg === 'request completed')).toHaveLength(60);
    expect(lines.filter((l) => l.msg === 'incoming request')).toHaveLength(0);
  });
});
