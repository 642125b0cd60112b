import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.js';
import { createIncident } from '../incidents/incidents.service.js';
import { insertRelease } from '../records/records.repo.js';
import { createTestOrganisation, testContext } from '../../../tests/factories/org.factory.js';
import { createUser } from '../../../tests/factories/users.factory.js';
import { ENGINES, openTestDb, type TestDb } from '../../../tests/setup/test-db.js';
import { backupTo, restoreFrom } from './backup.service.js';
import { listTables } from './catalog.js';

/** The incident counts per week that triggers keep: not in the file, recounted by the restore. */
const weeklyCounts = (db: Kysely<Database>) =>
  db
    .selectFrom('incident_weekly_counts')
    .select(['week', 'area_id', 'category_id', 'source', 'precision', 'count'])
    .orderBy('week')
    .orderBy('category_id')
    .orderBy('source')
    .orderBy('precision')
    .execute();

/** Every row of every application table, in primary-key order, as comparable JSON. */
async function snapshot(db: Kysely<Database>) {
  const out: Record<string, unknown[]> = {};
  for (const t of await listTables(db)) {
    const order = sql.join((t.primaryKey.length ? t.primaryKey : t.columns.map((c) => c.name)).map((k) => sql.ref(k)));
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t.name)} ORDER BY ${order}`.execute(
      db,
    );
    out[t.name] = rows.map((r) => JSON.parse(JSON.stringify(r)));
  }
  return out;
}

describe('backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trygg-backup-'));
  const file = join(dir, 'backup.jsonl.gz');
  let source: TestDb;
  let expected: Record<string, unknown[]>;

  beforeAll(async () => {
    source = await openTestDb('pglite');
    const org = await createTestOrganisation(source.db);
    await createUser(source.db, org.organisation.id, org.unitId, 'coordinator', 'samordnare@example.se');
    const ctx = testContext(source.db, org.organisation);
    for (let i = 0; i < 30; i++) {
      await createIncident(ctx, {
        occurred_at: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00+02:00`,
        category: i % 2 ? 'klotter' : 'brand',
        lon: 18.01 + i / 1000,
        lat: 59.27,
        precision: 'exact',
        source: 'staff',
        description: `Rad ${i} med "citat", åäö och ${'x'.repeat(i)}`,
      });
    }
    // The release log is append-only too: a forced restore must lift its guard like the audit log's.
    await insertRelease(source.db, {
      organisation_id: org.organisation.id,
      request_ref: 'KS 2026/1',
      recipient: 'Journalist',
      record_type: 'incident',
      record_ids: [],
      masked: [],
      format: 'json',
      released_by: 'registrator@example.se',
    });
    expected = await snapshot(source.db);
    const counts = await backupTo(source.db, file);
    expect(counts.incidents).toBe(30);
    expect(counts.audit_events).toBe(30);
    expect(counts.records_releases).toBe(1);
  }, 60_000);
  afterAll(async () => {
    await source.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const engine of ENGINES) {
    describe(`into ${engine}`, () => {
      let target: TestDb;
      beforeAll(async () => {
        target = await openTestDb(engine);
      }, 60_000);
      afterAll(async () => target.dispose());

      it('restores into an empty database row for row, and the audit and release logs stay append-only after', async () => {
        await restoreFrom(target.db, file, { force: false });
        expect(await snapshot(target.db)).toEqual(expected);
        await expect(sql`DELETE FROM audit_events`.execute(target.db)).rejects.toThrow(/append-only/);
        await expect(sql`TRUNCATE records_releases`.execute(target.db)).rejects.toThrow(/append-only/);
        // New rows continue the identity sequence instead of colliding with restored ids.
        const { id: organisationId } = await target.db
          .selectFrom('organisations')
          .select('id')
          .executeTakeFirstOrThrow();
        await target.db
          .insertInto('audit_events')
          .values({
            organisation_id: organisationId,
            actor: 'test',
            action: 'create',
            entity_type: 'x',
            entity_id: null,
            before: null,
            after: null,
            remote_address: null,
          })
          .execute();
      });

      it('refuses a non-empty database unless forced, then replaces everything', async () => {
        await expect(restoreFrom(target.db, file, { force: false })).rejects.toMatchObject({ code: 'CONFLICT' });
        await restoreFrom(target.db, file, { force: true });
        expect(await snapshot(target.db)).toEqual(expected);
        expect(await weeklyCounts(target.db)).toEqual(await weeklyCounts(source.db));
      });

      it('refuses a file that is not a backup and changes nothing', async () => {
        const bad = join(dir, `bad-${engine}.gz`);
        writeFileSync(bad, gzipSync('{"hello":"world"}\n'));
        await expect(restoreFrom(target.db, bad, { force: true })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
        const broken = join(dir, `broken-${engine}.gz`);
        const lines = [
          JSON.stringify({
            format: 'trygg-backup',
            version: 1,
            created_at: '',
            migrations: [],
            tables: [{ name: 'organisations', columns: ['id', 'slug', 'name', 'municipality_code', 'created_at'] }],
          }),
          '{"t":"organisations","r":["not-a-uuid","x","X",null,null]}',
        ];
        writeFileSync(broken, gzipSync(`${lines.join('\n')}\n`));
        await expect(restoreFrom(target.db, broken, { force: true })).rejects.toThrow();
        expect(await snapshot(target.db)).toEqual(expected);
      });
    });
  }
});
