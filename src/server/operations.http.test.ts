import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { describeEachEngine, openTestDb, type TestDb } from '../../tests/setup/test-db.js';
import { buildApp } from './app.js';
import { startMetricsServer } from './operations.js';

const config = { bodyLimit: 65_536, defaultOrganisation: 'testkommun' };
const TOKEN = 'a-long-random-metrics-token';

describeEachEngine('health, readiness, request ids and metrics', (getDb) => {
  let app: FastifyInstance;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const { db, engine, poolStats } = getDb();
    app = await buildApp({
      db,
      engine,
      config,
      webRoot: null,
      logger,
      operations: { poolStats, metricsToken: TOKEN, jobQueueDepth: async () => ({ retention: 2 }) },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('says the process is up and, with every migration run, ready', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready while a migration this code knows has not run', async () => {
    const { db } = getDb();
    const { rows } = await sql<{ name: string; timestamp: string }>`
      DELETE FROM kysely_migration WHERE name = (SELECT max(name) FROM kysely_migration) RETURNING name, timestamp`.execute(
      db,
    );
    try {
      const response = await app.inject('/readyz');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'not_ready', reason: 'migrations_pending' });
    } finally {
      const [row] = rows;
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${row!.name}, ${row!.timestamp})`.execute(db);
    }
    expect((await app.inject('/readyz')).statusCode).toBe(200);
  });

  it('gives every response a request id, takes a proxy’s well-formed one, and logs it', async () => {
    const fresh = await app.inject('/healthz');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const forwarded = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-4711.a' } });
    expect(forwarded.headers['x-request-id']).toBe('lb-4711.a');
    expect(lines.some((l) => l.reqId === 'lb-4711.a' && l.msg === 'request completed')).toBe(true);
    const odd = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\n{"forged":1}' } });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await app.inject('/api/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves metrics only with the token: latency by route pattern and status, pool and queue', async () => {
    await app.inject('/api/health');
    expect((await app.inject('/metrics')).statusCode).toBe(401);
    expect((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const response = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /trygg_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/,
    );
    expect(response.body).toContain('route="unmatched",status="404"');
    expect(response.body).toContain('trygg_job_queue_depth{queue="retention"} 2');
    if (getDb().engine === 'postgres') expect(response.body).toMatch(/trygg_db_pool_connections\{state="max"\} 4/);
  });
});

describe('operations without a token, on their own address, and at shutdown', () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb('pglite');
  });
  afterAll(async () => {
    await testDb.dispose();
  });

  it('has no /metrics on the app’s address without a token; the metrics listener serves it', async () => {
    const app = await buildApp({ db: testDb.db, engine: testDb.engine, config, webRoot: null });
    let server: Server | undefined;
    try {
      expect((await app.inject('/metrics')).statusCode).toBe(404);
      await app.inject('/healthz');
      server = await startMetricsServer(app.metrics, '127.0.0.1', 0);
      const { port } = server.address() as { port: number };
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toContain('route="/healthz",status="200"');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      server?.close();
      await app.close();
    }
  });

  it('is not ready while the database cannot be reached', async () => {
    const down = await connect({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', log: { warn: () => {} } });
    const app = await buildApp({ db: down.db, engine: down.engine, config, webRoot: null });
    try {
      const response = await app.inject('/readyz');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'not_ready', reason: 'database_unreachable' });
      expect((await app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await app.close();
      await down.close();
    }
  });

  it('finishes a request in flight when it is closed, takes no new one, and ends without waiting', async () => {
    const app = await buildApp({ db: testDb.db, engine: testDb.engine, config, webRoot: null });
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    app.get('/slow', async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    try {
      const slow = fetch(`http://127.0.0.1:${port}/slow`);
      await inFlight;
      const closeStarted = Date.now();
      const closing = app.close();
      const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 'refused',
      );
      const response = await slow;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ done: true });
      expect([503, 'refused']).toContain(refused);
      await closing;
      // Not the keep-alive timeout of the connection that carried the slow request.
      expect(Date.now() - closeStarted).toBeLessThan(3000);
    } finally {
      await app.close();
    }
  });
});
