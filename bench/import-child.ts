/**
 * Child process of bench/import.ts: imports one file into the database named by the environment (as the
 * CLI does) and prints the report's figures and this process's peak RSS as one JSON line.
 * Usage: TRYGG_DATA_DIR=… | DATABASE_URL=…  npx tsx bench/import-child.ts FILE
 */
import pino from 'pino';
import { connect } from '../src/db/connect.js';
import { SYSTEM } from '../src/domain/auth.js';
import { runImport } from '../src/features/imports/imports.service.js';

const file = process.argv[2];
if (!file) throw new Error('usage: import-child.ts FILE');
const handle = await connect({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.TRYGG_DATA_DIR });
const org = await handle.db.selectFrom('organisations').select(['id', 'slug']).where('slug', '=', 'stockholm').executeTakeFirstOrThrow();
const started = performance.now();
const report = await runImport(
  { db: handle.db, organisation: org, principal: SYSTEM, actor: 'bench', log: pino({ level: 'silent' }) },
  { filePath: file, fileName: 'bench.csv', dryRun: process.env.BENCH_DRY_RUN === '1', skipInvalid: process.env.BENCH_SKIP_INVALID === '1' },
);
const seconds = (performance.now() - started) / 1000;
await handle.close();
console.log(JSON.stringify({
  seconds, rows: report.rows, skipped: report.skipped, errors_total: report.errors_total, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
