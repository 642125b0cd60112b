/**
 * Hotspots by the Getis-Ord Gi* statistic (Getis & Ord 1992; Ord & Getis 1995), with binary weights that
 * include the cell itself, computed over every cell of the study area, empty ones included: leaving out
 * the zeros would raise the mean and hide real hotspots. Many cells are tested at once, so each result also
 * carries a Benjamini–Hochberg adjusted p and a class that only marks cells significant after FDR control.
 */
import { getResolution, gridDisk } from 'h3-js';
import type { H3Resolution } from '../geo/h3.js';
import { binomialTails } from './change.js';
import { adjustBenjaminiHochberg } from './fdr.js';
import { type HasPrecision, pointRecords } from './precision.js';
import { normalSurvival } from './special.js';

/** Hot or cold spot at 99, 95 or 90 % confidence, or nothing. */
export type GiClass = 'hot99' | 'hot95' | 'hot90' | 'cold99' | 'cold95' | 'cold90' | 'none';

/**
 * Where p comes from.
 * - 'normal' (default, the reference): 2·(1 − Φ(|z|)). Accurate when cells hold many incidents (a year's
 *   data). With a few incidents per cell the neighbourhood sum is a skewed count whose upper tail is much
 *   fatter than the normal one, and quiet weeks show false hotspots: on uniform random weeks over 397 cells,
 *   the share of 100 seeded weeks with an FDR-significant hot cell was 72 % at 0.1 incidents per cell,
 *   17 % at 1, 10 % at 3 and 5 % at 20 (gistar.test.ts), against the 2.5 % the test promises.
 * - 'exact-binomial': conditional on the total N, under an even spread over the study cells the
 *   neighbourhood sum is Bin(N, W_i/n); p = 2·min(P(L ≤ l), P(L ≥ l)). Exact at any density, so use it for
 *   sparse weekly or single-category maps. It ignores the observed spread, so on strongly uneven data
 *   (a year) it marks every busy area; keep 'normal' there. Integer counts only.
 * (Conditional randomisation, PySAL's default, was tried and rejected: it holds each cell's own count
 * fixed, so a single cell with 40 incidents in a quiet week is never flagged.)
 * All three test against an even spread: on overdispersed or stably uneven weeks (real data) every one of them
 * flags busy-as-usual places (bench/hotspot-null-study.ts, docs/situation.md); "unusual for this place" is
 * emerging.ts's test against each neighbourhood's own past weeks.
 */
export type GiPMethod = 'normal' | 'exact-binomial';

/** Options of the Gi* functions. */
export interface GiStarOptions {
  /** Default 'normal'; 'exact-binomial' for sparse counts (below a few incidents per cell). */
  pMethod?: GiPMethod;
}

/** Gi* of one cell. */
export interface GiStarValue {
  /** Σ_j w_ij x_j: the count in the cell and its neighbours. */
  localSum: number;
  /** W_i: how many cells (itself included) the neighbourhood has inside the study area. */
  weight: number;
  z: number;
  /** Two-sided p: from the normal distribution, 2·(1 − Φ(|z|)), or exact binomial (see GiPMethod). */
  p: number;
  /** Benjamini–Hochberg adjusted p over all cells of the run. */
  pAdjusted: number;
  /** Class from |z| alone (1.645 / 1.960 / 2.576), as a single-cell test, whatever the pMethod. */
  class: GiClass;
  /** Class from the adjusted p (≤ 0.10 / 0.05 / 0.01), i.e. significant after FDR control at that level; the one to map. */
  fdrClass: GiClass;
}

/**
 * The class of a z-score at the conventional critical values 1.645, 1.960 and 2.576 (90, 95, 99 %).
 * @example giClass(2.1) // 'hot95'; giClass(-3) // 'cold99'
 */
export function giClass(z: number): GiClass {
  const a = Math.abs(z);
  const level = a >= 2.576 ? '99' : a >= 1.96 ? '95' : a >= 1.645 ? '90' : null;
  return level === null ? 'none' : (`${z > 0 ? 'hot' : 'cold'}${level}` as GiClass);
}

/**
 * The class after FDR control: the strictest of 1 %, 5 %, 10 % at which the cell survives Benjamini–Hochberg
 * (its adjusted p at or below it), hot or cold by the sign of z; the FDR analogue of ArcGIS's Gi_Bin.
 * @example giClassFdr(4.2, 0.003) // 'hot99'; giClassFdr(2.2, 0.2) // 'none'
 */
export function giClassFdr(z: number, pAdjusted: number): GiClass {
  const level = pAdjusted <= 0.01 ? '99' : pAdjusted <= 0.05 ? '95' : pAdjusted <= 0.1 ? '90' : null;
  return level === null || z === 0 ? 'none' : (`${z > 0 ? 'hot' : 'cold'}${level}` as GiClass);
}

/**
 * Gi* for cells 0…n−1 with counts `values` and a neighbour function. The neighbourhood of i is
 * `neighbours(i)` plus i itself (added if missing; repeats count once). With no variation at all (every
 * count equal) every z is 0: there is nothing to find.
 *
 * z_i = (Σ_j w_ij x_j − X̄·W_i) / (S·√((n·W_i − W_i²)/(n − 1))), binary weights so Σ w_ij² = W_i.
 * @example
 * // 1-D strip of five cells, each cell's neighbours the cells beside it:
 * gistar([0, 0, 9, 0, 0], (i) => [i - 1, i + 1].filter((j) => j >= 0 && j < 5))[2]!.z // √(2/3) ≈ 0.816
 */
export function gistar(
  values: readonly number[],
  neighbours: (index: number) => Iterable<number>,
  options: GiStarOptions = {},
): GiStarValue[] {
  const n = values.length;
  let sum = 0;
  for (const x of values) {
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`counts must be finite and non-negative, got ${x}`);
    sum += x;
  }
  const mean = n > 0 ? sum / n : 0;
  let squares = 0;
  for (const x of values) squares += (x - mean) ** 2;
  // Two-pass variance: exactly 0 for equal counts, where Σx²/n − X̄² can round to a tiny negative.
  const s = n > 0 ? Math.sqrt(squares / n) : 0;

  const stamp = new Int32Array(n).fill(-1);
  const z = new Float64Array(n);
  let p = new Array<number>(n);
  const partial: Array<Pick<GiStarValue, 'localSum' | 'weight'>> = [];
  for (let i = 0; i < n; i++) {
    stamp[i] = i;
    let localSum = values[i]!;
    let weight = 1;
    for (const j of neighbours(i)) {
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`neighbour index ${j} outside 0…${n - 1}`);
      if (stamp[j] === i) continue;
      stamp[j] = i;
      localSum += values[j]!;
      weight++;
    }
    const spread = (n * weight - weight * weight) / (n - 1);
    // A neighbourhood spanning the whole area (spread 0) or no variation (s 0) has no evidence either way.
    const zi = s > 0 && spread > 0 ? (localSum - mean * weight) / (s * Math.sqrt(spread)) : 0;
    z[i] = zi;
    p[i] = Math.min(1, 2 * normalSurvival(Math.abs(zi)));
    partial.push({ localSum, weight });
  }
  if (options.pMethod === 'exact-binomial') p = partial.map((r) => evenSpreadP(r.localSum, sum, r.weight / n));
  const adjusted = adjustBenjaminiHochberg(p);
  return partial.map((r, i) => ({
    ...r,
    z: z[i]!,
    p: p[i]!,
    pAdjusted: adjusted[i]!,
    class: giClass(z[i]!),
    fdrClass: giClassFdr(z[i]!, adjusted[i]!),
  }));
}

/** Two-sided exact p of a neighbourhood sum under an even spread of `total` incidents (see GiPMethod). */
function evenSpreadP(localSum: number, total: number, share: number): number {
  if (!Number.isInteger(localSum) || !Number.isInteger(total))
    throw new RangeError('exact-binomial p-values need integer counts');
  if (total === 0 || share >= 1) return 1;
  const { atMost, atLeast } = binomialTails(localSum, total, share);
  return Math.min(1, 2 * Math.min(atMost, atLeast));
}

/** One H3 cell's result. */
export interface GiStarH3Cell extends GiStarValue {
  cell: string;
  count: number;
}

/** Gi* over H3 cells, with what every map of it must state: n cells, ring size k. */
export interface GiStarH3Result {
  cells: GiStarH3Cell[];
  /** Cells in the study area (all of them tested, empty ones included). */
  n: number;
  /** Neighbourhood ring: gridDisk(cell, k); k = 1 is the cell and its six neighbours. */
  k: number;
  /** Incidents counted inside the study area. */
  total: number;
  /** Incidents in cells outside the study area, left out. */
  outside: number;
  pMethod: GiPMethod;
}

/**
 * Gi* on H3 cells: every cell of `studyCells` (one resolution) is tested, its neighbourhood is
 * gridDisk(cell, k) cut to the study area. Counts in cells outside the study area are ignored and reported.
 * @example
 * const r = gistarH3(new Map([['89088661887ffff', 40]]), studyCells, 1); // 40 in central Stockholm
 * r.cells.filter((c) => c.fdrClass.startsWith('hot')).map((c) => c.cell); // ['89088661887ffff', …]
 */
export function gistarH3(
  counts: ReadonlyMap<string, number>,
  studyCells: readonly string[],
  k = 1,
  options: GiStarOptions = {},
): GiStarH3Result {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  const cells = [...new Set(studyCells)];
  const index = new Map<string, number>();
  const resolution = cells.length > 0 ? getResolution(cells[0]!) : 0;
  cells.forEach((c, i) => {
    if (getResolution(c) !== resolution)
      throw new RangeError(`study cells mix resolutions ${resolution} and ${getResolution(c)}`);
    index.set(c, i);
  });
  const values = cells.map((c) => counts.get(c) ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  let outside = 0;
  for (const [cell, count] of counts) if (!index.has(cell)) outside += count;
  const results = gistar(
    values,
    (i) => {
      const out: number[] = [];
      for (const nb of gridDisk(cells[i]!, k)) {
        const j = index.get(nb);
        if (j !== undefined) out.push(j);
      }
      return out;
    },
    options,
  );
  return {
    cells: results.map((r, i) => ({ cell: cells[i]!, count: values[i]!, ...r })),
    n: cells.length,
    k,
    total,
    outside,
    pMethod: options.pMethod ?? 'normal',
  };
}

/** An incident as the analyses see it: its precision and its H3 cells (null when it has no point). */
export interface H3Incident extends HasPrecision {
  h3: { r7: string; r8: string; r9: string; r10: string } | null;
}

/**
 * Gi* from incident records: only point-precise ones ('exact', 'place') are counted, by their cell at
 * `resolution`; `excluded` says how many coarser ones were left out.
 * @example
 * const r = gistarIncidentsH3(weekIncidents, stockholmR9Cells, { k: 1, resolution: 9 });
 * // r.n, r.k, r.excluded belong in the map's caption
 */
export function gistarIncidentsH3(
  incidents: Iterable<H3Incident>,
  studyCells: readonly string[],
  options: GiStarOptions & { k?: number; resolution?: H3Resolution } = {},
): GiStarH3Result & { excluded: number } {
  const { k = 1, resolution = 9, pMethod } = options;
  const { points, excluded } = pointRecords(incidents);
  const counts = new Map<string, number>();
  let noCell = 0;
  for (const incident of points) {
    const cell = incident.h3?.[`r${resolution}`];
    if (cell === undefined) noCell++;
    else counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return { ...gistarH3(counts, studyCells, k, { pMethod }), excluded: excluded + noCell };
}
