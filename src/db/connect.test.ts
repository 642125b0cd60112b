import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL } from '../../tests/setup/test-db.js';
import { buildApp } from '../server/app.js';
import { connect, type DbHandle, isDatabaseOverrun, isDatabaseUnavailable } from './connect.js';

/** A connection string whose sessions carry their own application_name, so a test ends only its own backends. */
function urlNamed(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('application_name', name);
  return url.toString();
}

async function admin<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until `check` holds, polling; returns how long it took. */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - start;
}

const backendsOf = (name: string) =>
  admin<{ pid: number; state: string; query: string }>(
    'SELECT pid, state, query FROM pg_stat_activity WHERE application_name = $1',
    [name],
  );

describe('PostgreSQL connections that are lost', () => {
  const name = `trygg_test_${randomBytes(4).toString('hex')}`;
  let lost = 0;
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await connect({
      databaseUrl: urlNamed(name),
      maxConnections: 2,
      statementTimeoutMs: 300,
      idleInTransactionTimeoutMs: 60_000,
      log: {
        warn: (_details, message) => {
          if (message === 'database connection lost') lost += 1;
        },
      },
    });
  });
  afterAll(() => handle?.close());

  it('gives every session the time limits and the check for a vanished client', async () => {
    const { rows } = await sql<{ statement: string; idle: string; check: string }>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle,
        current_setting('client_connection_check_interval') AS check`.execute(handle.db);
    expect(rows[0]).toEqual({ statement: '300ms', idle: '1min', check: '5s' });
    const error = await sql`SELECT pg_sleep(1)`.execute(handle.db).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('57014');
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseOverrun(error)).toBe(true);
  });

  it('survives a backend ended while idle in the pool and while held inside a transaction, failing only that statement', async () => {
    await sql`SELECT 1`.execute(handle.db);
    const [idle] = await backendsOf(name);
    await admin('SELECT pg_terminate_backend($1)', [idle!.pid]);
    await waitFor(async () => lost >= 1, 5000);

    const failure = await handle.db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx);
        await admin('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        // The session is gone while this transaction holds its client: the client emits 'error' between statements.
        await waitFor(async () => lost >= 2, 5000);
        await sql`SELECT 1`.execute(trx);
      })
      .catch((e: unknown) => e);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    expect(isDatabaseOverrun(failure)).toBe(false);

    const { rows } = await sql<{ ok: number }>`SELECT 1 AS ok`.execute(handle.db);
    expect(rows).toEqual([{ ok: 1 }]);
  });

  it("ends a killed process's statement within seconds, so its locks go with it", async () => {
    const killedName = `${name}_killed`;
    const script = `
      import { sql } from 'kysely';
      import { connect } from ${JSON.stringify(new URL('./connect.ts', import.meta.url).href)};
      const handle = await connect({ databaseUrl: ${JSON.stringify(urlNamed(killedName))} });
      await sql\`SELECT pg_sleep(120)\`.execute(handle.db);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: 'ignore',
    });
    try {
      await waitFor(
        async () => (await backendsOf(killedName)).some((b) => b.state === 'active' && b.query.includes('pg_sleep')),
        20_000,
      );
    } finally {
      child.kill('SIGKILL');
    }
    const took = await waitFor(async () => (await backendsOf(killedName)).length === 0, 15_000);
    expect(took).toBeLessThan(15_000);
  });
});

describe('a request while the database is down', () => {
  it('answers 503 DATABASE_UNAVAILABLE in Swedish and English instead of failing the process', async () => {
    // Nothing listens on port 1: every connection attempt is refused, as while PostgreSQL restarts.
    const handle = await connect({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', log: { warn: () => {} } });
    const app = await buildApp({
      db: handle.db,
      engine: handle.engine,
      config: { bodyLimit: 1_048_576, defaultOrganisation: 'stockholm' },
      webRoot: null,
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/categories' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        messages: {
          sv: 'Databasen svarar inte just nu. Försök igen om en stund.',
          en: 'The database is not answering right now. Try again in a moment.',
        },
      });
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
