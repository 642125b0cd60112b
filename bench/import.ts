/**
 * Import throughput on PGlite and PostgreSQL.
 *   npx tsx bench/import.ts [--rows 1000000] [--engines pglite,postgres] [--csv FILE]
 * --csv keeps the generated file at FILE and reuses it on later runs with the same --rows (generating 1M rows takes a while).
 * Generates N realistic incident rows as a Swedish CSV (';', decimal comma, local times, real category
 * names, points inside Stockholm's neighbourhoods), then per engine measures
 *   (a) raw COPY of the file into a bare table with the file's columns — the engine's limit, and
 *   (b) the full import (parse → validate → locate → H3 → dedupe → insert, one transaction) by the compiled
 *       CLI, `bin/trygg import incidents FILE`, in its own process, whose peak RSS (VmHWM) is the memory figure.
 * Prints rows/s for both, the ratio b/a (target ≥ 0.5) and peak RSS (target < 300 MB).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { getAreaIndex } from '../src/features/org/area-index.service.js';
import { seedStockholm } from '../src/features/seed/seed.service.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ROWS = Number(arg('rows', '1000000'));
const ENGINES = arg('engines', 'pglite,postgres').split(',');
const KEPT_CSV = arg('csv', '');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BENCH_DB = 'trygg_import_bench';

const CATEGORIES = [
  'Skadegörelse',
  'Klotter',
  'Nedskräpning',
  'Trasig belysning',
  'Otrygg plats',
  'Ordningsstörning',
  'Narkotika',
  'Våld',
  'Hot',
  'Stöld/inbrott',
  'Brand',
  'Trafikfara',
];
const TEXTS = [
  'Klotter på fasaden vid entrén',
  'Krossad ruta i busskuren',
  'Trasig gatlykta längs gångvägen',
  'Nedskräpning vid återvinningsstationen',
  'Grupp ungdomar, stökigt vid tunnelbaneuppgången',
  'Brand i papperskorg, släckt av personal',
  'Ring 070-123 45 67 för mer information',
  'Cykel stulen från cykelstället',
  'Mörkt och otryggt i parken kvällstid',
  '',
];

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** A small deterministic generator, so every run benchmarks the same file. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

async function generateCsv(path: string, rows: number): Promise<void> {
  // Points are drawn inside the neighbourhoods exactly as the seed stores them.
  const seeded = await connect({ dataDir: 'memory://' });
  await migrateToLatest(seeded.db);
  const { organisation } = await seedStockholm(seeded.db, { demoIncidents: 0, police: false });
  const index = await getAreaIndex(seeded.db, organisation.id);
  const bounds = await seeded.db
    .selectFrom('areas')
    .where('level', '=', 'neighbourhood')
    .select((eb) => [
      eb.fn.min('min_lon').as('minLon'),
      eb.fn.min('min_lat').as('minLat'),
      eb.fn.max('max_lon').as('maxLon'),
      eb.fn.max('max_lat').as('maxLat'),
    ])
    .executeTakeFirstOrThrow();
  await seeded.close();
  const [minLon, minLat, maxLon, maxLat] = [bounds.minLon, bounds.minLat, bounds.maxLon, bounds.maxLat].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const random = rng(20_261_125);
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('ärende;datum;kategori;lat;lon;beskrivning\r\n');
  const yearStart = Date.UTC(2025, 10, 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    let lon = 0,
      lat = 0;
    do {
      lon = round6(minLon + random() * (maxLon - minLon));
      lat = round6(minLat + random() * (maxLat - minLat));
    } while (index.containing(lon, lat, '2026-06-01').length === 0);
    // Swedish local wall-clock text; the UTC fields of this Date are used as the local time on purpose.
    const t = new Date(yearStart + Math.floor(random() * 365 * 24 * 60) * 60_000);
    const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
    const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)]!;
    const text = TEXTS[Math.floor(random() * TEXTS.length)]!;
    buffer += `TK-${1_000_000 + i};${date};${category};${lat.toFixed(6).replace('.', ',')};${lon.toFixed(6).replace('.', ',')};${text}\r\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve) => out.end(resolve));
}

const BARE = 'CREATE TABLE bench_bare (arende text, datum text, kategori text, lat text, lon text, beskrivning text)';

async function rawCopyPglite(dir: string, file: string): Promise<number> {
  const db = await PGlite.create(dir);
  await db.exec(`DROP TABLE IF EXISTS bench_bare; ${BARE}`);
  const started = performance.now();
  await db.query(`COPY bench_bare FROM '/dev/blob' WITH (FORMAT csv, DELIMITER ';', HEADER true)`, [], {
    blob: new Blob([readFileSync(file)]),
  });
  const seconds = (performance.now() - started) / 1000;
  await db.exec('DROP TABLE bench_bare');
  await db.close();
  return seconds;
}

async function rawCopyPostgres(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS bench_bare; ${BARE}`);
  const started = performance.now();
  await pipeline(
    createReadStream(file),
    client.query(copyFrom(`COPY bench_bare FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true)`)),
  );
  const seconds = (performance.now() - started) / 1000;
  await client.query('DROP TABLE bench_bare');
  await client.end();
  return seconds;
}

async function seed(options: { databaseUrl?: string; dataDir?: string }): Promise<void> {
  const handle = await connect(options);
  await migrateToLatest(handle.db);
  await seedStockholm(handle.db, { demoIncidents: 0, police: false });
  await handle.close();
}

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  rows: Record<string, number>;
  errors_total: number;
  rssMbOverTime: Array<[number, number]>;
}

/** The `trygg` command as installed: a launcher that execs Node with the import's settings (same pid). */
const CLI = 'bin/trygg';
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** Peak and current RSS (MB) and CPU seconds of a running process, from /proc. */
function sample(pid: number): { peakMb: number; rssMb: number; cpuSeconds: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    // utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so count after its ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return {
      peakMb: Math.round(kb('VmHWM') / 1024),
      rssMb: Math.round(kb('VmRSS') / 1024),
      cpuSeconds: (Number(stat[11]) + Number(stat[12])) / CLOCK_TICKS,
    };
  } catch {
    return null;
  }
}

/**
 * Runs `trygg import incidents FILE --json` exactly as a user does (the compiled CLI, not tsx, whose own
 * compiler would add ≈ 60 MB), watching its memory and CPU time in /proc every quarter second.
 */
function importWithCli(env: Record<string, string>, file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(CLI, ['import', 'incidents', file, '--org', 'stockholm', '--json'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    let last = { peakMb: 0, rssMb: 0, cpuSeconds: 0 };
    const rssMbOverTime: Array<[number, number]> = [];
    let ticks = 0;
    const watcher = setInterval(() => {
      const now = sample(child.pid!);
      if (!now) return;
      last = now;
      if (++ticks % 8 === 0) rssMbOverTime.push([Math.round((performance.now() - started) / 1000), now.rssMb]);
    }, 250);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(watcher);
      if (code !== 0) return reject(new Error(`trygg import exited with ${code}`));
      const report = JSON.parse(stdout) as { rows: Record<string, number>; errors_total: number };
      resolve({
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: last.cpuSeconds,
        maxRssMb: last.peakMb,
        rows: report.rows,
        errors_total: report.errors_total,
        rssMbOverTime,
      });
    });
  });
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const work = mkdtempSync(join(tmpdir(), 'trygg-import-bench-'));
const csv = KEPT_CSV || join(work, 'incidents.csv');
try {
  console.log('building the CLI (npm run build:server)');
  execFileSync('npm', ['run', '--silent', 'build:server'], { stdio: 'inherit' });
  const t0 = performance.now();
  if (!KEPT_CSV || !existsSync(csv)) await generateCsv(csv, ROWS);
  const size = Number(execFileSync('stat', ['-c', '%s', csv], { encoding: 'utf8' }));
  console.log(
    `${ROWS.toLocaleString('en')} rows (${(size / 1e6).toFixed(0)} MB) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  for (const engine of ENGINES) {
    let env: Record<string, string>;
    let copySeconds: number;
    if (engine === 'pglite') {
      const dir = join(work, 'pglite');
      await seed({ dataDir: dir });
      copySeconds = await rawCopyPglite(dir, csv);
      env = { TRYGG_DATA_DIR: dir, DATABASE_URL: '' };
    } else {
      await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB}`);
      await adminQuery(`CREATE DATABASE ${BENCH_DB}`);
      const url = ADMIN_URL.replace(/\/[^/]*$/, `/${BENCH_DB}`);
      await seed({ databaseUrl: url });
      copySeconds = await rawCopyPostgres(url, csv);
      env = { DATABASE_URL: url };
    }
    const result = await importWithCli(env, csv);
    const copyRate = ROWS / copySeconds;
    const importRate = ROWS / result.seconds;
    console.log(
      `\n${engine} (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
    console.log(
      `  (a) raw COPY into a bare table : ${Math.round(copyRate).toLocaleString('en')} rows/s (${copySeconds.toFixed(1)} s)`,
    );
    console.log(
      `  (b) full import                : ${Math.round(importRate).toLocaleString('en')} rows/s (${result.seconds.toFixed(1)} s; inserted ${result.rows.inserted}, errors ${result.errors_total}, skipped ${result.rows.skipped})`,
    );
    console.log(`  ratio b/a                      : ${(importRate / copyRate).toFixed(2)} (target ≥ 0.5)`);
    console.log(`  peak RSS of the import process : ${result.maxRssMb} MB (target < 300 MB)`);
    console.log(
      `  CPU time of the import process : ${result.cpuSeconds.toFixed(1)} s (with PGlite: the database's work too; with PostgreSQL: not the server's)`,
    );
    const every = Math.max(1, Math.ceil(result.rssMbOverTime.length / 15));
    console.log(
      `  RSS over time (s: MB)          : ${result.rssMbOverTime
        .filter((_, i) => i % every === 0)
        .map(([s, mb]) => `${s}: ${mb}`)
        .join(', ')}`,
    );
    if (engine === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
