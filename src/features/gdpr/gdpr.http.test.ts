import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, testContext, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { monthsBefore, runRetention } from './gdpr.service.js';

const report = {
  category: 'klotter',
  lon: 18.02,
  lat: 59.27,
  description: 'Tag på muren',
  notify: true,
  email: 'Boende@Example.se',
};

describeEachEngine('GDPR: processing record, extract, erasure, retention; audit search and export', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let admin: Record<string, string>;

  beforeAll(async () => {
    org = await createTestOrganisation(getDb().db);
    app = await buildApp({
      db: getDb().db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'testkommun' },
      webRoot: null,
    });
    ({ headers: admin } = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'admin'));
  });
  afterAll(async () => app.close());

  it('publishes the record of processing with its retention rules', async () => {
    const res = await app.inject({ url: '/api/gdpr/processing-record' });
    expect(res.statusCode).toBe(200);
    expect(res.json().retention_rules.map((r: { target: string; months: number }) => [r.target, r.months])).toEqual([
      ['incident_free_text', 24],
      ['reporter_contact', 12],
      ['unconfirmed_reporter_contact', 1],
      ['session', 1],
      ['sign_in_throttle', 3],
      ['import_report', 12],
      ['outbox_message', 12],
      ['release_draft', 1],
    ]);
    expect(res.json().activities.length).toBeGreaterThanOrEqual(3);
  });

  it('extracts and erases what is kept about a reporter’s e-mail, and audits both without the address', async () => {
    const receipts = [];
    for (let i = 0; i < 2; i++)
      receipts.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/public/reports',
            remoteAddress: `10.1.0.${i}`,
            payload: report,
          })
        ).json().receipt_code,
      );
    // The reporter confirmed the address from the first mail; staff take the first report up, so a status
    // message waits in the outbox beside the two confirmation mails (no mail server here).
    await getDb()
      .db.updateTable('reporter_contacts')
      .set({ confirmed_at: new Date(), confirm_token_hash: null })
      .execute();
    const first = await getDb()
      .db.selectFrom('incidents')
      .select('id')
      .where('receipt_code', '=', receipts[0])
      .executeTakeFirstOrThrow();
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/incidents/${first.id}/status`,
      headers: admin,
      payload: { status: 'in_progress' },
    });
    expect(moved.statusCode).toBe(200);
    const extract = await app.inject({
      method: 'POST',
      url: '/api/gdpr/extract',
      headers: admin,
      payload: { email: 'boende@example.se' },
    });
    expect(extract.statusCode).toBe(200);
    expect(
      extract
        .json()
        .reports.map((r: { receipt_code: string }) => r.receipt_code)
        .sort(),
    ).toEqual(receipts.sort());
    expect(
      extract
        .json()
        .messages.map((m: { kind: string }) => m.kind)
        .sort(),
    ).toEqual(['contact_confirmation', 'contact_confirmation', 'status_change']);
    expect(extract.json().messages).toContainEqual(
      expect.objectContaining({ kind: 'status_change', incident_id: first.id, status: 'pending' }),
    );
    expect(extract.json().account).toBeNull();

    const erased = await app.inject({
      method: 'POST',
      url: '/api/gdpr/erase',
      headers: admin,
      payload: { email: 'BOENDE@example.se' },
    });
    expect(erased.json()).toEqual({ email: 'boende@example.se', contacts_erased: 2, messages_erased: 3 });
    const after = await app.inject({
      method: 'POST',
      url: '/api/gdpr/extract',
      headers: admin,
      payload: { email: 'boende@example.se' },
    });
    expect(after.json()).toMatchObject({ reports: [], messages: [] });
    const outbox = await getDb().db.selectFrom('outbox_messages').select('recipient').execute();
    expect(JSON.stringify(outbox)).not.toMatch(/boende/i);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('entity_type', 'in', ['reporter_contact', 'register_extract'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['erase', 'export', 'export']);
    expect(JSON.stringify(audit)).not.toMatch(/boende/i);
  });

  it('erases sent and failed messages to the address too, and keeps weekly digests to it', async () => {
    const db = getDb().db;
    const email = 'skickad@example.se';
    const receipt = (
      await app.inject({
        method: 'POST',
        url: '/api/public/reports',
        remoteAddress: '10.1.0.9',
        payload: { ...report, email },
      })
    ).json().receipt_code;
    const incident = await db
      .selectFrom('incidents')
      .select('id')
      .where('receipt_code', '=', receipt)
      .executeTakeFirstOrThrow();
    // The mailer sent the confirmation link; a status message to the address failed for good.
    await db.updateTable('outbox_messages').set({ sent_at: new Date() }).where('recipient', '=', email).execute();
    await db
      .insertInto('outbox_messages')
      .values([
        {
          organisation_id: org.organisation.id,
          recipient: email,
          kind: 'status_change',
          subject: 's',
          body: 'b',
          incident_id: incident.id,
          failed_at: new Date(),
        },
        {
          organisation_id: org.organisation.id,
          recipient: email,
          kind: 'weekly_digest',
          subject: 'v',
          body: 'b',
          incident_id: null,
          unit_id: org.unitId,
          week: '2026-W47',
          sent_at: new Date(),
        },
      ])
      .execute();
    const extract = async () =>
      (await app.inject({ method: 'POST', url: '/api/gdpr/extract', headers: admin, payload: { email } })).json();
    expect((await extract()).messages.map((m: { kind: string; status: string }) => [m.kind, m.status]).sort()).toEqual([
      ['contact_confirmation', 'sent'],
      ['status_change', 'failed'],
      ['weekly_digest', 'sent'],
    ]);

    const erased = await app.inject({ method: 'POST', url: '/api/gdpr/erase', headers: admin, payload: { email } });
    expect(erased.json()).toEqual({ email, contacts_erased: 1, messages_erased: 2 });
    expect((await extract()).messages.map((m: { kind: string }) => m.kind)).toEqual(['weekly_digest']);
    await db.deleteFrom('outbox_messages').where('recipient', '=', email).execute();
  });

  it('refuses these to anyone but an admin', async () => {
    const coordinator = await signedInAs(app, getDb().db, org.organisation.id, org.unitId, 'coordinator');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/gdpr/erase',
          headers: coordinator.headers,
          payload: { email: 'a@b.se' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await app.inject({ url: '/api/audit', headers: coordinator.headers })).statusCode).toBe(403);
  });

  it('clears free text older than 24 months and e-mails older than 12, keeping the incidents; dry run changes nothing', async () => {
    const db = getDb().db;
    const ctx = testContext(db, org.organisation);
    const now = new Date('2026-11-25T12:00:00Z');
    await app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: '10.1.1.1', payload: report });
    await db
      .updateTable('incidents')
      .set({ reported_at: monthsBefore(now, 25) })
      .where('description', '=', 'Tag på muren')
      .execute();
    // created_at is never updated by the app; the test ages the row directly.
    await sql`UPDATE reporter_contacts SET created_at = ${monthsBefore(now, 13)}, confirmed_at = ${monthsBefore(now, 13)}`.execute(
      db,
    );
    const aged = await db
      .selectFrom('incidents')
      .select(['id', 'version'])
      .where('description', '=', 'Tag på muren')
      .execute();
    const incidentsBefore = Number(
      (
        await db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

    const dry = await runRetention(ctx, { dryRun: true, now });
    expect(dry.results.find((r) => r.target === 'incident_free_text')!.affected).toBeGreaterThanOrEqual(1);
    expect(dry.results.find((r) => r.target === 'reporter_contact')!.affected).toBe(1);
    expect(
      await db.selectFrom('incidents').select('id').where('description', '=', 'Tag på muren').execute(),
    ).not.toHaveLength(0);

    const real = await runRetention(ctx, { dryRun: false, now });
    expect(real.results).toEqual(dry.results);
    expect(
      await db.selectFrom('incidents').select('id').where('description', '=', 'Tag på muren').execute(),
    ).toHaveLength(0);
    // Clearing the text is a change: an edit form opened before gets 409.
    const versions = await db
      .selectFrom('incidents')
      .select(['id', 'version'])
      .where(
        'id',
        'in',
        aged.map((i) => i.id),
      )
      .execute();
    expect(versions.map((i) => i.version).sort()).toEqual(aged.map((i) => i.version + 1).sort());
    expect(await db.selectFrom('reporter_contacts').select('id').execute()).toHaveLength(0);
    expect(
      Number(
        (
          await db
            .selectFrom('incidents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(incidentsBefore);
    const again = await runRetention(ctx, { dryRun: true, now });
    expect(again.results.every((r) => r.affected === 0)).toBe(true);
  });

  it('deletes addresses never confirmed after a month, and keeps confirmed ones', async () => {
    const db = getDb().db;
    const now = new Date('2026-11-25T12:00:00Z');
    for (const ip of ['10.1.2.1', '10.1.2.2'])
      await app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: ip, payload: report });
    await sql`UPDATE reporter_contacts SET created_at = ${monthsBefore(now, 2)}`.execute(db);
    const [kept] = await db.selectFrom('reporter_contacts').select('id').orderBy('id').limit(1).execute();
    await db
      .updateTable('reporter_contacts')
      .set({ confirmed_at: monthsBefore(now, 2), confirm_token_hash: null })
      .where('id', '=', kept!.id)
      .execute();
    const run = await runRetention(testContext(db, org.organisation), { dryRun: false, now });
    expect(run.results.filter((r) => r.target.endsWith('reporter_contact')).map((r) => [r.target, r.affected])).toEqual(
      [
        ['reporter_contact', 0],
        ['unconfirmed_reporter_contact', 1],
      ],
    );
    expect((await db.selectFrom('reporter_contacts').select('id').execute()).map((r) => r.id)).toEqual([kept!.id]);
    await db.deleteFrom('reporter_contacts').execute();
  });

  it('searches the audit log newest first with paging, and exports it as CSV for the DPO, itself audited', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: admin,
      payload: { code: 'formel', label_sv: '=HYPERLINK("http://x","y")', label_en: 'Formula', group_code: 'other' },
    });
    const first = await app.inject({ url: '/api/audit?limit=2', headers: admin });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
    const next = (
      await app.inject({ url: `/api/audit?limit=2&before_id=${page.next_before_id}`, headers: admin })
    ).json();
    expect(next.items[0].id).toBeLessThan(page.items[1].id);

    const created = (
      await app.inject({ url: '/api/audit?entity_type=incident_category&action=create', headers: admin })
    ).json();
    expect(created.items[0].changes.label_sv).toEqual({ before: null, after: '=HYPERLINK("http://x","y")' });

    const csv = await app.inject({ url: '/api/audit/export?format=csv&entity_type=incident_category', headers: admin });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain('id,occurred_at,actor,action,entity_type,entity_id,changes,remote_address');
    expect(csv.body.trim().split('\n')).toHaveLength(2);
    expect(csv.body).toContain('=HYPERLINK');
    const exported = (
      await app.inject({ url: '/api/audit?action=export&entity_type=audit_log', headers: admin })
    ).json();
    expect(exported.items).toHaveLength(1);
  });
});
