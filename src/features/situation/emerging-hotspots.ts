import { gridDisk } from 'h3-js';
import { baselineHotspots, type EmergingClass, emergingClass, neighbourhoods, PERSISTENT_SHARE } from '../../analysis/stats/emerging.js';
import { gistar } from '../../analysis/stats/gistar.js';
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
  current: ReadonlyMap<string, number>, history: ReadonlyArray<ReadonlyMap<string, number>>, studyCells: readonly string[],
  weeks: { from: string; to: string },
): NonNullable<SituationReport['emerging']> {
  const cells = [...new Set(studyCells)];
  const index = new Map(cells.map((c, i) => [c, i]));
  const hoods = neighbourhoods(cells.length, (i) => gridDisk(cells[i]!, HOTSPOT_K).flatMap((c) => (index.has(c) ? [index.get(c)!] : [])));
  const values = (counts: ReadonlyMap<string, number>) => cells.map((c) => counts.get(c) ?? 0);
  const now = values(current);
  const past = history.map(values);
  const neighbours = (i: number) => hoods[i]!;
  const giHot = (v: number[]) => gistar(v, neighbours, { pMethod: 'exact-binomial' }).map((g) => g.z > 0 && g.pAdjusted <= HOTSPOT_ALPHA);
  const hotBefore = new Array<number>(cells.length).fill(0);
  for (const week of past) {
    // A week without any point has no hotspot; skipping it saves the test of every cell.
    if (week.some((x) => x > 0)) giHot(week).forEach((hot, i) => { if (hot) hotBefore[i]!++; });
  }
  const hotNow = giHot(now);
  const tested = cells.length > 0 && past.length >= 2 ? baselineHotspots(now, past, neighbours, HOTSPOT_ALPHA) : [];
  const counts = { new: 0, intensifying: 0, persistent: 0, sporadic: 0 };
  const listed = tested.flatMap((t, i) => {
    const cls = emergingClass({ unusual: t.unusual, hotNow: hotNow[i]!, hotWeeksBefore: hotBefore[i]!, weeksBefore: past.length });
    if (cls === 'none') return [];
    counts[cls]++;
    return [{
      cell: cells[i]!, class: cls, local_sum: t.localSum, expected: round(t.expected, 3), dispersion: round(t.dispersion, 3),
      p: t.p, p_adjusted: t.pAdjusted, gi_hot: hotNow[i]!, hot_weeks_before: hotBefore[i]!,
    }];
  }).sort((a, b) => ORDER[a.class] - ORDER[b.class] || a.p_adjusted - b.p_adjusted || b.local_sum - a.local_sum);
  return {
    method: 'own-baseline negative binomial', resolution: HOTSPOT_RESOLUTION, k: HOTSPOT_K, n: cells.length,
    baseline_weeks: past.length, from_week: weeks.from, to_week: weeks.to, alpha: HOTSPOT_ALPHA, correction: 'Benjamini-Hochberg FDR',
    persistent_share: PERSISTENT_SHARE, counts, cells: listed,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
