import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { up } from '../../db/migrations/2026-12-06T5000-audit-without-free-text.js';
import { createTestOrganisation } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { auditValues } from '../../core/audit-values.js';

const written = [
  {
    before: { status: 'new', status_note: null },
    after: { status: 'in_progress', status_note: 'Ring Anna på 070-123 45 67', at: '2026-11-20T21:15:00.000Z' },
  },
  {
    before: null,
    after: {
      label_sv: 'Klotter',
      request_ref: 'KS 2026/17',
      items: [{ title: 'Ny belysning', id: '0b7a6c1e-3f55-4f3c-9a57-1f6f4c1d2e3a' }],
      week: '2026-W47',
      n: 3,
    },
  },
  {
    before: { description: 'Tag på muren' },
    after: { description: '[changed]', ok: true, error_code: 'IMPORT_HAS_ERRORS', name: 'ANNA' },
  },
];

describeEachEngine('audit rows written before free text was kept out of the log', (getDb) => {
  it('are rewritten by the migration exactly as auditValues writes new ones, and the log stays append-only', async () => {
    const { db } = getDb();
    const { organisation } = await createTestOrganisation(db);
    // As rows were written before the change: straight into the table.
    for (const row of written) {
      await db
        .insertInto('audit_events')
        .values({
          organisation_id: organisation.id,
          actor: 'test',
          action: 'update',
          entity_type: 'history',
          entity_id: null,
          remote_address: null,
          ...row,
        })
        .execute();
    }
    await db.transaction().execute((trx) => up(trx as never));
    const rows = await db
      .selectFrom('audit_events')
      .select(['before', 'after'])
      .where('entity_type', '=', 'history')
      .orderBy('id')
      .execute();
    expect(rows).toEqual(written.map((row) => ({ before: auditValues(row.before), after: auditValues(row.after) })));
    expect(JSON.stringify(rows)).not.toMatch(/Anna|muren|belysning/);
    await expect(sql`UPDATE audit_events SET actor = 'x' WHERE entity_type = 'history'`.execute(db)).rejects.toThrow();
  });
});
