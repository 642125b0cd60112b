import type { AnnualQuery, AnnualReport } from '../../domain/annual.js';
import type { Measure } from '../../domain/measures.js';
import type { ServiceContext } from '../../server/context.js';
import { swedishDay } from '../incidents/locate.js';
import { today } from '../org/org.service.js';
import { listRequests } from '../requests/requests.service.js';
import { getDistrictView, getUnitView } from '../views/views.service.js';

/**
 * Whether a measure ran in the year: it left 'planned' and its period touches the year, or it was followed
 * up in the year. Without a start date it is taken to run from `day` (today), so it is never credited to past years.
 * @example ranInYear({ status: 'done', period_start: '2025-03-01', period_end: '2026-02-01', followups: [] }, 2026, '2026-11-25') // true
 */
export function ranInYear(m: Pick<Measure, 'status' | 'period_start' | 'period_end' | 'followups'>, year: number, day: string): boolean {
  const touches = (m.period_start ?? day) <= `${year}-12-31` && (m.period_end ?? `${year}-12-31`) >= `${year}-01-01`;
  return (m.status !== 'planned' && touches) || m.followups.some((f) => f.recorded_at?.startsWith(String(year)));
}

const inYear = (iso: string | null, year: number) => !!iso && swedishDay(new Date(iso)).startsWith(`${year}-`);

/** The annual follow-up of a unit (its own measures and requests) or a district (all work in its geography). */
export async function getAnnualReport(ctx: ServiceContext, query: AnnualQuery): Promise<AnnualReport> {
  const { year } = query;
  const [unit, all, requests] = query.scope === 'district'
    ? await getDistrictView(ctx, query.unit_id).then((v) => [v.district, v.measures, v.requests] as const)
    : await Promise.all([getUnitView(ctx, query.unit_id), listRequests(ctx, { unit_id: query.unit_id })])
      .then(([v, r]) => [v.unit, v.measures.map((x) => x.measure), r] as const);
  const day = today();
  const measures = all.filter((m) => ranInYear(m, year, day));
  const problems = new Map<string, { id: string; name: string; measures: number }>();
  for (const p of measures.flatMap((m) => m.problems)) problems.set(p.id, { id: p.id, name: p.title, measures: (problems.get(p.id)?.measures ?? 0) + 1 });
  const recorded = measures.flatMap((m) => m.followups.filter((f) => inYear(f.recorded_at, year)).map((f) => ({ m, f })));
  const indicators = recorded.flatMap(({ m, f }) => (f.indicator ? [{
    measure: { id: m.id, name: m.title }, recorded_on: swedishDay(new Date(f.recorded_at!)), assessment: f.assessment,
    baseline: f.indicator.baseline, value: f.indicator.value, change: f.indicator.value - f.indicator.baseline,
    change_share: f.indicator.baseline ? (f.indicator.value - f.indicator.baseline) / f.indicator.baseline : null,
  }] : []));
  const answered = requests.filter((r) => r.status !== 'requested' && inYear(r.answered_at, year)).map((r) => ({
    id: r.id, from_unit: r.from_unit, to_unit: r.to_unit, status: r.status, due_date: r.due_date, answered_on: swedishDay(new Date(r.answered_at!)),
  }));
  return {
    scope: { kind: query.scope, unit }, year, generated_at: new Date().toISOString(),
    totals: { measures_run: measures.length, problems_addressed: problems.size, followups_recorded: recorded.length, requests_answered: answered.length },
    measures: measures.map((m) => ({
      id: m.id, title: m.title, type: m.type, status: m.status, responsible_unit: m.responsible_unit, period_start: m.period_start, period_end: m.period_end,
      followups_recorded: recorded.filter((r) => r.m.id === m.id).length,
    })),
    problems: [...problems.values()],
    indicators,
    requests: answered,
  };
}
