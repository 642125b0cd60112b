import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = new URL('../../../dist/server/cli/main.js', import.meta.url).pathname;

/** Starts `trygg serve --seed-if-empty` as `npm start` does and collects what it prints until it listens. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; output: string; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [cli, 'serve', '--seed-if-empty', '--port', '0'], {
      env: { ...process.env, TRYGG_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running on (http:\/\/localhost:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, output, url: match[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

describe('first start (what `npm start` runs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trygg-start-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates, loads the demo once, prints one-time passwords for the demo accounts, and serves the app', async () => {
    const started = await startServer(dataDir);
    child = started.child;
    expect(started.output).toMatch(/admin\s+admin@stockholm\.example\s+[a-z2-9]{5}(-[a-z2-9]{5}){3}/);
    expect(started.output).toMatch(/coordinator\s+samordnare\.eav@stockholm\.example/);

    const health = await fetch(`${started.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', engine: 'pglite' });
    const page = await fetch(`${started.url}/districts/anything`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<div id="root">');
    const districts = await (await fetch(`${started.url}/api/areas?level=district`)).json();
    expect(districts).toHaveLength(11);

    const password = started.output.match(/admin@stockholm\.example\s+(\S+)/)![1]!;
    const login = await fetch(`${started.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@stockholm.example', password }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const demo = await (await fetch(`${started.url}/api/incidents?source=demo&limit=1`, { headers: { cookie } })).json();
    expect(demo.items[0].generated).toBe(true);
  }, 180_000);
});
