import { today } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import {
  type QualityCheck,
  type QualityItem,
  type QualityReport,
  QualityCheckSchema,
  type ScopeQuery,
} from '../../domain/quality.js';
import { heavyReadContext, type ServiceContext } from '../../core/context.js';
import { neutralTitle } from '../auth/free-text.js';
import { canReadFreeText, tierAccess } from '../../core/policy.js';
import { findUnit } from '../../core/tenancy.repo.js';
import { nextReview, reviewOverdue } from '../agreements/agreement-review.js';
import { movedWrongWay } from '../problems/indicator.js';
import { type Scope, scopeFacts } from './programme-scope.js';
import { loadProgrammeFacts, type ProgrammeFacts } from './quality.repo.js';
import { QUALITY_EXPORT_TEXTS } from './quality.texts.js';

/** Resolves a scope query to a named scope; a district scope needs a district unit. */
export async function resolveScope(ctx: ServiceContext, query: ScopeQuery): Promise<Scope & { name: string }> {
  if (query.scope === 'city' || !query.unit_id) return { kind: 'city', unitId: null, name: ctx.organisation.slug };
  const unit = await findUnit(ctx.db, ctx.organisation.id, query.unit_id);
  if (!unit) throw new AppError('NOT_FOUND', { details: { entity: 'unit', id: query.unit_id } });
  if (query.scope === 'district' && unit.kind !== 'district')
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'unit_id', code: 'not_a_district', message: 'a district scope needs a district unit' }],
    });
  return { kind: query.scope, unitId: unit.id, name: unit.name };
}

/**
 * Every defect of the programme in scope, each with a link to what to fix. `all` is the unscoped data:
 * a problem's measures may be run by units outside the scope.
 */
export function qualityItems(scoped: ProgrammeFacts, all: ProgrammeFacts, day: string): QualityItem[] {
  const items: QualityItem[] = [];
  const add = (
    check: QualityCheck,
    title: string,
    unit: { id: string; name: string },
    link: QualityItem['link'],
    { parent = null, facts = {} }: { parent?: QualityItem['parent']; facts?: QualityItem['facts'] } = {},
  ) => items.push({ check, title, unit, detail: QUALITY_EXPORT_TEXTS.en.detail(check, facts), facts, link, parent });
  const status = new Map(all.measures.map((m) => [m.id, m.status]));
  const withEvidence = new Set(scoped.evidence.map((e) => e.problem_id));
  const problemById = new Map(all.problems.map((p) => [p.id, p]));

  for (const p of scoped.problems) {
    const unit = { id: p.owner_unit_id, name: p.unit_name };
    const link = { entity: 'problem' as const, id: p.id };
    const statuses = all.links.filter((l) => l.problem_id === p.id).map((l) => status.get(l.measure_id));
    if (!withEvidence.has(p.id)) add('problem_without_evidence', p.title, unit, link);
    if (p.baseline_value === null) add('problem_without_baseline', p.title, unit, link);
    if (!statuses.length) add('problem_without_measure', p.title, unit, link);
    else if (statuses.every((s) => s === 'stopped'))
      add('problem_only_stopped_measures', p.title, unit, link, { facts: { measures: statuses.length } });
  }
  for (const m of scoped.measures) {
    const unit = { id: m.responsible_unit_id, name: m.unit_name };
    const link = { entity: 'measure' as const, id: m.id };
    const problems = all.links.filter((l) => l.measure_id === m.id).map((l) => problemById.get(l.problem_id));
    if (!problems.some((p) => p && p.baseline_value !== null)) add('measure_without_indicator', m.title, unit, link);
    const followups = scoped.followups.filter((f) => f.measure_id === m.id);
    if (m.status !== 'stopped') {
      for (const f of followups.filter((x) => !x.recorded_at && x.due_date < day)) {
        add(
          'followup_overdue',
          m.title,
          unit,
          { entity: 'followup', id: f.id },
          { parent: link, facts: { due_date: f.due_date } },
        );
      }
    }
    const latest = followups
      .filter((f) => f.recorded_at && f.indicator_value !== null && f.baseline_value !== null)
      .sort((a, b) => new Date(b.recorded_at!).getTime() - new Date(a.recorded_at!).getTime())[0];
    if (
      latest &&
      movedWrongWay(
        latest.baseline_value!,
        latest.indicator_value!,
        problemById.get(latest.indicator_problem_id ?? '')?.indicator_direction ?? 'lower',
      )
    ) {
      add('indicator_wrong_way', m.title, unit, link, {
        facts: { baseline: latest.baseline_value!, value: latest.indicator_value! },
      });
    }
  }
  for (const r of scoped.requests.filter(
    (x) => (x.status === 'requested' || x.status === 'accepted') && x.due_date < day,
  )) {
    add(
      'request_overdue',
      r.what.slice(0, 200),
      { id: r.to_unit_id, name: r.to_name },
      { entity: 'request', id: r.id },
      {
        parent: { entity: 'problem', id: r.problem_id },
        facts: { due_date: r.due_date, from_unit: r.from_name, status: r.status },
      },
    );
  }
  for (const g of scoped.agreements) {
    const due = nextReview(g.last_review, g.period_start);
    if (reviewOverdue(due, g.period_end, day)) {
      add(
        'agreement_review_overdue',
        g.title,
        { id: g.district_unit_id, name: g.district_name },
        { entity: 'agreement', id: g.id },
        { facts: { due_date: due } },
      );
    }
  }
  return items;
}

/** The record an item is about, to decide whether the caller may see it: a follow-up is its measure's. */
const recordOf = (i: QualityItem) =>
  (i.link.entity === 'followup' ? i.parent! : i.link) as {
    entity: 'problem' | 'measure' | 'request' | 'agreement';
    id: string;
  };

/** A title without free text: who asked whom for a request, the neutral label for the rest. */
const analystTitle = (i: QualityItem) =>
  i.check === 'request_overdue'
    ? `${i.facts.from_unit ?? ''} → ${i.unit.name}`
    : neutralTitle(recordOf(i).entity, recordOf(i).id);

/**
 * The quality report's counts for each of the district units, from one read of the programme: what the city
 * view shows side by side (the same counts as `getQualityReport` per district).
 */
export async function qualityCountsByDistrict(
  ctx: ServiceContext,
  districtUnitIds: readonly string[],
): Promise<Map<string, Record<QualityCheck, number>>> {
  const all = await loadProgrammeFacts(ctx.db, ctx.organisation.id, tierAccess(ctx.principal));
  const day = today(ctx.organisation.timeZone);
  return new Map(
    districtUnitIds.map((unitId) => {
      const found = qualityItems(scopeFacts(all, { kind: 'district', unitId }), all, day);
      return [unitId, countByCheck(found)] as const;
    }),
  );
}

const countByCheck = (found: readonly QualityItem[]) =>
  Object.fromEntries(QualityCheckSchema.options.map((c) => [c, found.filter((i) => i.check === c).length])) as Record<
    QualityCheck,
    number
  >;

/**
 * The quality report for the city, a district (its own work and its geography) or a unit. The counts take
 * in every record (statistics, docs/confidentiality.md); the items list only records the caller may see,
 * and titles (free text) only for callers who may read free text.
 */
export async function getQualityReport(caller: ServiceContext, query: ScopeQuery): Promise<QualityReport> {
  const ctx = heavyReadContext(caller);
  const scope = await resolveScope(ctx, query);
  const all = await loadProgrammeFacts(ctx.db, ctx.organisation.id, tierAccess(ctx.principal));
  const day = today(ctx.organisation.timeZone);
  const hidden = new Set<string>();
  for (const [entity, rows] of [
    ['problem', all.problems],
    ['measure', all.measures],
    ['request', all.requests],
    ['agreement', all.agreements],
  ] as const) {
    for (const r of rows) if (!r.visible) hidden.add(`${entity}:${r.id}`);
  }
  const text = canReadFreeText(ctx.principal);
  const found = qualityItems(scopeFacts(all, scope), all, day);
  const counts = countByCheck(found);
  const items = found
    .filter((i) => !hidden.has(`${recordOf(i).entity}:${recordOf(i).id}`))
    .map((i) => (text ? i : { ...i, title: analystTitle(i) }));
  return {
    scope: { kind: scope.kind, unit_id: scope.unitId, name: scope.name },
    generated_at: new Date().toISOString(),
    today: day,
    counts,
    items,
  };
}
