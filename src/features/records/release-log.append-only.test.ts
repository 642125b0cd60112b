import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createTestOrganisation } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { insertRelease } from './records.repo.js';

describeEachEngine('the release log of records requests is append-only', (getDb) => {
  let releaseId = '';
  const rows = () => getDb().db.selectFrom('records_releases').select(['id', 'recipient']).execute();

  beforeAll(async () => {
    const db = getDb().db;
    const org = await createTestOrganisation(db, 'loggen');
    releaseId = (
      await insertRelease(db, {
        organisation_id: org.organisation.id,
        request_ref: 'KS 2026/99',
        recipient: 'Tidningen',
        record_type: 'problem',
        record_ids: [],
        masked: [],
        format: 'json',
        released_by: 'registrator@example.se',
      })
    ).id;
  });

  it('refuses UPDATE, DELETE and TRUNCATE, and the row stays as written', async () => {
    const db = getDb().db;
    await expect(
      sql`UPDATE records_releases SET recipient = 'någon annan' WHERE id = ${releaseId}`.execute(db),
    ).rejects.toThrow(/records_releases is append-only/);
    await expect(sql`DELETE FROM records_releases WHERE id = ${releaseId}`.execute(db)).rejects.toThrow(
      /records_releases is append-only/,
    );
    await expect(sql`TRUNCATE records_releases`.execute(db)).rejects.toThrow(/records_releases is append-only/);
    // TRUNCATE … CASCADE from a referenced table reaches the log too, and is refused with it.
    await expect(sql`TRUNCATE organisations CASCADE`.execute(db)).rejects.toThrow(/append-only/);
    expect(await rows()).toEqual([{ id: releaseId, recipient: 'Tidningen' }]);
  });

  it('still takes new releases', async () => {
    const [first] = await rows();
    const org = await getDb()
      .db.selectFrom('organisations')
      .select('id')
      .where('slug', '=', 'loggen')
      .executeTakeFirstOrThrow();
    await insertRelease(getDb().db, {
      organisation_id: org.id,
      request_ref: 'KS 2026/100',
      recipient: 'Granne',
      record_type: 'incident',
      record_ids: [],
      masked: [],
      format: 'pdf',
      released_by: 'registrator@example.se',
    });
    expect((await rows()).map((r) => r.recipient).sort()).toEqual([first!.recipient, 'Granne'].sort());
  });
});
