import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { Pool } from 'pg';

/** What PostgresDriver hands out and takes back (its class is not exported by name). */
type PostgresConnection = Parameters<PostgresDriver['releaseConnection']>[0];
import { type ConnectOptions, type ConnectionLog, isDatabaseUnavailable, openPool } from './connect.js';
import type { Database } from './schema.js';

/** How long the replica is left alone after it failed, before a request tries it again. */
const REPLICA_RETRY_MS = 30_000;

/**
 * A hot standby refuses a query whose rows replay is about to remove (SQLSTATE 40001, "conflict with
 * recovery"): the primary answers the same query at once, so it is a reason to fall back, not to fail.
 */
function isReplicaRefusal(error: unknown): boolean {
  return isDatabaseUnavailable(error) || (error as { code?: unknown } | null)?.code === '40001';
}

export interface ReadReplica {
  /** Reads go to the replica; while it is unreachable they go to the primary. Never write through it. */
  db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * Opens DATABASE_READ_URL, a streaming replica of `primaryPool`'s database, for the server's heavy reads.
 * A replica that cannot be reached, is starting or cancels a query for replay is never an error for the
 * caller: the statement runs on the primary instead, a warning is logged, and the replica is tried again
 * after REPLICA_RETRY_MS.
 */
export async function connectReadReplica(
  url: string,
  primaryPool: Pool,
  options: ConnectOptions & { log: ConnectionLog },
): Promise<ReadReplica> {
  const replicaPool = await openPool(url, options);
  const driver = new FallbackDriver(
    new PostgresDriver({ pool: replicaPool }),
    new PostgresDriver({ pool: primaryPool }),
    options.log,
  );
  const db = new Kysely<Database>({ dialect: new FallbackDialect(driver) });
  // Destroying the Kysely ends only the replica's pool: the primary's belongs to its own handle.
  return { db, close: () => db.destroy() };
}

class FallbackDialect extends PostgresDialect {
  readonly #driver: Driver;
  constructor(driver: Driver) {
    super({ pool: {} as Pool });
    this.#driver = driver;
  }
  override createDriver(): Driver {
    return this.#driver;
  }
}

/** A connection taken from one of the two drivers; remembers which, to give it back there. */
class SourcedConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(
    readonly inner: PostgresConnection,
    readonly driver: PostgresDriver,
    readonly onReplica: boolean,
    private readonly fallback: FallbackDriver,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      // Inside a transaction the earlier statements ran on this connection: none can move elsewhere.
      if (!this.onReplica || this.inTransaction || !isReplicaRefusal(error)) throw error;
      this.fallback.replicaFailed(error);
      return this.fallback.onPrimary((primary) => primary.executeQuery<R>(query));
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class FallbackDriver implements Driver {
  #replicaDownUntil = 0;

  constructor(
    private readonly replica: PostgresDriver,
    private readonly primary: PostgresDriver,
    private readonly log: ConnectionLog,
  ) {}

  async init(): Promise<void> {
    await Promise.all([this.replica.init(), this.primary.init()]);
  }

  replicaFailed(error: unknown): void {
    if (Date.now() >= this.#replicaDownUntil)
      this.log.warn({ err: error }, 'read replica unavailable: reading from the primary for now');
    this.#replicaDownUntil = Date.now() + REPLICA_RETRY_MS;
  }

  async onPrimary<T>(work: (connection: PostgresConnection) => Promise<T>): Promise<T> {
    const connection = (await this.primary.acquireConnection()) as PostgresConnection;
    try {
      return await work(connection);
    } finally {
      await this.primary.releaseConnection(connection);
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (Date.now() >= this.#replicaDownUntil) {
      try {
        const connection = (await this.replica.acquireConnection()) as PostgresConnection;
        return new SourcedConnection(connection, this.replica, true, this);
      } catch (error) {
        if (!isReplicaRefusal(error)) throw error;
        this.replicaFailed(error);
      }
    }
    const connection = (await this.primary.acquireConnection()) as PostgresConnection;
    return new SourcedConnection(connection, this.primary, false, this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as SourcedConnection;
    await c.driver.beginTransaction(c.inner, settings);
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as SourcedConnection;
    c.inTransaction = false;
    await c.driver.commitTransaction(c.inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as SourcedConnection;
    c.inTransaction = false;
    await c.driver.rollbackTransaction(c.inner);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    const c = connection as SourcedConnection;
    await c.driver.savepoint(c.inner, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    const c = connection as SourcedConnection;
    await c.driver.rollbackToSavepoint(c.inner, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    const c = connection as SourcedConnection;
    await c.driver.releaseSavepoint(c.inner, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as SourcedConnection;
    await c.driver.releaseConnection(c.inner);
  }

  async destroy(): Promise<void> {
    await this.replica.destroy();
  }
}
