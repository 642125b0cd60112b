import { changePercent, indicatorOutcome } from '../../analysis/stats/indicator-outcome.js';
import type { AnnualReport } from '../../domain/annual.js';
import type { Measure } from '../../domain/measures.js';
import type { ContributionRequest } from '../../domain/requests.js';
import { localDay } from '../../domain/calendar/index.js';

/**
 * Whether a measure ran in the year: it left 'planned' and its period touches the year, or it was followed
 * up in the year. Without a start date it is taken to run from `day` (today), so it is never credited to past years.
 * @example ranInYear({ status: 'done', period_start: '2025-03-01', period_end: '2026-02-01', followups: [] }, 2026, '2026-11-25') // true
 */
export function ranInYear(
  m: Pick<Measure, 'status' | 'period_start' | 'period_end' | 'followups'>,
  year: number,
  day: string,
): boolean {
  const touches = (m.period_start ?? day) <= `${year}-12-31` && (m.period_end ?? `${year}-12-31`) >= `${year}-01-01`;
  return (m.status !== 'planned' && touches) || m.followups.some((f) => f.recorded_at?.startsWith(String(year)));
}

const inYear = (iso: string | null, year: number, timeZone: string) =>
  !!iso && localDay(iso, timeZone).startsWith(`${year}-`);

type Tables = Omit<AnnualReport, 'scope' | 'year' | 'generated_at' | 'totals'>;

/** The headline, counted from the tables it summarises and from nothing else. */
export function annualTotals(t: Tables): AnnualReport['totals'] {
  const count = <T>(rows: readonly T[], pick: (r: T) => boolean) => rows.filter(pick).length;
  return {
    measures: t.measures.length,
    measures_by_status: {
      planned: count(t.measures, (m) => m.status === 'planned'),
      ongoing: count(t.measures, (m) => m.status === 'ongoing'),
      done: count(t.measures, (m) => m.status === 'done'),
      stopped: count(t.measures, (m) => m.status === 'stopped'),
    },
    problems: t.problems.length,
    followups_recorded: t.measures.reduce((sum, m) => sum + m.followups_recorded, 0),
    indicators: {
      better: count(t.indicators, (i) => i.outcome === 'better'),
      unchanged: count(t.indicators, (i) => i.outcome === 'unchanged'),
      worse: count(t.indicators, (i) => i.outcome === 'worse'),
    },
    requests_answered: t.requests.length,
  };
}

/**
 * The year's tables from a unit's or district's measures and requests, and the headline counted from them;
 * instants belong to the year and day of the organisation's wall clock (`timeZone`).
 */
export function assembleAnnualReport(
  head: Pick<AnnualReport, 'scope' | 'year' | 'generated_at'>,
  all: readonly Measure[],
  requests: readonly ContributionRequest[],
  day: string,
  timeZone: string,
): AnnualReport {
  const { year } = head;
  const measures = all.filter((m) => ranInYear(m, year, day));
  const problems = new Map<string, { id: string; name: string; measures: number }>();
  for (const p of measures.flatMap((m) => m.problems))
    problems.set(p.id, { id: p.id, name: p.title, measures: (problems.get(p.id)?.measures ?? 0) + 1 });
  const recorded = measures.flatMap((m) =>
    m.followups.filter((f) => inYear(f.recorded_at, year, timeZone)).map((f) => ({ m, f })),
  );
  const tables: Tables = {
    measures: measures.map((m) => ({
      id: m.id,
      title: m.title,
      type: m.type,
      status: m.status,
      responsible_unit: m.responsible_unit,
      period_start: m.period_start,
      period_end: m.period_end,
      followups_recorded: recorded.filter((r) => r.m.id === m.id).length,
    })),
    problems: [...problems.values()],
    indicators: recorded.flatMap(({ m, f }) =>
      f.indicator
        ? [
            {
              measure: { id: m.id, name: m.title },
              recorded_on: localDay(f.recorded_at!, timeZone),
              assessment: f.assessment,
              baseline: f.indicator.baseline,
              value: f.indicator.value,
              change: f.indicator.value - f.indicator.baseline,
              change_percent: changePercent(f.indicator.baseline, f.indicator.value),
              direction: f.indicator.direction,
              outcome: indicatorOutcome(f.indicator.baseline, f.indicator.value, f.indicator.direction),
            },
          ]
        : [],
    ),
    requests: requests
      .filter((r) => r.status !== 'requested' && inYear(r.answered_at, year, timeZone))
      .map((r) => ({
        id: r.id,
        from_unit: r.from_unit,
        to_unit: r.to_unit,
        status: r.status,
        due_date: r.due_date,
        answered_on: localDay(r.answered_at!, timeZone),
      })),
  };
  return { ...head, totals: annualTotals(tables), ...tables };
}
