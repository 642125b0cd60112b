/**
 * Whether other requests are served while an import runs, on PGlite (one session, one thread).
 *   npx tsx bench/import-responsiveness.ts [--rows 200000] [--csv FILE] [--stored 0]
 * Seeds Stockholm into a PGlite data directory (plus --stored generated incidents, so re-import checks have
 * something to compare with), starts the server on a loopback port, posts a generated N-row CSV as a dry run
 * (`POST /api/imports?wait=true`) and, while it runs, asks `GET /api/categories` (a cheap route that reads the
 * database) every 50 ms. Prints the import's duration and the probes' p50 / p95 / max latency, and the same
 * probes without an import for comparison. --csv keeps the generated file and reuses it.
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { getAreaIndex } from '../src/features/org/area-index.service.js';
import { seedStockholm } from '../src/features/seed/seed.service.js';
import { buildApp } from '../src/server/app.js';
import { signedInAs } from '../tests/factories/users.factory.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ROWS = Number(arg('rows', '200000'));
const STORED = Number(arg('stored', '0'));
const KEPT_CSV = arg('csv', '');
const PROBE_EVERY_MS = 50;
const CATEGORIES = [
  'Skadegörelse',
  'Klotter',
  'Nedskräpning',
  'Trasig belysning',
  'Otrygg plats',
  'Ordningsstörning',
  'Stöld/inbrott',
  'Brand',
];

/** A small deterministic generator, so every run posts the same file. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** N rows of a Swedish CSV (';', decimal comma, local times) with points inside Stockholm's neighbourhoods. */
async function generateCsv(path: string, rows: number, index: Awaited<ReturnType<typeof getAreaIndex>>): Promise<void> {
  const random = rng(20_261_206);
  const out = createWriteStream(path);
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = Date.UTC(2025, 10, 1);
  let buffer = 'ärende;datum;kategori;lat;lon;beskrivning\r\n';
  for (let i = 0; i < rows; i++) {
    let lon = 0,
      lat = 0;
    do {
      lon = 17.76 + random() * 0.4;
      lat = 59.22 + random() * 0.2;
    } while (index.containing(lon, lat, '2026-06-01').length === 0);
    const t = new Date(start + Math.floor(random() * 365 * 24 * 60) * 60_000);
    const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
    buffer += `RB-${1_000_000 + i};${date};${CATEGORIES[Math.floor(random() * CATEGORIES.length)]};${lat.toFixed(6).replace('.', ',')};${lon.toFixed(6).replace('.', ',')};Klotter vid entrén\r\n`;
    if (buffer.length > 1 << 20) {
      out.write(buffer);
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

function summary(latencies: number[]): string {
  const s = [...latencies].sort((a, b) => a - b);
  return `${s.length} probes: p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, max ${s[s.length - 1]?.toFixed(1)} ms`;
}

/** Asks `url` every PROBE_EVERY_MS (each probe waits for the one before, as a polling browser would) until stopped. */
function probe(url: string) {
  const latencies: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`probe answered ${res.status}`);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  })();
  return {
    latencies,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'trygg-responsiveness-'));
const handle = await connect({ dataDir: join(dir, 'pgdata') });
try {
  await migrateToLatest(handle.db);
  const { organisation } = await seedStockholm(handle.db, { demoIncidents: STORED, police: false });
  const csv = KEPT_CSV || join(dir, 'import.csv');
  if (!KEPT_CSV || !existsSync(KEPT_CSV)) await generateCsv(csv, ROWS, await getAreaIndex(handle.db, organisation.id));
  const file = readFileSync(csv);

  const app = await buildApp({
    db: handle.db,
    engine: handle.engine,
    config: { bodyLimit: 1_048_576, defaultOrganisation: 'stockholm' },
    webRoot: null,
  });
  const unit = await handle.db
    .selectFrom('units')
    .select('id')
    .where('organisation_id', '=', organisation.id)
    .limit(1)
    .executeTakeFirstOrThrow();
  const { headers } = await signedInAs(app, handle.db, organisation.id, unit.id, 'coordinator');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const idle = probe(`${base}/api/categories`);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await idle.stop();

  const form = new FormData();
  form.append('file', new Blob([file]), 'import.csv');
  const busy = probe(`${base}/api/categories`);
  const started = performance.now();
  const res = await fetch(`${base}/api/imports?dry_run=true&wait=true`, { method: 'POST', headers, body: form });
  const seconds = (performance.now() - started) / 1000;
  await busy.stop();
  const report = (await res.json()) as { status: string; rows: { read: number; ok: number } };
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(report)}`);

  console.log(
    `PGlite, ${ROWS.toLocaleString('en')} rows (${(file.length / 1e6).toFixed(1)} MB), ${STORED.toLocaleString('en')} stored incidents`,
  );
  console.log(`dry run: ${seconds.toFixed(1)} s, ${report.status}, ${report.rows.read} read, ${report.rows.ok} ok`);
  console.log(`GET /api/categories during the import: ${summary(busy.latencies)}`);
  console.log(`GET /api/categories without an import: ${summary(idle.latencies)}`);
  await app.close();
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
