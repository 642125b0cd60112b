import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../db/connect.js';
import { pendingMigrations } from '../db/migrate.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's Prometheus metrics, served at /metrics (token) or on the metrics address. */
    metrics: Registry;
  }
}

export interface OperationsOptions {
  /** PostgreSQL pool figures; absent on PGlite. */
  poolStats?: (() => PoolStats) | undefined;
  /** Jobs waiting to run (created or retrying), by queue name. */
  jobQueueDepth?: (() => Promise<Record<string, number>>) | undefined;
  /** TRYGG_METRICS_TOKEN: /metrics answers on the app's own address only with this bearer token. */
  metricsToken?: string | undefined;
}

/** How long /readyz waits for the database before calling it unreachable: probes have short timeouts. */
const READY_CHECK_MS = 2000;

/** An id a load balancer or proxy already gave the request, accepted only in a plain, short form. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id (Fastify's genReqId): the caller's X-Request-Id when it looks like one, so a line in the
 * proxy's log and ours share it; otherwise a new UUID. It is in every log line of the request (reqId) and
 * in the response's X-Request-Id.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && FORWARDED_ID.test(given) ? given : randomUUID();
}

/** The metrics every process reports; a registry per app so that several apps in one process stay apart. */
export function createMetrics(options: OperationsOptions): { registry: Registry; latency: Histogram } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'trygg_' });
  const latency = new Histogram({
    name: 'trygg_http_request_duration_seconds',
    help: 'Time from request to response, by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const { poolStats, jobQueueDepth } = options;
  if (poolStats) {
    new Gauge({
      name: 'trygg_db_pool_connections',
      help: 'PostgreSQL pool connections: open (total), idle, queries waiting for one, and the pool maximum',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const s = poolStats();
        for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, s[state]);
      },
    });
  }
  if (jobQueueDepth) {
    new Gauge({
      name: 'trygg_job_queue_depth',
      help: 'Background jobs waiting to run (new or to be retried), by queue',
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const [queue, depth] of Object.entries(await jobQueueDepth())) this.set({ queue }, depth);
      },
    });
  }
  return { registry, latency };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readiness(app: FastifyInstance): Promise<{ ready: true } | { ready: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READY_CHECK_MS);
  });
  try {
    const pending = await Promise.race([pendingMigrations(app.db), timeout]);
    if (pending === 'timeout') return { ready: false, reason: 'database_unreachable' };
    return pending.length ? { ready: false, reason: 'migrations_pending' } : { ready: true };
  } catch {
    return { ready: false, reason: 'database_unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness (/healthz: the process answers), readiness (/readyz: the database answers and has every migration
 * this code knows; 503 otherwise, so a load balancer sends no traffic to an instance that cannot serve),
 * request ids in the response header, the latency histogram, and /metrics behind TRYGG_METRICS_TOKEN.
 * Outside /api: these are for the platform, not the API's clients, and have no OpenAPI entries.
 */
export function registerOperations(app: FastifyInstance, options: OperationsOptions): void {
  const { registry, latency } = createMetrics(options);
  app.decorate('metrics', registry);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Graceful shutdown: Fastify's close lets requests in flight finish but then waits for their keep-alive
  // connections to time out (72 s); answering them with Connection: close lets the process end at once.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    // Unmatched paths share one label: every probe of a random URL must not become a time series.
    const route = request.routeOptions.url ?? 'unmatched';
    latency.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const hidden = { schema: { hide: true }, config: { platform: true } };
  app.get('/healthz', hidden, async () => ({ status: 'ok' }));
  app.get('/readyz', hidden, async (_request, reply) => {
    const result = await readiness(app);
    if (result.ready) return { status: 'ready' };
    return reply.code(503).send({ status: 'not_ready', reason: result.reason });
  });
  const token = options.metricsToken;
  if (token) {
    app.get('/metrics', hidden, async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ status: 'unauthorised' });
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  }
}

/**
 * /metrics on an address of its own (TRYGG_METRICS_HOST:TRYGG_METRICS_PORT, loopback by default), for a
 * Prometheus inside the network: nothing else is served there and the app's address has no /metrics.
 */
export async function startMetricsServer(registry: Registry, host: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
