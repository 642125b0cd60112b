import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { startServeProcess } from '../../setup/serve-process.js';

const cli = new URL('../../../dist/server/cli/main.js', import.meta.url).pathname;

/** As `npm start` runs it, from the build. */
const startServer = (dataDir: string, smtpPort: number) =>
  startServeProcess({
    command: ['node', cli],
    args: ['--seed-if-empty'],
    timeoutMs: 150_000,
    env: {
      TRYGG_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Trygg <no-reply@stockholm.example>',
      TRYGG_MAIL_INTERVAL_SECONDS: '1',
    },
  });

/** A mail server on loopback that keeps what it receives. */
async function startSmtp(received: Array<{ to: string; data: string }>): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

describe('first start (what `npm start` runs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trygg-start-'));
  const mails: Array<{ to: string; data: string }> = [];
  /** The first mail that matches, waiting for the server's mailer (every second here, every 30 s by default). */
  const waitForMail = async (match: (m: { to: string; data: string }) => boolean) => {
    const deadline = Date.now() + 20_000;
    while (!mails.some(match) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const mail = mails.find(match);
    if (!mail) throw new Error('no such mail arrived');
    return mail;
  };
  let smtp: { server: SMTPServer; port: number } | undefined;
  let started: Awaited<ReturnType<typeof startServer>>;
  let cookie = '';
  afterAll(async () => {
    started?.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
  });

  it('migrates, loads the demo once, prints one-time passwords for the demo accounts, and serves the app', async () => {
    smtp = await startSmtp(mails);
    started = await startServer(dataDir, smtp.port);
    expect(started.output()).toMatch(/admin\s+admin@stockholm\.example\s+[a-z2-9]{5}(-[a-z2-9]{5}){3}/);
    expect(started.output()).toMatch(/coordinator\s+samordnare\.eav@stockholm\.example/);

    const health = await fetch(`${started.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', engine: 'pglite' });
    const page = await fetch(`${started.url}/districts/anything`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<div id="root">');
    const districts = await (await fetch(`${started.url}/api/areas?level=district`)).json();
    expect(districts).toHaveLength(11);

    const password = started.output().match(/admin@stockholm\.example\s+(\S+)/)![1]!;
    const login = await fetch(`${started.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@stockholm.example', password }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrf_token: csrf, must_change_password: mustChange } = (await login.json()) as {
      csrf_token: string;
      must_change_password?: boolean;
    };
    expect(mustChange).toBe(true);
    // A one-time password opens nothing but the change of password.
    const refused = await fetch(`${started.url}/api/incidents?limit=1`, { headers: { cookie } });
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([
      403,
      'PASSWORD_CHANGE_REQUIRED',
    ]);
    const changed = await fetch(`${started.url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ current_password: password, new_password: 'ett eget långt lösenord för demo' }),
    });
    expect(changed.status).toBeLessThan(300);
    const demo = await (
      await fetch(`${started.url}/api/incidents?source=demo&limit=1`, { headers: { cookie } })
    ).json();
    expect(demo.items[0].generated).toBe(true);
  }, 180_000);

  it('e-mails a reporter who asked for updates when staff close the report', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const report = await fetch(`${started.url}/api/public/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'klotter',
        lon: 18.043,
        lat: 59.2637,
        email: 'boende@example.se',
        notify: true,
      }),
    });
    expect(report.status, await report.clone().text()).toBe(201);
    const { receipt_code: receipt } = (await report.json()) as { receipt_code: string };
    // The address gets status mail only once confirmed through the link of the first message.
    // Quoted-printable bodies break long lines with a trailing '='.
    const unwrapped = (m: { data: string }) => m.data.replace(/=\r\n/g, '');
    const confirmation = await waitForMail(
      (m) => m.to === 'boende@example.se' && unwrapped(m).includes('/report/confirm#'),
    );
    const token = /\/report\/confirm#([\w-]+)/.exec(unwrapped(confirmation))![1];
    const confirmed = await fetch(`${started.url}/api/public/contacts/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(confirmed.status).toBe(204);
    const me = (await (await fetch(`${started.url}/api/auth/me`, { headers: { cookie } })).json()) as {
      csrf_token: string;
    };
    const found = (await (
      await fetch(`${started.url}/api/incidents?source=resident&from=${since}&limit=5`, { headers: { cookie } })
    ).json()) as { items: Array<{ id: string }> };
    expect(found.items).toHaveLength(1);
    const closed = await fetch(`${started.url}/api/incidents/${found.items[0]!.id}/status`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
      body: JSON.stringify({ status: 'closed', closure_reason: 'fixed' }),
    });
    expect(closed.status).toBe(200);
    const mail = await waitForMail((m) => m.to === 'boende@example.se' && m.data.includes(receipt));
    expect(mail.data).toContain(receipt);
    expect(mail?.data).toMatch(/^From: Trygg <no-reply@stockholm\.example>/m);
  }, 60_000);
});
