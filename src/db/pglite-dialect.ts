import { setImmediate } from 'node:timers/promises';
import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/**
 * A Kysely dialect over one embedded PGlite instance. PGlite has a single session, so a transaction holds it
 * from BEGIN to COMMIT: it must not see another request's statements. Outside a transaction each statement
 * takes the session for itself only, so a connection held for a long job (`db.connection()`, as imports do)
 * lets other requests' statements run between its own.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** Turns for the one session, first come first served; `take` resolves with the function that ends the turn. */
class SessionTurns {
  private queue: Promise<void> = Promise.resolve();
  async take(): Promise<() => void> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    return release;
  }
}

class PGliteDriver implements Driver {
  private readonly turns = new SessionTurns();

  constructor(private readonly pglite: PGlite) {}

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.pglite, this.turns);
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    const connection = conn as PGliteConnection;
    connection.transactionTurn = await this.turns.take();
    try {
      await connection.executeQuery({ sql: 'BEGIN', parameters: [] } as unknown as CompiledQuery);
    } catch (e) {
      connection.endTransaction();
      throw e;
    }
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await this.endWith(conn as PGliteConnection, 'COMMIT');
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await this.endWith(conn as PGliteConnection, 'ROLLBACK');
  }

  private async endWith(connection: PGliteConnection, statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    try {
      await connection.executeQuery({ sql: statement, parameters: [] } as unknown as CompiledQuery);
    } finally {
      connection.endTransaction();
    }
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PGliteConnection).endTransaction();
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  /** Ends the session turn of the transaction this connection is in, if any. */
  transactionTurn: (() => void) | null = null;
  constructor(
    private readonly pglite: PGlite,
    private readonly turns: SessionTurns,
  ) {}

  endTransaction(): void {
    this.transactionTurn?.();
    this.transactionTurn = null;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.transactionTurn) return this.run(compiled);
    // PGlite answers without I/O, so a job's statements would follow each other in one turn of the event
    // loop: let requests that arrived meanwhile be read and queue their statements first.
    await setImmediate();
    const release = await this.turns.take();
    try {
      return await this.run(compiled);
    } finally {
      release();
    }
  }

  private async run<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Parameterless SQL may hold several statements (migrations); only the simple protocol (exec) runs those.
    if (compiled.parameters.length === 0) {
      const results = await this.pglite.exec(compiled.sql);
      const last = results[results.length - 1];
      return { rows: (last?.rows ?? []) as R[], numAffectedRows: toBigInt(last?.affectedRows) };
    }
    const result = await this.pglite.query<R>(compiled.sql, compiled.parameters as unknown[]);
    return { rows: result.rows, numAffectedRows: toBigInt(result.affectedRows) };
  }

  // biome-ignore lint/correctness/useYield: Kysely's interface asks for a generator; this one only refuses
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite; page with a cursor instead');
  }
}

function toBigInt(n: number | undefined): bigint | undefined {
  return n === undefined ? undefined : BigInt(n);
}
