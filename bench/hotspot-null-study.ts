/**
 * Which hotspot p method holds on null data? Weeks without any hotspot from (a) complete spatial randomness,
 * (b) overdispersed negative-binomial counts and (c) a stable uneven background (the transit-stop pattern of
 * shared/data/poi, Poisson noise), on 397 res-9 cells around central Stockholm (a district's size), each test
 * week with its own 52 weeks of history from the same null. Per method: share of weeks with a false hot cell
 * (= the FDR, every discovery being false), mean false hot cells per week; then a planted spike in one cell
 * on (c) for power and FDR. FDR control: Benjamini–Hochberg over all cells at α = 0.10, as the report lists.
 *   npx tsx bench/hotspot-null-study.ts            (seed 20261206, 100 test weeks per row, about 1 min alone on 2 cores;
 *   WEEKS=200 for the figures in docs/situation.md)
 */
import {
  background,
  csr,
  diskGrid,
  METHOD_LABELS,
  METHODS,
  negbin,
  type NullModel,
  runStudy,
  transitWeights,
} from './hotspot-null-model.js';

const SEED = 20261206;
const WEEKS = Number(process.env.WEEKS ?? 100);
const ALPHA = 0.1;

const grid = diskGrid();
const { weights, label } = transitWeights(grid);
const models: NullModel[] = [
  csr(grid, 0.5),
  csr(grid, 2),
  negbin(grid, 0.5, 1),
  negbin(grid, 2, 1),
  background(grid, weights, 0.5, label),
  background(grid, weights, 2, label),
];

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)} %`;
console.log(
  `hotspot null study: ${grid.cells.length} cells (k = 1), ${WEEKS} test weeks per row, seed ${SEED}, BH-FDR α = ${ALPHA}, 999 permutations`,
);
console.log('share of weeks with any false hot cell (= FDR under the null) · mean false hot cells per week');
console.log(`${'null model'.padEnd(44)}${METHODS.map((m) => METHOD_LABELS[m].padStart(32)).join('')}`);
const t0 = performance.now();
models.forEach((model, i) => {
  const rows = runStudy({ grid, model, weeks: WEEKS, seed: SEED + i, alpha: ALPHA });
  console.log(
    `${model.name.padEnd(44)}${rows.map((r) => `${pct(r.weeksWithFalse)} · ${r.falseCells.toFixed(2).padStart(6)}`.padStart(32)).join('')}`,
  );
});
console.log('\nplanted spike on (c) at 0.5/cell-week: detected (a hot cell whose neighbourhood holds the spike) · FDR');
for (const spike of [4, 8, 16]) {
  const rows = runStudy({
    grid,
    model: background(grid, weights, 0.5, label),
    weeks: WEEKS,
    seed: SEED + 100 + spike,
    alpha: ALPHA,
    spike,
  });
  console.log(
    `${`+${spike} incidents in one cell`.padEnd(44)}${rows.map((r) => `${pct(r.detected)} · ${pct(r.fdr)}`.padStart(32)).join('')}`,
  );
}
console.log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s`);
