import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, seedStockholmForImports } from '../../tests/factories/imports.factory.js';
import { TEST_POSTGRES_URL, withSchemaLock } from '../../tests/setup/test-db.js';
import { openDatabase } from '../cli/cli-context.js';
import { ownsIncidents } from '../features/imports/bulk-load.repo.js';
import { recordAudit } from '../core/audit.repo.js';
import { runImport } from '../features/imports/imports.service.js';
import { type Config, loadConfig } from '../server/config.js';
import type { DbHandle } from './connect.js';
import { currentRole } from './runtime-role.js';

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The test database's URL as `user`, on `schema`. */
function urlFor(schema: string, user?: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  if (user) url.username = user;
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** The SQLSTATE a statement fails with, or null when it succeeds. */
async function failure(db: DbHandle['db'], statement: string): Promise<string | null> {
  return sql
    .raw(statement)
    .execute(db)
    .then(
      () => null,
      (e: unknown) => (e as { code?: string }).code ?? String(e),
    );
}

// Roles belong to the whole cluster: the name is unique to this run, and the role is dropped afterwards.
describe('running as a role that owns no table (MIGRATION_DATABASE_URL as owner, DATABASE_URL as the app)', () => {
  const suffix = randomBytes(5).toString('hex');
  const role = `trygg_app_${suffix}`;
  const schema = `t_${suffix}`;
  let app: DbHandle;
  let owner: DbHandle;
  let config: Config;

  beforeAll(async () => {
    await admin(`CREATE ROLE ${role} LOGIN`);
    await withSchemaLock('shared', (client) => client.query(`CREATE SCHEMA ${schema}`));
    config = loadConfig({ DATABASE_URL: urlFor(schema, role), MIGRATION_DATABASE_URL: urlFor(schema) });
    app = await withSchemaLock('shared', () => openDatabase({ purpose: 'server' }, config));
    owner = await withSchemaLock('shared', () => openDatabase({ asOwner: true }, config));
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await withSchemaLock('exclusive', (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
    await admin(`DROP OWNED BY ${role}`);
    await admin(`DROP ROLE ${role}`);
  });

  it('works as usual: seeds, imports, updates, deletes and appends to the audit log', async () => {
    expect(await currentRole(app.db)).toBe(role);
    const ctx = await seedStockholmForImports(app.db);
    const files = importFiles();
    try {
      const path = files.write(
        'a.csv',
        'id,datum,kategori,lat,lon,beskrivning\nR1,2026-11-01T10:00:00+01:00,brand,59.33,18.06,Brand i soptunna\n',
      );
      const report = await runImport(ctx, { filePath: path, fileName: 'a.csv', dryRun: false });
      expect(report.rows.inserted).toBe(1);
    } finally {
      files.cleanup();
    }
    const incident = await app.db
      .updateTable('incidents')
      .set({ status_note: 'granskad' })
      .where('source_ref', '=', 'R1')
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(app.db, {
      organisationId: ctx.organisation.id,
      actor: 'test',
      action: 'update',
      entityType: 'incident',
      entityId: incident.id,
      after: { status_note: true },
    });
    await app.db.deleteFrom('incidents').where('id', '=', incident.id).execute();
    const audit = await app.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', incident.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('update');
    // The import wrote row by row: dropping the indexes for a bulk load is for the owner alone.
    expect(await ownsIncidents(app.db)).toBe(false);
    expect(await ownsIncidents(owner.db)).toBe(true);
  });

  it('lets several processes start at once: their grants take turns instead of colliding', async () => {
    const opened = await withSchemaLock('shared', () =>
      Promise.allSettled(Array.from({ length: 6 }, () => openDatabase({ purpose: 'server' }, config))),
    );
    await Promise.all(opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value.close()] : [])));
    expect(opened.filter((o) => o.status === 'rejected')).toEqual([]);
  });

  it('cannot alter the audit log: no disabling its triggers, no replica mode, no UPDATE, DELETE or TRUNCATE', async () => {
    const denied = '42501';
    expect(await failure(app.db, 'ALTER TABLE audit_events DISABLE TRIGGER ALL')).toBe(denied);
    expect(await failure(app.db, 'ALTER TABLE audit_events DISABLE TRIGGER USER')).toBe(denied);
    expect(await failure(app.db, 'SET session_replication_role = replica')).toBe(denied);
    expect(await failure(app.db, 'UPDATE audit_events SET actor = actor')).toBe(denied);
    expect(await failure(app.db, 'DELETE FROM audit_events')).toBe(denied);
    expect(await failure(app.db, 'TRUNCATE audit_events')).toBe(denied);
    expect(await failure(app.db, 'UPDATE records_releases SET request_ref = request_ref')).toBe(denied);
    expect(await failure(app.db, 'DELETE FROM records_releases')).toBe(denied);
    expect(await failure(app.db, 'DROP TABLE incidents')).toBe(denied);
    expect(await failure(app.db, 'DELETE FROM kysely_migration')).toBe(denied);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM audit_events`.execute(app.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
