/**
 * One server against two on the same PostgreSQL: `npx tsx bench/scale.ts [--seconds 20] [--connections 16]`
 * A database of its own (`bench_scale_<pid>`) on TEST_DATABASE_URL's server gets the Stockholm seed with
 * `--incidents` generated incidents (default 20,000) and the demo accounts; then `trygg serve` runs as one
 * process and as two (from the sources, as separate processes, each with its own pool). autocannon sends the
 * same mix to both set-ups, signed in as the district coordinator: 70 % situation reports (a random district
 * and one of the last eight weeks), 20 % incident lists, 10 % new incidents. Two servers are loaded
 * round-robin by the load generator itself: two autocannon runs at once, half the connections each, their
 * req/s added and the higher p99 reported. Also printed: the machine's CPU use during each run (all cores,
 * load generator and PostgreSQL included). The database is dropped afterwards.
 */
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import autocannon, { type Request } from 'autocannon';
import pg from 'pg';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { addWeeks, DEFAULT_TIME_ZONE, isoWeek } from '../src/domain/calendar/index.js';
import { startServeProcess, type ServeProcess } from '../tests/setup/serve-process.js';
import { seedDemo } from '../tests/setup/demo-seed.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const SECONDS = Number(arg('seconds', '20'));
const CONNECTIONS = Number(arg('connections', '16'));
const INCIDENTS = Number(arg('incidents', '20000'));
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const name = `bench_scale_${process.pid}`;
const adminUrl = new URL(PG_URL);
adminUrl.pathname = '/postgres';
const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const dbUrl = new URL(PG_URL);
dbUrl.pathname = `/${name}`;
const servers: ServeProcess[] = [];

try {
  const handle = await connect({ databaseUrl: dbUrl.toString() });
  await migrateToLatest(handle.db);
  const { accounts } = await seedDemo(handle.db, INCIDENTS);
  await handle.close();
  const coordinator = accounts.find((a) => a.email.startsWith('samordnare.eav'))!;

  const env = { DATABASE_URL: dbUrl.toString(), LOG_LEVEL: 'warn', SMTP_URL: '', REDIS_URL: '' };
  for (let i = 0; i < 2; i++) servers.push(await startServeProcess({ env }));
  const [a, b] = servers as [ServeProcess, ServeProcess];

  const login = await fetch(`${a.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: coordinator.email, password: coordinator.password }),
  });
  if (login.status !== 200) throw new Error(`sign-in: HTTP ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('trygg_session='))!
    .split(';')[0]!;
  const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const districts = (
    (await (await fetch(`${a.url}/api/areas?level=district&format=json`, { headers })).json()) as Array<{ id: string }>
  ).map((d) => d.id);
  const thisWeek = isoWeek(new Date(), DEFAULT_TIME_ZONE);
  const weeks = Array.from({ length: 8 }, (_, i) => addWeeks(thisWeek, -i));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

  const report: Request = {
    method: 'GET',
    headers,
    setupRequest: (req) => ({
      ...req,
      path: `/api/situation/report?area_id=${pick(districts)}&week=${pick(weeks)}`,
    }),
  };
  const list: Request = { method: 'GET', headers, path: '/api/incidents?limit=50&format=json' };
  const write: Request = {
    method: 'POST',
    headers,
    path: '/api/incidents',
    setupRequest: (req) => ({
      ...req,
      body: JSON.stringify({
        occurred_at: new Date().toISOString(),
        category: 'klotter',
        // Södermalm: inside the city, where every point has a district.
        lon: 18.04 + Math.random() * 0.04,
        lat: 59.31 + Math.random() * 0.02,
      }),
    }),
  };
  // Each connection goes through the ten requests in turn: 7 reports, 2 lists, 1 write.
  const mix = [report, report, list, report, report, write, report, report, list, report];

  const cpuTicks = () => {
    const [total, idle] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number)
      .reduce(([t, i], v, k) => [t + v, k === 3 || k === 4 ? i + v : i], [0, 0]);
    return { total: total!, idle: idle! };
  };

  const load = (url: string, connections: number, duration: number) =>
    autocannon({ url, connections, duration, requests: mix });

  async function measure(targets: ServeProcess[], duration: number) {
    const before = cpuTicks();
    const results = await Promise.all(targets.map((t) => load(t.url, CONNECTIONS / targets.length, duration)));
    const after = cpuTicks();
    const busy = 1 - (after.idle - before.idle) / (after.total - before.total);
    const failed = results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
    return {
      reqPerSec: results.reduce((n, r) => n + r.requests.average, 0),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      p50: Math.max(...results.map((r) => r.latency.p50)),
      failed,
      cpu: busy,
    };
  }

  // Warm-up: both servers compile their queries and fill their caches.
  await measure([a, b], 3);
  const one = await measure([a], SECONDS);
  const two = await measure([a, b], SECONDS);
  const row = (label: string, r: typeof one) =>
    `${label.padEnd(12)} ${r.reqPerSec.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(0).padStart(5)} ms   p99 ${r.p99.toFixed(0).padStart(5)} ms   failed ${r.failed}   CPU ${(r.cpu * 100).toFixed(0)} % of ${cpus().length} cores`;
  console.log(
    `mix 70 % situation reports, 20 % incident lists, 10 % incident writes; ${CONNECTIONS} connections, ${SECONDS} s each; PostgreSQL, ${INCIDENTS} generated incidents`,
  );
  console.log(row('one server', one));
  console.log(row('two servers', two));
  console.log(`ratio two / one: ${(two.reqPerSec / one.reqPerSec).toFixed(2)} (req/s)`);
  if (one.failed + two.failed > 0) process.exitCode = 1;
} finally {
  for (const s of servers) {
    s.child.kill('SIGTERM');
    await s.exited;
  }
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
