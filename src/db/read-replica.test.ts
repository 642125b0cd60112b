import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../tests/factories/org.factory.js';
import { signedInAs } from '../../tests/factories/users.factory.js';
import { openDatabase, openReadReplica } from '../cli/cli-context.js';
import { READ_PRIMARY_COOKIE } from '../http/read-routing.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import type { DbHandle } from './connect.js';
import type { ReadReplica } from './read-replica.js';

const BIN = '/usr/lib/postgresql/15/bin';

/** PostgreSQL refuses to run as root: as root (here and in CI) its programs run as the `postgres` user. */
function asPostgres(program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', `${BIN}/${program}`, ...args]]
    : [`${BIN}/${program}`, args];
  execFileSync(command, argv, { stdio: 'pipe', timeout: 60_000 });
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Its own primary and hot standby on free ports under a temporary directory: the shared test server is never
// touched, and both clusters are stopped and removed afterwards, also when a test or the setup fails.
describe('read replica (DATABASE_READ_URL) on a real hot standby', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trygg-replica-'));
  const primaryDir = join(dir, 'primary');
  const standbyDir = join(dir, 'standby');
  const warnings: string[] = [];
  let standbyUrl = '';
  let handle: DbHandle | undefined;
  let replica: ReadReplica | null = null;
  let standby: pg.Pool | undefined;
  let app: FastifyInstance | undefined;
  let org: TestOrganisation;
  let headers: Record<string, string>;

  const start = (data: string) => asPostgres('pg_ctl', ['-D', data, '-l', `${data}.log`, '-w', '-t', '30', 'start']);

  beforeAll(async () => {
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
      chownSync(dir, id('-u'), id('-g'));
    }
    const [primaryPort, standbyPort] = [await freePort(), await freePort()];
    asPostgres('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Small and unsafe on purpose: a throwaway cluster that should start in a second.
    appendFileSync(
      join(primaryDir, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${dir}'`,
        'shared_buffers = 16MB',
        'max_connections = 40',
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    start(primaryDir);
    asPostgres('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir],
      ...['-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
    ]);
    // The copied configuration names the primary's port; a later line wins.
    appendFileSync(join(standbyDir, 'postgresql.conf'), `port = ${standbyPort}\n`);
    start(standbyDir);

    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`;
    const config = loadConfig({ DATABASE_URL: primaryUrl, DATABASE_READ_URL: standbyUrl });
    const log = { warn: (_details: object, message: string) => warnings.push(message) };
    // Migrates the primary; the standby follows by replication only.
    handle = await openDatabase({ purpose: 'server', log }, config);
    replica = await openReadReplica(handle, config, log);
    standby = new pg.Pool({ connectionString: standbyUrl, max: 1 });
    standby.on('error', () => {
      /* the standby is stopped on purpose below */
    });
    org = await createTestOrganisation(handle.db);
    app = await buildApp({
      db: handle.db,
      readDb: replica?.db ?? null,
      engine: handle.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun', readPrimaryAfterWriteSeconds: 10 },
      webRoot: null,
    });
    ({ headers } = await signedInAs(app, handle.db, org.organisation.id, org.unitId, 'coordinator', {
      'x-trygg-organisation': 'testkommun',
    }));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await replica?.close();
    await handle?.close();
    await standby?.end().catch(() => undefined);
    for (const data of [standbyDir, primaryDir]) {
      if (!existsSync(join(data, 'postmaster.pid'))) continue;
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* already stopped */
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** Waits until the standby has replayed everything the primary has written so far. */
  async function caughtUp(): Promise<void> {
    const { rows } = await sql<{ lsn: string }>`SELECT pg_current_wal_lsn()::text AS lsn`.execute(handle!.db);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const { rows: r } = await standby!.query<{ done: boolean }>(
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
        [rows[0]!.lsn],
      );
      if (r[0]?.done) return;
      await sleep(25);
    }
    throw new Error(`the standby did not replay up to ${rows[0]!.lsn}`);
  }

  const get = (url: string, extra: Record<string, string> = {}) =>
    app!.inject({ method: 'GET', url, headers: { ...headers, ...extra } });
  const reportUrl = () => `/api/situation/report?area_id=${org.areas.southDistrict}&week=2026-W40`;
  const listedIds = async (extra: Record<string, string> = {}) => {
    const res = await get('/api/incidents?limit=100', extra);
    expect(res.statusCode).toBe(200);
    return (res.json().items as { id: string }[]).map((i) => i.id);
  };
  const reportCount = async (extra: Record<string, string> = {}) => {
    const res = await get(reportUrl(), extra);
    expect(res.statusCode).toBe(200);
    return res.json().totals.count as number;
  };

  it('reads through the replica from the standby, and writes through the primary', async () => {
    const recovery = async (db: DbHandle['db']) =>
      (await sql<{ r: boolean }>`SELECT pg_is_in_recovery() AS r`.execute(db)).rows[0]!.r;
    expect(await recovery(replica!.db)).toBe(true);
    expect(await recovery(handle!.db)).toBe(false);
    // What the migrations and the factories wrote on the primary is on the standby once it has caught up.
    await caughtUp();
    const found = await replica!.db
      .selectFrom('organisations')
      .select('slug')
      .where('id', '=', org.organisation.id)
      .executeTakeFirst();
    expect(found?.slug).toBe('testkommun');
  });

  it('serves lists and the situation report from the replica, and a writer its own write from the primary', async () => {
    await caughtUp();
    const before = await reportCount();
    // Held replay stands for replica lag: what the primary writes now is not on the standby.
    await standby!.query('SELECT pg_wal_replay_pause()');
    let id = '';
    try {
      id = await lagBehindAWrite(before);
    } finally {
      await standby!.query('SELECT pg_wal_replay_resume()');
    }
    await caughtUp();
    expect(await listedIds()).toContain(id);
    // The report cache is keyed on the versions read from the replica, which now include the write.
    expect(await reportCount()).toBe(before + 1);
  });

  /** Writes while replay is held; returns the new incident's id. */
  async function lagBehindAWrite(before: number): Promise<string> {
    const write = await app!.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: { occurred_at: '2026-09-30T12:00:00+02:00', category: 'klotter', lon: 18.02, lat: 59.27 },
    });
    expect(write.statusCode).toBe(201);
    const id = write.json().id as string;
    const marker = write.cookies.find((c) => c.name === READ_PRIMARY_COOKIE);
    expect(marker).toMatchObject({ maxAge: 10, httpOnly: true, path: '/' });

    // Without the marker: the replica's data, which lacks the new incident (the primary has it).
    expect(await listedIds()).not.toContain(id);
    expect(await reportCount()).toBe(before);
    // With the marker the write's answer set (the page a user is sent to after saving): the primary's.
    const afterWrite = { cookie: `${headers.cookie}; ${READ_PRIMARY_COOKIE}=${marker!.value}` };
    expect(await listedIds(afterWrite)).toContain(id);
    expect(await reportCount(afterWrite)).toBe(before + 1);
    // A single record is not a heavy read: always the primary.
    expect((await get(`/api/incidents/${id}`)).statusCode).toBe(200);
    return id;
  }

  it('answers every heavy read from the standby, where a write would fail', async () => {
    const unit = org.unitId;
    for (const url of [
      '/api/incidents/hexbins?resolution=8',
      '/api/problems',
      '/api/measures',
      '/api/requests',
      '/api/quality?scope=city',
      `/api/quality/xlsx?scope=district&unit_id=${unit}`,
      '/api/views/city',
      `/api/views/districts/${unit}`,
      `/api/views/units/${unit}`,
      `/api/reports/annual?scope=district&unit_id=${unit}&year=2026`,
      `/api/reports/annual/pdf?scope=unit&unit_id=${unit}&year=2026`,
      reportUrl().replace('/report?', '/report/pdf?'),
      reportUrl().replace('/report?', '/report/xlsx?'),
    ]) {
      const res = await get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    }
    expect(warnings).toEqual([]);
  });

  it('reads from the primary with a warning, never an error, while the replica is down', async () => {
    await caughtUp();
    const expected = await listedIds();
    asPostgres('pg_ctl', ['-D', standbyDir, '-m', 'immediate', '-w', 'stop']);
    expect(await listedIds()).toEqual(expected);
    expect((await get(reportUrl())).statusCode).toBe(200);
    expect(warnings).toContain('read replica unavailable: reading from the primary for now');
  });

  it('sets no read-from-primary marker when there is no replica', async () => {
    const single = await buildApp({
      db: handle!.db,
      engine: handle!.engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    try {
      const res = await single.inject({
        method: 'POST',
        url: '/api/incidents',
        headers,
        payload: { occurred_at: '2026-09-30T12:00:00+02:00', category: 'klotter', lon: 18.02, lat: 59.27 },
      });
      expect(res.statusCode).toBe(201);
      expect(res.cookies.map((c) => c.name)).not.toContain(READ_PRIMARY_COOKIE);
    } finally {
      await single.close();
    }
  });

  it('refuses DATABASE_READ_URL without DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: standbyUrl })).toThrow(/DATABASE_READ_URL needs DATABASE_URL/);
  });
});
