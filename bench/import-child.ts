/**
 * Child process of bench/import.ts: imports one file into the database named by the environment (as the
 * CLI does) and prints the report's figures, this process's CPU time, peak RSS and RSS every two seconds as one JSON line.
 * Usage: TRYGG_DATA_DIR=… | DATABASE_URL=…  npx tsx bench/import-child.ts FILE
 */
import pino from 'pino';
import { periodicGc } from '../src/cli/heap.js';
import { BATCH_PGLITE_SETTINGS, connect } from '../src/db/connect.js';
import { SYSTEM } from '../src/domain/auth.js';
import { runImport } from '../src/features/imports/imports.service.js';

const file = process.argv[2];
if (!file) throw new Error('usage: import-child.ts FILE');
// The settings `trygg import` opens PGlite with.
const handle = await connect({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.TRYGG_DATA_DIR, pgliteSettings: BATCH_PGLITE_SETTINGS });
const org = await handle.db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'stockholm').executeTakeFirstOrThrow();
const started = performance.now();
// RSS over time: one sample every two seconds, so growth during streaming shows, not only the peak.
const samples: Array<[number, number]> = [];
const sampler = setInterval(() => samples.push([Math.round((performance.now() - started) / 1000), Math.round(process.memoryUsage().rss / 1e6)]), 2000);
// As `trygg import` does.
const collect = periodicGc();
const report = await runImport(
  { db: handle.db, organisation: org, principal: SYSTEM, actor: 'bench', log: pino({ level: 'silent' }) },
  { filePath: file, fileName: 'bench.csv', dryRun: process.env.BENCH_DRY_RUN === '1', skipInvalid: process.env.BENCH_SKIP_INVALID === '1', onProgress: (p) => collect(p.rowsRead) },
);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const cpu = process.cpuUsage();
await handle.close();
console.log(JSON.stringify({
  seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows: report.rows, skipped: report.skipped, errors_total: report.errors_total,
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rssMbOverTime: samples,
}));
