import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createTestOrganisation, type TestOrganisation } from '../../../tests/factories/org.factory.js';
import { signedInAs } from '../../../tests/factories/users.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';

const report = { category: 'trasig_belysning', lon: 18.021, lat: 59.271 };
let address = 0;
const nextAddress = () => `10.1.0.${++address}`;

describeEachEngine('feedback to reporters: forwarding, outbox on status change, reopening by receipt', (getDb) => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let staff: Record<string, string>;
  let traffic = '';

  const file = async (extra: object) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: nextAddress(),
      payload: { ...report, place_id: org.placeId, ...extra },
    });
    expect(res.statusCode).toBe(201);
    const receipt = res.json().receipt_code as string;
    const { id } = await getDb()
      .db.selectFrom('incidents')
      .select('id')
      .where('receipt_code', '=', receipt)
      .executeTakeFirstOrThrow();
    return { receipt, id };
  };
  const setStatus = (id: string, payload: object) =>
    app.inject({ method: 'PATCH', url: `/api/incidents/${id}/status`, headers: staff, payload });
  const reopen = (receipt: string, payload: object = { reason: 'Lampan är fortfarande trasig.' }) =>
    app.inject({ method: 'POST', url: `/api/public/reports/${receipt}/reopen`, remoteAddress: nextAddress(), payload });
  const outbox = (incidentId: string) =>
    getDb()
      .db.selectFrom('outbox_messages')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('kind', '=', 'status_change')
      .orderBy('created_at')
      .execute();
  /** The reporter opens the link of the confirmation message; status mail goes only to a confirmed address. */
  const confirm = async (incidentId: string) => {
    const { body } = await getDb()
      .db.selectFrom('outbox_messages')
      .select('body')
      .where('incident_id', '=', incidentId)
      .where('kind', '=', 'contact_confirmation')
      .executeTakeFirstOrThrow();
    const token = /\/report\/confirm#([\w-]+)/.exec(body)![1];
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/public/contacts/confirm',
          remoteAddress: nextAddress(),
          payload: { token },
        })
      ).statusCode,
    ).toBe(204);
  };

  beforeAll(async () => {
    const db = getDb().db;
    org = await createTestOrganisation(db, 'aterkoppling');
    app = await buildApp({
      db,
      engine: getDb().engine,
      config: { bodyLimit: 65_536, defaultOrganisation: 'aterkoppling' },
      webRoot: null,
    });
    traffic = (
      await db
        .insertInto('units')
        .values({
          organisation_id: org.organisation.id,
          slug: 'trafik',
          name: 'Trafiknämnden',
          name_en: null,
          kind: 'specialist',
          valid_from: null,
          valid_to: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    staff = (
      await signedInAs(app, db, org.organisation.id, org.unitId, 'unit_editor', {
        'x-trygg-organisation': 'aterkoppling',
      })
    ).headers;
  }, 120_000);
  afterAll(async () => app.close());

  it("requires a unit of the organisation when closing as 'not_ours', and only then", async () => {
    const { id } = await file({});
    const missing = await setStatus(id, { status: 'closed', closure_reason: 'not_ours' });
    expect([missing.statusCode, missing.json().error.details[0].path]).toEqual([400, 'forwarded_to_unit_id']);
    expect(
      (await setStatus(id, { status: 'closed', closure_reason: 'fixed', forwarded_to_unit_id: traffic })).statusCode,
    ).toBe(400);
    const unknown = await setStatus(id, {
      status: 'closed',
      closure_reason: 'not_ours',
      forwarded_to_unit_id: '00000000-0000-4000-8000-000000000000',
    });
    expect([unknown.statusCode, unknown.json().error.details[0].code]).toEqual([400, 'unknown_unit']);
    const ok = await setStatus(id, { status: 'closed', closure_reason: 'not_ours', forwarded_to_unit_id: traffic });
    expect(ok.json()).toMatchObject({ status: 'closed', closure_reason: 'not_ours', forwarded_to_unit_id: traffic });
  });

  it('writes an outbox message on a status change only for a reporter who asked, without staff notes', async () => {
    const silent = await file({ email: 'tyst@example.se' });
    const asked = await file({ email: 'boende@example.se', notify: true });
    await confirm(asked.id);
    for (const { id } of [silent, asked]) {
      expect(
        (
          await setStatus(id, {
            status: 'closed',
            closure_reason: 'not_ours',
            forwarded_to_unit_id: traffic,
            note: 'Ring Kalle på 070-123 45 67',
          })
        ).statusCode,
      ).toBe(200);
    }
    expect(await outbox(silent.id)).toEqual([]);
    const [message, ...rest] = await outbox(asked.id);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({
      recipient: 'boende@example.se',
      kind: 'status_change',
      sent_at: null,
      subject: `Din anmälan ${asked.receipt}: avslutad – inte stadens ansvar, skickad vidare till Trafiknämnden`,
    });
    expect(message!.body).toContain('Trasig belysning, Södra biblioteket');
    expect(message!.body).not.toMatch(/Kalle|070|\[telefon\]/);
    // A note alone is no news: no second message.
    expect(
      (
        await setStatus(asked.id, {
          status: 'closed',
          closure_reason: 'not_ours',
          forwarded_to_unit_id: traffic,
          note: 'mer',
        })
      ).statusCode,
    ).toBe(200);
    expect(await outbox(asked.id)).toHaveLength(1);
  });

  it('lets the reporter reopen only a closed report, only with its receipt, and audits it', async () => {
    const { receipt, id } = await file({ email: 'boende@example.se', notify: true });
    await confirm(id);
    const early = await reopen(receipt);
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await reopen('TR-AAAA-AAAA')).statusCode).toBe(404);
    expect((await reopen(receipt, {})).statusCode).toBe(400);
    await setStatus(id, { status: 'closed', closure_reason: 'fixed' });
    const res = await reopen(receipt, { reason: 'Fortfarande trasig, ring 070-765 43 21' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ receipt_code: receipt, status: 'new', closure_reason: null });
    const stored = await getDb()
      .db.selectFrom('incidents')
      .select(['status_note', 'closed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      status_note: 'Återöppnad av den som rapporterade: Fortfarande trasig, ring [telefon]',
      closed_at: null,
    });
    expect((await reopen(receipt)).statusCode).toBe(409);
    expect((await outbox(id)).map((m) => m.subject)).toEqual([
      `Din anmälan ${receipt}: avslutad – åtgärdad`,
      `Din anmälan ${receipt}: mottagen`,
    ]);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['actor', 'after'])
      .where('entity_id', '=', id)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    expect(audit.at(-1)).toMatchObject({ actor: 'anonymous', after: { status: 'new' } });
  });
});
