import { gridDisk } from 'h3-js';
import {
  baselineHotspots,
  type EmergingClass,
  emergingClass,
  neighbourhoods,
  PERSISTENT_SHARE,
} from '../../analysis/stats/emerging.js';
import { binomialTails } from '../../analysis/stats/change.js';
import { adjustBenjaminiHochberg } from '../../analysis/stats/fdr.js';
import type { SituationReport } from '../../domain/situation.js';
import { HOTSPOT_RESOLUTION } from './situation.scope.js';
import { HOTSPOT_ALPHA, HOTSPOT_K } from './spatial.js';

/** Weeks of each cell's own baseline, ending the week before the report week. */
export const BASELINE_WEEKS = 52;

const ORDER: Record<EmergingClass, number> = { new: 0, intensifying: 1, persistent: 2, sporadic: 3, none: 4 };

/**
 * The "unusual for this place" map beside Gi*: each study cell's k = 1 neighbourhood sum this week against the
 * same neighbourhood's previous weeks (`history`, oldest first, BASELINE_WEEKS of them), BH-FDR at
 * HOTSPOT_ALPHA; classes from that and from how often the cell was a Gi* hotspot (exact-binomial p, as the
 * report's Gi* map) in those weeks. Points outside the study cells are left out, as in Gi*.
 */
export function weeklyEmerging(
  current: ReadonlyMap<string, number>,
  history: ReadonlyArray<ReadonlyMap<string, number>>,
  studyCells: readonly string[],
  weeks: { from: string; to: string },
): NonNullable<SituationReport['emerging']> {
  const cells = [...new Set(studyCells)];
  const index = new Map(cells.map((c, i) => [c, i]));
  const hoods = neighbourhoods(cells.length, (i) =>
    gridDisk(cells[i]!, HOTSPOT_K).flatMap((c) => (index.has(c) ? [index.get(c)!] : [])),
  );
  const values = (counts: ReadonlyMap<string, number>) => cells.map((c) => counts.get(c) ?? 0);
  const now = values(current);
  const past = history.map(values);
  const neighbours = (i: number) => hoods[i]!;
  const hotBefore = new Array<number>(cells.length).fill(0);
  for (const week of past)
    giHotCells(week, hoods).forEach((hot, i) => {
      if (hot) hotBefore[i]!++;
    });
  const hotNow = giHotCells(now, hoods);
  const tested = cells.length > 0 && past.length >= 2 ? baselineHotspots(now, past, neighbours, HOTSPOT_ALPHA) : [];
  const counts = { new: 0, intensifying: 0, persistent: 0, sporadic: 0 };
  const listed = tested
    .flatMap((t, i) => {
      const cls = emergingClass({
        unusual: t.unusual,
        hotNow: hotNow[i]!,
        hotWeeksBefore: hotBefore[i]!,
        weeksBefore: past.length,
      });
      if (cls === 'none') return [];
      counts[cls]++;
      return [
        {
          cell: cells[i]!,
          class: cls,
          local_sum: t.localSum,
          expected: round(t.expected, 3),
          dispersion: round(t.dispersion, 3),
          p: t.p,
          p_adjusted: t.pAdjusted,
          gi_hot: hotNow[i]!,
          hot_weeks_before: hotBefore[i]!,
        },
      ];
    })
    .sort((a, b) => ORDER[a.class] - ORDER[b.class] || a.p_adjusted - b.p_adjusted || b.local_sum - a.local_sum);
  return {
    method: 'own-baseline negative binomial',
    resolution: HOTSPOT_RESOLUTION,
    k: HOTSPOT_K,
    n: cells.length,
    baseline_weeks: past.length,
    from_week: weeks.from,
    to_week: weeks.to,
    alpha: HOTSPOT_ALPHA,
    correction: 'Benjamini-Hochberg FDR',
    persistent_share: PERSISTENT_SHARE,
    counts,
    cells: listed,
  };
}

/**
 * Which cells Gi* with the exact-binomial p marks hot after BH-FDR at HOTSPOT_ALPHA — the same cells as
 * `gistar(values, …, { pMethod: 'exact-binomial' })` (emerging-hotspots.test.ts checks it), 53 times per
 * report and fast: a p above alpha can never pass Benjamini–Hochberg nor change which smaller ones pass, so
 * only neighbourhood sums in either binomial tail beyond alpha/2 get an exact p (the city's 2,355 cells took
 * 30 ms a week through gistar, most of it in incomplete beta functions of cells that cannot be significant).
 */
export function giHotCells(values: readonly number[], hoods: ReadonlyArray<readonly number[]>): boolean[] {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  const hot = new Array<boolean>(n).fill(false);
  if (total === 0 || n < 2) return hot;
  const mean = total / n;
  // gistar's z is 0 for every cell when all counts are equal: nothing is hot.
  if (values.every((x) => x === values[0])) return hot;
  const bounds = new Map<number, { low: number; high: number }>();
  const boundsFor = (w: number) => {
    let b = bounds.get(w);
    if (!b) bounds.set(w, (b = tailBounds(total, w / n, HOTSPOT_ALPHA / 2)));
    return b;
  };
  const p = new Array<number>(n).fill(1);
  const sums = hoods.map((hood) => hood.reduce((s, j) => s + values[j]!, 0));
  sums.forEach((l, i) => {
    const w = hoods[i]!.length;
    if (w >= n) return;
    const { low, high } = boundsFor(w);
    if (l >= high || l <= low) {
      const { atMost, atLeast } = binomialTails(l, total, w / n);
      p[i] = Math.min(1, 2 * Math.min(atMost, atLeast));
    }
  });
  adjustBenjaminiHochberg(p).forEach((q, i) => {
    hot[i] = q <= HOTSPOT_ALPHA && sums[i]! > mean * hoods[i]!.length;
  });
  return hot;
}

/** The largest l with P(L ≤ l) ≤ tail (−1 if none) and the smallest with P(L ≥ l) ≤ tail (total + 1 if none), L ~ Bin(total, share). */
function tailBounds(total: number, share: number, tail: number): { low: number; high: number } {
  const centre = Math.floor(total * share);
  let high = Math.max(centre, 1);
  while (high <= total && binomialTails(high, total, share).atLeast > tail) high++;
  let low = Math.min(centre, total);
  while (low >= 0 && binomialTails(low, total, share).atMost > tail) low--;
  return { low, high };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
