import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation } from '../../tests/factories/org.factory.js';
import { buildApp } from '../server/app.js';
import { connect, type DbHandle } from './connect.js';
import { migrateToLatest } from './migrate.js';

/**
 * A PostgreSQL cluster of the test's own, since the shared one on port 5432 serves other tests: stopped,
 * started and restarted under a running app. The binaries are Debian's; initdb refuses to run as root, so
 * the cluster belongs to the `postgres` OS user. Where that cannot be done the test fails and says why.
 */
const BIN = process.env.TRYGG_PG_BIN ?? '/usr/lib/postgresql/15/bin';

function privateCluster() {
  if (!existsSync(join(BIN, 'initdb'))) throw new Error(`no PostgreSQL binaries in ${BIN} (set TRYGG_PG_BIN)`);
  const asRoot = userInfo().uid === 0;
  const pgUid = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })) : userInfo().uid;
  const pgGid = asRoot ? Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) : userInfo().gid;
  const dir = mkdtempSync(join(tmpdir(), 'trygg-pg-restart-'));
  if (asRoot) chownSync(dir, pgUid, pgGid);
  const data = join(dir, 'data');
  // Asynchronously, so the app's connections see the server go away while it happens, as they would in production.
  const run = (tool: string, args: string[]) =>
    promisify(execFile)(
      asRoot ? 'runuser' : join(BIN, tool),
      asRoot ? ['-u', 'postgres', '--', join(BIN, tool), ...args] : args,
      { timeout: 30_000 },
    );
  let port = 0;
  return {
    get url() {
      return `postgres://postgres@127.0.0.1:${port}/postgres`;
    },
    async init() {
      port = await freePort();
      await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    },
    start: () =>
      run('pg_ctl', [
        'start',
        '-D',
        data,
        '-w',
        '-l',
        join(dir, 'log'),
        '-o',
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      ]),
    stop: () => run('pg_ctl', ['stop', '-D', data, '-w', '-m', 'fast']),
    restart: () =>
      run('pg_ctl', [
        'restart',
        '-D',
        data,
        '-w',
        '-m',
        'fast',
        '-l',
        join(dir, 'log'),
        '-o',
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      ]),
    async remove() {
      await run('pg_ctl', ['stop', '-D', data, '-w', '-m', 'immediate']).catch(() => {
        /* not running */
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('the app while its PostgreSQL stops, starts and restarts', () => {
  const cluster = privateCluster();
  let handle: DbHandle;
  let app: FastifyInstance;
  const lost: string[] = [];

  beforeAll(async () => {
    await cluster.init();
    await cluster.start();
    handle = await connect({
      databaseUrl: cluster.url,
      maxConnections: 3,
      log: {
        warn: (_d, message) => {
          lost.push(message);
        },
      },
    });
    await migrateToLatest(handle.db);
    await createTestOrganisation(handle.db);
    app = await buildApp({
      db: handle.db,
      engine: handle.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await cluster.remove();
  });

  const categories = () => app.inject({ method: 'GET', url: '/api/categories' });
  /** A few requests at once, so the pool holds several sessions when the server goes away. */
  const several = async () => (await Promise.all([categories(), categories(), categories()])).map((r) => r.statusCode);

  it('answers 503 DATABASE_UNAVAILABLE while it is down and serves again once it is back, without a restart of its own', async () => {
    expect(await several()).toEqual([200, 200, 200]);

    await cluster.stop();
    for (const res of await Promise.all([categories(), categories()])) {
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        messages: { en: expect.any(String), sv: expect.any(String) },
      });
    }
    await cluster.start();
    expect(await several()).toEqual([200, 200, 200]);

    await cluster.restart();
    expect(await several()).toEqual([200, 200, 200]);
    // The sessions ended under the pool were noticed (and only noticed): this process is still here to answer.
    expect(lost.length).toBeGreaterThan(0);
  }, 60_000);
});
