import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connect, type DbHandle, type Engine } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** The PostgreSQL the tests use; CI and this machine have one on loopback with trust auth. */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];

export interface TestDb extends DbHandle {
  /** Removes the test's database (PostgreSQL schema) and closes the connection. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated, isolated database: in-memory PGlite, or a new schema on the test PostgreSQL; on PGlite
 * optionally with the web suites' demo seed already in it.
 */
export async function openTestDb(engine: Engine, from: 'migrated' | 'seeded' = 'migrated'): Promise<TestDb> {
  if (from === 'seeded' && engine !== 'pglite') throw new Error('the seeded template is a PGlite one');
  if (engine === 'pglite') {
    // From the run's templates (tests/setup/pglite-template.ts); migrating again finds nothing to do.
    const template = from === 'seeded' ? inject('seededTemplate').file : inject('pgliteTemplate');
    const handle = await connect({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(template)]) });
    await migrateToLatest(handle.db);
    return { ...handle, dispose: () => handle.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withSchemaLock('shared', (client) => client.query(`CREATE SCHEMA ${schema}`));
  const handle = await connect({ databaseUrl: TEST_POSTGRES_URL, searchPath: schema, maxConnections: 4 });
  await withSchemaLock('shared', () => migrateToLatest(handle.db));
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      // The background jobs' own schema, when a server or job runner made one beside the test's.
      await withSchemaLock('exclusive', (client) =>
        client.query(`DROP SCHEMA ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`),
      );
    },
  };
}

/** Any advisory-lock key the application itself does not use. */
const SCHEMA_LOCK_KEY = 7_340_215;

/**
 * Kysely's migrator introspects the tables of every schema in the database, and that catalog query fails
 * ("schema … does not exist") when another test worker drops its schema at the same moment. Migrations take
 * this lock shared, dropping a schema takes it alone; the lock ends with the admin session.
 */
export async function withSchemaLock<T>(
  mode: 'shared' | 'exclusive',
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(mode === 'shared' ? 'SELECT pg_advisory_lock_shared($1)' : 'SELECT pg_advisory_lock($1)', [
      SCHEMA_LOCK_KEY,
    ]);
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs the same suite once per engine, each with its own migrated database for the whole suite.
 * `body` gets a getter because the database opens in beforeAll.
 */
export function describeEachEngine(name: string, body: (getDb: () => TestDb) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let testDb: TestDb | undefined;
      beforeAll(async () => {
        testDb = await openTestDb(engine);
      }, 60_000);
      afterAll(async () => {
        await testDb?.dispose();
      });
      body(() => {
        if (!testDb) throw new Error('test database not open yet');
        return testDb;
      });
    });
  }
}
