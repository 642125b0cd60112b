import type { SituationReport } from '../../../domain/situation.js';

/**
 * The frozen report with each stadsdel's rating as confirmed for the week. The meeting usually confirms the
 * ratings after the freeze, so the confirmation comes from the report as it is now; the figures and the
 * proposals stay as they were frozen. A stadsdel confirmed at the freeze and not since keeps that confirmation.
 * @example asConfirmed(frozen, current).neighbourhoods[0].rating.confirmed // the level confirmed at the meeting
 */
export function asConfirmed(frozen: SituationReport, current: SituationReport): SituationReport {
  const now = new Map(current.neighbourhoods.map((n) => [n.code, n.rating.confirmed]));
  return {
    ...frozen,
    neighbourhoods: frozen.neighbourhoods.map((n) => ({
      ...n,
      rating: { ...n.rating, confirmed: now.get(n.code) ?? n.rating.confirmed },
    })),
  };
}

/** Parts of the report that did not exist yet when an older report was frozen: the page says they are missing. */
export type FrozenGap = 'emerging' | 'hotspotNames';

/** What an older frozen report lacks, so the page can say so rather than show an empty layer or table. */
export function frozenGaps(report: SituationReport): FrozenGap[] {
  const gaps: FrozenGap[] = [];
  if (!report.emerging) gaps.push('emerging');
  if (report.hotspots.cells.some((c) => !c.place)) gaps.push('hotspotNames');
  return gaps;
}
