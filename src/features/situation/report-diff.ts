import type { FrozenReportView } from '../../domain/meetings.js';
import type { SituationReport } from '../../domain/situation.js';

type Diff = FrozenReportView['diff'];

function delta(frozen: number, current: number) {
  return { frozen, current, difference: current - frozen };
}

/**
 * What changed between the frozen figures and the current ones: totals, every stadsdel and category present
 * in either (a category added since the freeze counts from 0).
 * @example reportDiff(frozen, current, 3).total // { frozen: 41, current: 44, difference: 3 }
 */
export function reportDiff(frozen: SituationReport, current: SituationReport, reportedAfterFreeze: number): Diff {
  const hoodsBefore = new Map(frozen.neighbourhoods.map((n) => [n.code, n]));
  const hoodsNow = new Map(current.neighbourhoods.map((n) => [n.code, n]));
  const catsBefore = new Map(frozen.categories.map((c) => [c.code, c]));
  const catsNow = new Map(current.categories.map((c) => [c.code, c]));
  return {
    total: delta(frozen.totals.count, current.totals.count),
    neighbourhoods: [...new Set([...hoodsBefore.keys(), ...hoodsNow.keys()])].map((code) => {
      const before = hoodsBefore.get(code);
      const now = hoodsNow.get(code);
      return { code, name: (now ?? before)!.name, ...delta(before?.count ?? 0, now?.count ?? 0) };
    }),
    categories: [...new Set([...catsBefore.keys(), ...catsNow.keys()])].map((code) => {
      const before = catsBefore.get(code);
      const now = catsNow.get(code);
      return { code, label_sv: (now ?? before)!.label_sv, ...delta(before?.count ?? 0, now?.count ?? 0) };
    }),
    reported_after_freeze: reportedAfterFreeze,
  };
}
