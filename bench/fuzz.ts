/**
 * The API fuzz test at a larger scale than CI runs it: `npx tsx bench/fuzz.ts [runs-per-route]`
 * (default 10,000). Prints the test's outcome and the time taken.
 */
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 10_000);
const started = performance.now();
const result = spawnSync('npx', ['vitest', 'run', 'tests/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs) },
});
console.log(
  `fuzz: ${runs} requests per route, ${((performance.now() - started) / 1000).toFixed(0)} s, exit ${result.status}`,
);
process.exit(result.status ?? 1);
