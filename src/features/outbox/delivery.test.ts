import type { AddressInfo } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestOrganisation } from '../../../tests/factories/org.factory.js';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import { leaseDueMessages } from './delivery.repo.js';
import { deliverDueMessages, retryDelayMs } from './delivery.service.js';
import { insertOutboxMessages } from './outbox.repo.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** The text of a quoted-printable body (RFC 2045 §6.7), as nodemailer writes Swedish text. */
function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** A real SMTP server on loopback that refuses any recipient at bounce.example. */
async function startSmtp(received: Received[]) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@bounce.example'))
        callback(Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

describeEachEngine('outbox delivery over SMTP', (getDb) => {
  const received: Received[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let transport: Transporter;
  let organisationId = '';
  const from = 'Trygg <no-reply@stockholm.example>';
  const t0 = new Date('2026-11-25T12:00:00Z');
  const at = (minutes: number) => () => new Date(t0.getTime() + minutes * 60_000);

  const queue = (recipients: string[]) =>
    insertOutboxMessages(
      getDb().db,
      recipients.map((recipient, i) => ({
        organisation_id: organisationId,
        recipient,
        kind: 'status_change' as const,
        incident_id: null,
        subject: `Din anmälan TR-${i}: åtgärdad`,
        body: `Hej!\nÄrende ${i} är åtgärdat.`,
      })),
    );
  const messages = () => getDb().db.selectFrom('outbox_messages').selectAll().orderBy('recipient').execute();

  beforeAll(async () => {
    organisationId = (await createTestOrganisation(getDb().db, 'utskick')).organisation.id;
    smtp = await startSmtp(received);
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  }, 60_000);
  afterAll(async () => {
    transport.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });
  beforeEach(async () => {
    received.length = 0;
    await getDb().db.deleteFrom('outbox_messages').execute();
  });

  it('sends each due message once, marks it sent and audits it', async () => {
    await queue(['anna@example.se', 'bo@example.se']);
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(0) })).toEqual({
      sent: 2,
      retrying: 0,
      gaveUp: 0,
    });
    received.sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
    expect(received.map((r) => [r.from, r.to])).toEqual([
      ['no-reply@stockholm.example', ['anna@example.se']],
      ['no-reply@stockholm.example', ['bo@example.se']],
    ]);
    const mail = received[0]!.data;
    expect(mail).toMatch(/^Auto-Submitted: auto-generated/m);
    expect(mail).toMatch(/^Content-Transfer-Encoding: quoted-printable/m);
    expect(decodeQuotedPrintable(mail.split('\r\n\r\n').slice(1).join('\r\n\r\n'))).toBe(
      'Hej!\r\nÄrende 0 är åtgärdat.\r\n',
    );
    expect((await messages()).map((m) => [m.sent_at?.toISOString(), m.attempts, m.next_attempt_at])).toEqual([
      [t0.toISOString(), 1, null],
      [t0.toISOString(), 1, null],
    ]);
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(60) })).toEqual({
      sent: 0,
      retrying: 0,
      gaveUp: 0,
    });
    expect(received).toHaveLength(2);
    const audit = await getDb()
      .db.selectFrom('audit_events')
      .select(['actor', 'after'])
      .where('entity_type', '=', 'outbox_message')
      .where('organisation_id', '=', organisationId)
      .execute();
    expect(audit.filter((a) => a.actor === 'mailer' && (a.after as { sent?: boolean }).sent === true)).toHaveLength(2);
  });

  it('retries a refused message with backoff, then gives up, keeping the reason without the address', async () => {
    await queue(['nobody@bounce.example', 'ok@example.se']);
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(0), maxAttempts: 3 })).toEqual({
      sent: 1,
      retrying: 1,
      gaveUp: 0,
    });
    const [bounced] = await messages();
    expect(bounced).toMatchObject({ recipient: 'nobody@bounce.example', attempts: 1, sent_at: null, failed_at: null });
    expect(bounced!.last_error).toContain('550');
    expect(bounced!.last_error).not.toContain('nobody@bounce.example');
    expect(bounced!.next_attempt_at?.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    // Not due before its backoff has passed.
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(0.5), maxAttempts: 3 })).toEqual({
      sent: 0,
      retrying: 0,
      gaveUp: 0,
    });
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(1), maxAttempts: 3 })).toEqual({
      sent: 0,
      retrying: 1,
      gaveUp: 0,
    });
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(1 + 4), maxAttempts: 3 })).toEqual({
      sent: 0,
      retrying: 0,
      gaveUp: 1,
    });
    const [given] = await messages();
    expect(given).toMatchObject({ attempts: 3, sent_at: null, next_attempt_at: null });
    expect(given!.failed_at?.getTime()).toBe(at(5)().getTime());
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(24 * 60), maxAttempts: 3 })).toEqual({
      sent: 0,
      retrying: 0,
      gaveUp: 0,
    });
    expect(received.map((r) => r.to[0])).toEqual(['ok@example.se']);
  });

  it('does not send a message another mailer has leased until the lease runs out', async () => {
    await queue(['cecilia@example.se']);
    // Another process leased it and died before sending.
    expect(await leaseDueMessages(getDb().db, t0, at(5)(), 10)).toHaveLength(1);
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(1) })).toEqual({
      sent: 0,
      retrying: 0,
      gaveUp: 0,
    });
    expect(await deliverDueMessages(getDb().db, transport, { from, now: at(5) })).toEqual({
      sent: 1,
      retrying: 0,
      gaveUp: 0,
    });
    expect((await messages())[0]).toMatchObject({ attempts: 2 });
  });

  it('sends every message exactly once when two mailers run at the same time', async () => {
    await queue(Array.from({ length: 12 }, (_, i) => `person${String(i).padStart(2, '0')}@example.se`));
    const runs = await Promise.all(
      [1, 2].map(() => deliverDueMessages(getDb().db, transport, { from, now: at(0), batchSize: 4 })),
    );
    const again = await Promise.all(
      [1, 2].map(() => deliverDueMessages(getDb().db, transport, { from, now: at(0), batchSize: 4 })),
    );
    const rest = await deliverDueMessages(getDb().db, transport, { from, now: at(0), batchSize: 12 });
    expect([...runs, ...again, rest].reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(received.map((r) => r.to[0]).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `person${String(i).padStart(2, '0')}@example.se`),
    );
  });
});
