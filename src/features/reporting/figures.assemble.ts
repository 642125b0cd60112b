import { indicatorOutcome } from '../../analysis/stats/indicator-outcome.js';
import { localDay } from '../../domain/calendar/index.js';
import type { Measure } from '../../domain/measures.js';
import type { Problem } from '../../domain/problems.js';
import {
  type FigureIndicator,
  type FigureMeasure,
  type FigureRequest,
  followupTotals,
  targetMet,
  type UnitFigures,
} from '../../domain/reporting.js';
import type { ContributionRequest } from '../../domain/requests.js';

/** The local days [from, to] a follow-up covers, the day it is drawn on and the organisation's zone. */
export interface DrawWindow {
  from: string;
  to: string;
  /** The day drawn on, never after the period's end: a follow-up of a past period counts what was due by its end. */
  day: string;
  timeZone: string;
}

const within = (d: string, w: Pick<DrawWindow, 'from' | 'to'>) => d >= w.from && d <= w.to;
/** The document a follow-up becomes is read by every unit and the committee: restricted records never go in. */
const publishable = (r: { confidentiality: string }) => r.confidentiality !== 'restricted';

/**
 * Whether a measure ran in the period: it left 'planned' and its period touches the window, or a follow-up of it
 * was recorded in the window. Without a start date it is taken to run from the day drawn, so it is never
 * credited to a period before it was recorded (as the annual report's `ranInYear`).
 * @example ranInPeriod({ status: 'ongoing', period_start: '2026-03-01', period_end: null, followups: [] }, { from: '2026-05-01', to: '2026-08-31', day: '2026-08-31', timeZone: 'Europe/Stockholm' }) // true
 */
export function ranInPeriod(
  m: Pick<Measure, 'status' | 'period_start' | 'period_end' | 'followups'>,
  w: DrawWindow,
): boolean {
  const touches = (m.period_start ?? w.day) <= w.to && (m.period_end ?? w.to) >= w.from;
  return (
    (m.status !== 'planned' && touches) ||
    m.followups.some((f) => f.recorded_at !== null && within(localDay(f.recorded_at, w.timeZone), w))
  );
}

function measureRow(m: Measure, w: DrawWindow): FigureMeasure {
  const recordedIn = (at: string | null) => at !== null && within(localDay(at, w.timeZone), w);
  return {
    id: m.id,
    title: m.title,
    type: m.type,
    status: m.status,
    problem_ids: m.problems.map((p) => p.id),
    followups_due: m.followups.filter((f) => within(f.due_date, w)).length,
    followups_recorded: m.followups.filter((f) => recordedIn(f.recorded_at)).length,
    followups_overdue: m.followups.filter((f) => f.recorded_at === null && f.due_date < w.day).length,
  };
}

/** A problem's indicator: its baseline and its value over as many days up to the day drawn. */
export interface MeasuredProblem {
  problem: Problem;
  where: string;
  current: { from: string; to: string; value: number };
}

function indicatorRow({ problem: p, where, current }: MeasuredProblem): FigureIndicator {
  const baseline = p.baseline!;
  return {
    problem_id: p.id,
    title: p.title,
    where,
    baseline: { from: baseline.from, to: baseline.to, value: baseline.value },
    current,
    target_value: p.target_value,
    direction: p.indicator_direction,
    outcome: indicatorOutcome(baseline.value, current.value, p.indicator_direction),
    target_met: targetMet(current.value, p.target_value, p.indicator_direction),
  };
}

/** A request made or received that was open during the window or answered in it; answered later counts as open. */
function requestRow(r: ContributionRequest, unitId: string, w: DrawWindow): FigureRequest | null {
  if (localDay(r.created_at, w.timeZone) > w.to) return null;
  const answered = r.status !== 'requested' && r.answered_at !== null ? localDay(r.answered_at, w.timeZone) : null;
  if (answered !== null && answered < w.from) return null;
  const made = r.from_unit.id === unitId;
  return {
    id: r.id,
    role: made ? 'made' : 'received',
    counterpart: made ? r.to_unit : r.from_unit,
    problem_id: r.problem.id,
    status: r.status,
    due_date: r.due_date,
    answered_on: answered !== null && answered <= w.to ? answered : null,
  };
}

/**
 * A unit's figures for a period from its records: the measures it is responsible for that ran, the indicators of
 * the problems it owns that have a baseline, and the requests it made or received; restricted records left out.
 * Each measure, indicator and request belongs to exactly one unit (its responsible unit, its problem's owner, its
 * sender or receiver), so the units' figures add up to the city's without counting anything twice — except a
 * request, which both its sender and its receiver report, once as made and once as received.
 */
export function assembleFigures(
  unitId: string,
  records: {
    measures: readonly Measure[];
    problems: readonly MeasuredProblem[];
    requests: readonly ContributionRequest[];
  },
  w: DrawWindow,
): UnitFigures {
  const tables = {
    measures: records.measures
      .filter((m) => m.responsible_unit.id === unitId && publishable(m) && ranInPeriod(m, w))
      .map((m) => measureRow(m, w)),
    indicators: records.problems
      .filter((p) => p.problem.owner_unit.id === unitId && p.problem.baseline !== null && publishable(p.problem))
      .map(indicatorRow),
    requests: records.requests
      .filter((r) => (r.from_unit.id === unitId || r.to_unit.id === unitId) && publishable(r))
      .map((r) => requestRow(r, unitId, w))
      .filter((r): r is FigureRequest => r !== null),
  };
  return { drawn_on: w.day, ...tables, totals: followupTotals(tables) };
}
