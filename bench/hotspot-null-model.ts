/**
 * The engine of the hotspot null study (bench/hotspot-null-study.ts prints it; tests/hotspot-null-study.test.ts
 * runs a small version): weeks of counts on H3 cells drawn from a null model *without* any hotspot, and which
 * cells each p method calls hot after Benjamini–Hochberg FDR control. Under such a null every hot cell is
 * false, so the false discovery rate E[V/max(R, 1)] equals the share of weeks with any false hot cell.
 * A planted spike (one cell, one week) measures power and the FDR when there is something to find.
 */
import { readFileSync } from 'node:fs';
import { gridDisk, latLngToCell } from 'h3-js';
import { xoroshiro128plus } from 'pure-rand';
import { baselineHotspots, neighbourhoods } from '../src/analysis/stats/emerging.js';
import { adjustBenjaminiHochberg } from '../src/analysis/stats/fdr.js';
import { gistar } from '../src/analysis/stats/gistar.js';

/** p methods compared: Gi*'s three and the baseline test of emerging.ts. */
export const METHODS = ['normal', 'exact-binomial', 'conditional', 'baseline'] as const;
export type Method = (typeof METHODS)[number];
export const METHOD_LABELS: Record<Method, string> = {
  normal: 'Gi* normal p',
  'exact-binomial': 'Gi* exact binomial',
  conditional: 'Gi* conditional randomisation',
  baseline: 'own 52-week baseline (NB)',
};

/** Weeks of history the baseline test reads, as in the weekly report. */
export const HISTORY_WEEKS = 52;

export interface Grid {
  cells: string[];
  /** Each cell's k = 1 neighbourhood inside the grid, itself first. */
  hoods: number[][];
}

/** Cells within `radius` rings of a centre (res 9), with their k = 1 neighbourhoods. */
export function diskGrid(lat = 59.3293, lon = 18.0686, radius = 11): Grid {
  const cells = gridDisk(latLngToCell(lat, lon, 9), radius);
  const index = new Map(cells.map((c, i) => [c, i]));
  return {
    cells,
    hoods: neighbourhoods(cells.length, (i) =>
      gridDisk(cells[i]!, 1).flatMap((c) => (index.has(c) ? [index.get(c)!] : [])),
    ),
  };
}

export interface Rng {
  uniform(): number;
}

export function rng(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  return { uniform: () => ((g.unsafeNext() >>> 0) + 0.5) / 4_294_967_296 };
}

function poisson(r: Rng, mean: number): number {
  if (mean <= 0) return 0;
  // Inversion by sequential search: exact, fast for the small means of a cell-week.
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = r.uniform();
  while (u > cdf && k < 10_000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Gamma(shape, 1) by Marsaglia–Tsang (shape < 1 through the boost u^(1/shape)). */
function gamma(r: Rng, shape: number): number {
  if (shape < 1) return gamma(r, shape + 1) * r.uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = Math.sqrt(-2 * Math.log(r.uniform())) * Math.cos(2 * Math.PI * r.uniform());
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(r.uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A null model: each cell-week count independent, with the cell's mean, Poisson or negative binomial (size). */
export interface NullModel {
  name: string;
  means: Float64Array;
  /** Negative-binomial size (variance mean + mean²/size); undefined for Poisson. */
  size?: number;
}

/** (a) Complete spatial randomness: every cell-week Poisson with the same mean. */
export function csr(grid: Grid, perCell: number): NullModel {
  return { name: `(a) CSR, ${perCell}/cell-week`, means: new Float64Array(grid.cells.length).fill(perCell) };
}

/** (b) Overdispersed counts: every cell-week negative binomial with the same mean and size. */
export function negbin(grid: Grid, perCell: number, size: number): NullModel {
  return {
    name: `(b) NB size ${size}, ${perCell}/cell-week`,
    means: new Float64Array(grid.cells.length).fill(perCell),
    size,
  };
}

/** (c) A stable uneven background: cell means ∝ weights (a long-run pattern), scaled to `perCell` on average, Poisson noise. */
export function background(grid: Grid, weights: ArrayLike<number>, perCell: number, label: string): NullModel {
  let total = 0;
  for (let i = 0; i < grid.cells.length; i++) total += weights[i]!;
  const means = new Float64Array(grid.cells.length);
  for (let i = 0; i < means.length; i++) means[i] = (weights[i]! / total) * perCell * means.length;
  return { name: `(c) ${label}, ${perCell}/cell-week`, means };
}

/**
 * Long-run weights from the city's transit stops (shared/data/poi): 0.2 + bus stops + 5 × rail/metro stations
 * in each cell — where the demo puts its street reports, and as uneven as real incident maps (a few cells
 * carry much of it). Without the shared data, 12 seeded Gaussian clusters.
 */
export function transitWeights(grid: Grid, seed = 7): { weights: Float64Array; label: string } {
  const index = new Map(grid.cells.map((c, i) => [c, i]));
  const weights = new Float64Array(grid.cells.length).fill(0.2);
  try {
    for (const [file, w] of [
      ['stockholm_region_bus_stops.geojson', 1],
      ['stockholm_rail_metro_stations.geojson', 5],
    ] as const) {
      const url = new URL(`../../shared/data/poi/${file}`, import.meta.url);
      const fc = JSON.parse(readFileSync(url, 'utf8')) as {
        features: Array<{ geometry: { type: string; coordinates: number[] } | null }>;
      };
      for (const f of fc.features) {
        if (f.geometry?.type !== 'Point') continue;
        const i = index.get(latLngToCell(f.geometry.coordinates[1]!, f.geometry.coordinates[0]!, 9));
        if (i !== undefined) weights[i] = weights[i]! + w;
      }
    }
    return { weights, label: 'transit-stop background' };
  } catch {
    const r = rng(seed);
    for (let c = 0; c < 12; c++) {
      const centre = Math.floor(r.uniform() * grid.cells.length);
      const amplitude = 2 + 18 * r.uniform();
      for (let ring = 0; ring <= 3; ring++) {
        for (const cell of gridDisk(grid.cells[centre]!, ring)) {
          const i = index.get(cell);
          if (i !== undefined)
            weights[i] = weights[i]! + (amplitude * Math.exp(-(ring * ring) / 2)) / (ring === 0 ? 1 : 6 * ring);
        }
      }
    }
    return { weights, label: 'clustered background (synthetic)' };
  }
}

function draw(r: Rng, model: NullModel): number[] {
  return Array.from(model.means, (m) =>
    model.size === undefined ? poisson(r, m) : poisson(r, gamma(r, model.size) * (m / model.size)),
  );
}

/**
 * Conditional randomisation as PySAL's esda.G_Local(star=True): the cell's own count fixed, its W − 1
 * neighbours drawn from the other cells; one pseudo p in the observed direction, (extremes + 1)/(perms + 1).
 * The random index rows are shared by all cells (PySAL does the same), which keeps it fast.
 */
function conditionalP(
  values: readonly number[],
  grid: Grid,
  r: Rng,
  permutations: number,
): { p: number[]; hot: boolean[] } {
  const n = values.length;
  const maxW = Math.max(...grid.hoods.map((h) => h.length));
  const rows: Int32Array[] = [];
  const scratch = Int32Array.from({ length: n - 1 }, (_, i) => i);
  for (let s = 0; s < permutations; s++) {
    for (let j = 0; j < maxW - 1; j++) {
      const k = j + Math.floor(r.uniform() * (n - 1 - j));
      [scratch[j], scratch[k]] = [scratch[k]!, scratch[j]!];
    }
    rows.push(scratch.slice(0, maxW - 1));
  }
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const p: number[] = [];
  const hot: boolean[] = [];
  grid.hoods.forEach((hood, i) => {
    const observed = hood.reduce((s, j) => s + values[j]!, 0);
    const up = observed >= mean * hood.length;
    let extreme = 0;
    for (const row of rows) {
      let sum = values[i]!;
      for (let j = 0; j < hood.length - 1; j++) {
        const o = row[j]!;
        sum += values[o >= i ? o + 1 : o]!;
      }
      if (up ? sum >= observed : sum <= observed) extreme++;
    }
    p.push((Math.min(extreme, permutations - extreme) + 1) / (permutations + 1));
    hot.push(up && observed > mean * hood.length);
  });
  return { p, hot };
}

/** Indices of the cells a method calls hot at FDR `alpha` (Gi* methods: z > 0 and BH-adjusted p ≤ alpha). */
export function hotCells(
  method: Method,
  current: readonly number[],
  history: ReadonlyArray<readonly number[]>,
  grid: Grid,
  alpha: number,
  r: Rng,
  permutations = 999,
): number[] {
  const hot: number[] = [];
  if (method === 'baseline') {
    baselineHotspots(current, history, (i) => grid.hoods[i]!, alpha).forEach((c, i) => {
      if (c.unusual) hot.push(i);
    });
  } else if (method === 'conditional') {
    const c = conditionalP(current, grid, r, permutations);
    adjustBenjaminiHochberg(c.p).forEach((q, i) => {
      if (q <= alpha && c.hot[i]) hot.push(i);
    });
  } else {
    gistar(current, (i) => grid.hoods[i]!, { pMethod: method }).forEach((c, i) => {
      if (c.z > 0 && c.pAdjusted <= alpha) hot.push(i);
    });
  }
  return hot;
}

export interface StudyOptions {
  grid: Grid;
  model: NullModel;
  /** Test weeks (each with its own 52 weeks of history from the same null). */
  weeks: number;
  seed: number;
  alpha: number;
  methods?: readonly Method[];
  permutations?: number;
  /** Adds this many incidents to one random cell of each test week (power); none when absent. */
  spike?: number;
}

export interface MethodResult {
  method: Method;
  /** Share of test weeks with at least one false hot cell. */
  weeksWithFalse: number;
  /** Mean false hot cells per week. */
  falseCells: number;
  /** Mean over weeks of false / max(hot, 1): the false discovery rate. */
  fdr: number;
  /** With a spike: share of weeks where a cell whose neighbourhood holds the spike was called hot. */
  detected: number;
}

/** Runs the study: per method, how often it calls a cell hot that is not (all of them, without a spike). */
export function runStudy(o: StudyOptions): MethodResult[] {
  const methods = o.methods ?? METHODS;
  const r = rng(o.seed);
  const tally = methods.map((method) => ({ method, weeksWithFalse: 0, falseCells: 0, fdr: 0, detected: 0 }));
  for (let w = 0; w < o.weeks; w++) {
    const history = Array.from({ length: HISTORY_WEEKS }, () => draw(r, o.model));
    const current = draw(r, o.model);
    let spikeAt = -1;
    if (o.spike) {
      spikeAt = Math.floor(r.uniform() * current.length);
      current[spikeAt] = current[spikeAt]! + o.spike;
    }
    const isTrue = (i: number) => spikeAt >= 0 && o.grid.hoods[i]!.includes(spikeAt);
    methods.forEach((method, m) => {
      const hot = hotCells(method, current, history, o.grid, o.alpha, r, o.permutations);
      const falseHot = hot.filter((i) => !isTrue(i)).length;
      const t = tally[m]!;
      if (falseHot > 0) t.weeksWithFalse++;
      t.falseCells += falseHot;
      t.fdr += falseHot / Math.max(hot.length, 1);
      if (hot.length > falseHot) t.detected++;
    });
  }
  return tally.map((t) => ({
    ...t,
    weeksWithFalse: t.weeksWithFalse / o.weeks,
    falseCells: t.falseCells / o.weeks,
    fdr: t.fdr / o.weeks,
    detected: t.detected / o.weeks,
  }));
}
