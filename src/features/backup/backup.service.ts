import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { Db } from '../../core/context.js';
import {
  deleteAllRows,
  disableUserTriggers,
  enableUserTriggers,
  insertRows,
  listAppliedMigrations,
  readTablePage,
  rebuildIncidentWeeklyCounts,
  resetIdentitySequence,
  tableHasRows,
} from './backup.repo.js';
import { listTables, parentsFirst, type TableInfo } from './catalog.js';

const FORMAT = 'trygg-backup';
const VERSION = 1;
const PAGE = 5000;

interface Header {
  format: typeof FORMAT;
  version: number;
  created_at: string;
  migrations: string[];
  tables: Array<{ name: string; columns: string[] }>;
}

/** Keyset pages over the primary key, so a million-row table streams in constant memory. */
async function* tableRows(db: Db, table: TableInfo): AsyncGenerator<Record<string, unknown>> {
  const key = table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name);
  let after: unknown[] | null = null;
  for (;;) {
    const rows = await readTablePage(db, table.name, key, after, PAGE);
    yield* rows;
    if (rows.length < PAGE) return;
    const last: Record<string, unknown> = rows[rows.length - 1]!;
    after = key.map((k) => last[k]);
  }
}

const serialise = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * Writes a logical, engine-neutral backup (gzip'd JSON lines: a header, then one line per row) from one
 * consistent snapshot. The same file restores into PGlite or PostgreSQL.
 */
export async function backupTo(db: Kysely<Database>, file: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(file));
  const counts: Record<string, number> = {};
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tables = await listTables(trx);
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        created_at: new Date().toISOString(),
        migrations: await listAppliedMigrations(trx),
        tables: tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) })),
      };
      await write(header);
      for (const table of tables) {
        counts[table.name] = 0;
        for await (const row of tableRows(trx, table)) {
          await write({ t: table.name, r: table.columns.map((c) => serialise(row[c.name])) });
          counts[table.name]! += 1;
        }
      }
    });
  gzip.end();
  await done;
  return counts;
}

async function isEmpty(db: Db, tables: TableInfo[]): Promise<boolean> {
  for (const t of tables) {
    if (await tableHasRows(db, t.name)) return false;
  }
  return true;
}

/**
 * Restores a backup into this database, all or nothing. Refuses a non-empty database unless `force`,
 * which first empties every table (the audit log's append-only guard is lifted for that transaction only).
 */
export async function restoreFrom(
  db: Kysely<Database>,
  file: string,
  options: { force: boolean },
): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next().catch(() => ({ done: true, value: '' }));
  let header: Header;
  try {
    header = JSON.parse(first.done ? '' : first.value) as Header;
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'file', code: 'not_a_backup', message: 'the file is not a Trygg backup' }],
    });
  }
  if (header.format !== FORMAT || header.version !== VERSION) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'file', code: 'not_a_backup', message: 'the file is not a Trygg backup of a known version' }],
    });
  }
  return inTransaction(db, async (trx) => {
    const known = new Set(await listAppliedMigrations(trx));
    const newer = header.migrations.filter((m) => !known.has(m));
    if (newer.length)
      throw new AppError('CONFLICT', {
        details: [
          {
            path: 'file',
            code: 'newer_schema',
            message: `the backup needs migrations this version lacks: ${newer.join(', ')}`,
          },
        ],
      });
    const tables = new Map((await listTables(trx)).map((t) => [t.name, t]));
    const empty = await isEmpty(trx, [...tables.values()]);
    if (!empty && !options.force)
      throw new AppError('CONFLICT', {
        details: [
          {
            path: 'database',
            code: 'not_empty',
            message: 'the database is not empty; restore with --force to replace its contents',
          },
        ],
      });
    // The rows arrive as they were: triggers (the audit log's append-only guard, change counters) stay off
    // for this transaction only; the foreign keys still check every row.
    for (const t of tables.values()) await disableUserTriggers(trx, t.name);
    if (!empty) for (const t of [...tables.values()].reverse()) await deleteAllRows(trx, t.name);
    const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]));
    const counts: Record<string, number> = {};
    let current: { table: TableInfo; rows: unknown[][] } | null = null;
    const flush = async () => {
      if (!current) return;
      const { table, rows } = current;
      const columns = columnsOf.get(table.name)!;
      const ordered = table.selfReference
        ? parentsFirst(
            rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]]))),
            table.primaryKey[0]!,
            table.selfReference,
          ).map((o) => columns.map((c) => o[c]))
        : rows;
      for (let i = 0; i < ordered.length; i += 500) await insertRows(trx, table, columns, ordered.slice(i, i + 500));
      counts[table.name] = (counts[table.name] ?? 0) + rows.length;
      current = null;
    };
    for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
      const { t, r } = JSON.parse(line) as { t: string; r: unknown[] };
      const table = tables.get(t);
      if (!table)
        throw new AppError('CONFLICT', {
          details: [
            { path: 'file', code: 'unknown_table', message: `the backup has a table this version lacks: ${t}` },
          ],
        });
      if (current && current.table.name !== t) await flush();
      current ??= { table, rows: [] };
      current.rows.push(r);
      // Self-referencing tables are ordered as a whole; others are written as they stream.
      if (!table.selfReference && current.rows.length >= 500) {
        await insertRows(trx, table, columnsOf.get(t)!, current.rows);
        counts[t] = (counts[t] ?? 0) + current.rows.length;
        current.rows = [];
      }
    }
    await flush();
    // The incidents came in with their triggers off: recount what those triggers keep.
    await rebuildIncidentWeeklyCounts(trx);
    for (const t of tables.values()) await enableUserTriggers(trx, t.name);
    for (const table of tables.values()) {
      for (const c of table.columns.filter((col) => col.identity)) {
        await resetIdentitySequence(trx, table.name, c.name);
      }
    }
    return counts;
  });
}
