import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
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

/** A fresh, migrated, isolated database: in-memory PGlite, or a new schema on the test PostgreSQL. */
export async function openTestDb(engine: Engine): Promise<TestDb> {
  if (engine === 'pglite') {
    const handle = await connect({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return { ...handle, dispose: () => handle.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const handle = await connect({ databaseUrl: TEST_POSTGRES_URL, searchPath: schema, maxConnections: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await adminQuery(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
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
