import { redactedText } from '../../analysis/text/redact.js';
import { lockForChange } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { today } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import {
  type FollowupRecord,
  MEASURE_TRANSITIONS,
  type Measure,
  type MeasureCreate,
  type MeasureListQuery,
  type MeasureStatus,
  type MeasureUpdate,
} from '../../domain/measures.js';
import { heavyReadContext, type ServiceContext } from '../../core/context.js';
import { recordAudit } from '../../core/audit.repo.js';
import { freeTextGate } from '../auth/free-text.js';
import { assertCanEditForUnit, tierAccess } from '../../core/policy.js';
import { DEFAULT_CONFIDENTIALITY } from '../../domain/confidentiality.js';
import { findUnit } from '../../core/tenancy.repo.js';
import { comparisonPeriod, computeIndicator } from '../problems/indicator.js';
import { assertPlacesExist, assertProblemsExist, problemIndicator } from '../problems/problems.service.js';
import {
  findComponent,
  findFollowup,
  findMeasure,
  hiddenProblemIds,
  insertComponents,
  insertFollowups,
  insertMeasure,
  listComponents,
  listMeasureRows,
  type MeasureRow,
  measureDetails,
  recordFollowupRow,
  replaceMeasureLinks,
  updateComponent,
  updateComponentStatus,
  updateMeasureRow,
} from './measures.repo.js';

const invalid = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ path, code, message }] });

async function checkRefs(
  ctx: ServiceContext,
  input: {
    responsible_unit_id?: string;
    contributing_unit_ids?: readonly string[];
    place_ids?: readonly string[];
    problem_ids?: readonly string[];
  },
) {
  const unitIds = [
    ...(input.responsible_unit_id ? [input.responsible_unit_id] : []),
    ...(input.contributing_unit_ids ?? []),
  ];
  const units = new Set(
    (await Promise.all(unitIds.map((id) => findUnit(ctx.db, ctx.organisation.id, id)))).flatMap((u) =>
      u ? [u.id] : [],
    ),
  );
  const missing = unitIds.filter((id) => !units.has(id));
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', {
      details: missing.map((id) => ({ path: 'unit', code: 'unknown_unit', message: `no unit ${id}` })),
    });
  await assertPlacesExist(ctx, input.place_ids ?? []);
  if (input.problem_ids) await assertProblemsExist(ctx, input.problem_ids);
}

/** Records a measure aimed at one or more problems, with components and planned follow-up dates. */
export async function createMeasure(ctx: ServiceContext, input: MeasureCreate): Promise<Measure> {
  await checkRefs(ctx, input);
  assertCanEditForUnit(ctx.principal, input.responsible_unit_id, 'measure');
  const id = await inTransaction(ctx.db, async (trx) => {
    const measureId = await insertMeasure(trx, {
      organisation_id: ctx.organisation.id,
      responsible_unit_id: input.responsible_unit_id,
      title: redactedText(input.title),
      description: input.description ? redactedText(input.description) : null,
      type: input.type,
      period_start: input.period_start ?? null,
      period_end: input.period_end ?? null,
      cost_estimate_sek: input.cost_estimate_sek ?? null,
      target_groups: { groups: input.target_groups },
      created_by: ctx.actor,
      confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY.measure,
    });
    await replaceMeasureLinks(trx, ctx.organisation.id, measureId, {
      problemIds: input.problem_ids,
      unitIds: input.contributing_unit_ids,
      placeIds: input.place_ids,
    });
    await insertComponents(
      trx,
      ctx.organisation.id,
      measureId,
      input.components.map((c) => ({
        title: redactedText(c.title),
        type: c.type,
        confidentiality: c.confidentiality ?? input.confidentiality ?? DEFAULT_CONFIDENTIALITY.measure_component,
      })),
    );
    await insertFollowups(trx, ctx.organisation.id, measureId, input.followup_dates);
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'create',
      entityType: 'measure',
      entityId: measureId,
      after: {
        responsible_unit_id: input.responsible_unit_id,
        problem_ids: input.problem_ids,
        type: input.type,
        components: input.components.length,
      },
      remoteAddress: ctx.remoteAddress,
    });
    return measureId;
  });
  return getMeasure(ctx, id);
}

async function measureRow(ctx: ServiceContext, id: string): Promise<MeasureRow> {
  const row = await findMeasure(ctx.db, ctx.organisation.id, id, tierAccess(ctx.principal));
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'measure', id } });
  return row;
}

/**
 * The measure, locked for the rest of the caller's transaction, once the caller may edit it (the responsible
 * unit's editors and coordinators, admins) and `expectedVersion` (If-Match), when given, is still current.
 * Every change of a measure, its components and follow-ups goes through here, so they happen one at a time.
 */
async function lockMeasure(ctx: ServiceContext, id: string, expectedVersion: number | undefined): Promise<MeasureRow> {
  return lockForChange(ctx.db, 'measures', 'measure', ctx.organisation.id, id, expectedVersion, async () => {
    const row = await measureRow(ctx, id);
    assertCanEditForUnit(ctx.principal, row.responsible_unit_id, 'measure');
    return row;
  });
}

/** One measure with problems, units, places, components and follow-ups. */
export async function getMeasure(ctx: ServiceContext, id: string): Promise<Measure> {
  return (await toMeasures(ctx, [await measureRow(ctx, id)]))[0]!;
}

/** Measures, newest first; `unit_id` finds those a unit runs or contributes to. */
export async function listMeasures(
  caller: ServiceContext,
  query: MeasureListQuery & { ids?: readonly string[] },
): Promise<Measure[]> {
  const ctx = heavyReadContext(caller);
  const rows = await listMeasureRows(
    ctx.db,
    ctx.organisation.id,
    {
      responsibleUnitId: query.responsible_unit_id,
      unitId: query.unit_id,
      problemId: query.problem_id,
      status: query.status,
      ...(query.ids ? { ids: query.ids } : {}),
    },
    tierAccess(ctx.principal),
  );
  return toMeasures(ctx, rows);
}

/**
 * Edits a measure; only the responsible unit's editors and coordinators (and admins), and handing it to
 * another unit needs the right to edit for that one too. Components with an id are edited, new ones appended.
 * With `expectedVersion` (If-Match) an edit of a measure someone else changed meanwhile is refused (CONFLICT).
 */
export async function updateMeasure(
  ctx: ServiceContext,
  id: string,
  input: MeasureUpdate,
  expectedVersion?: number,
): Promise<Measure> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    // References are checked once the caller may edit the measure: others learn nothing from a 422.
    const before = await lockMeasure(tx, id, expectedVersion);
    await checkRefs(tx, input);
    if (input.responsible_unit_id) assertCanEditForUnit(ctx.principal, input.responsible_unit_id, 'measure');
    const start = input.period_start !== undefined ? input.period_start : before.period_start;
    const end = input.period_end !== undefined ? input.period_end : before.period_end;
    if (start && end && end < start) throw invalid('period_end', 'period_order', 'period_end before period_start');
    const components = input.components ? await componentChanges(tx, id, input.components) : null;
    // A new list of problems replaces the old, except links the editor cannot see: they cannot have meant to drop them.
    const problemIds = input.problem_ids
      ? [...input.problem_ids, ...(await hiddenProblemIds(trx, id, tierAccess(ctx.principal)))]
      : undefined;
    await updateMeasureRow(trx, id, {
      ...(input.title ? { title: redactedText(input.title) } : {}),
      ...(input.description !== undefined
        ? { description: input.description ? redactedText(input.description) : null }
        : {}),
      ...(input.period_start !== undefined ? { period_start: input.period_start } : {}),
      ...(input.period_end !== undefined ? { period_end: input.period_end } : {}),
      ...(input.cost_estimate_sek !== undefined ? { cost_estimate_sek: input.cost_estimate_sek } : {}),
      ...(input.target_groups ? { target_groups: { groups: input.target_groups } } : {}),
      ...(input.confidentiality ? { confidentiality: input.confidentiality } : {}),
      ...(input.type ? { type: input.type } : {}),
      ...(input.responsible_unit_id ? { responsible_unit_id: input.responsible_unit_id } : {}),
    });
    await replaceMeasureLinks(trx, ctx.organisation.id, id, {
      problemIds,
      unitIds: input.contributing_unit_ids,
      placeIds: input.place_ids,
    });
    if (components) {
      for (const c of components.edited) await updateComponent(trx, c.id, c.change);
      await insertComponents(trx, ctx.organisation.id, id, components.added, components.nextPosition);
    }
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'measure',
      entityId: id,
      before: { responsible_unit_id: before.responsible_unit_id, type: before.type },
      after: {
        fields: Object.keys(input),
        ...(components
          ? { components_edited: components.edited.length, components_added: components.added.length }
          : {}),
      },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getMeasure(ctx, id);
}

/** Components split into edits of visible ones (else VALIDATION_FAILED) and additions numbered after the last. */
async function componentChanges(
  ctx: ServiceContext,
  measureId: string,
  rows: NonNullable<MeasureUpdate['components']>,
) {
  const existing = await listComponents(ctx.db, measureId);
  const visible = new Set(
    (await measureDetails(ctx.db, [measureId], tierAccess(ctx.principal))).components.map((c) => c.id),
  );
  const unknown = rows.flatMap((r, i) => (r.id && !visible.has(r.id) ? [i] : []));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', {
      details: unknown.map((i) => ({
        path: `components.${i}.id`,
        code: 'unknown_component',
        message: 'no such component of this measure',
      })),
    });
  const byId = new Map(existing.map((c) => [c.id, c]));
  return {
    edited: rows.flatMap((r) =>
      r.id
        ? [
            {
              id: r.id,
              change: {
                title: redactedText(r.title),
                type: r.type,
                confidentiality: r.confidentiality ?? byId.get(r.id)!.confidentiality,
              },
            },
          ]
        : [],
    ),
    added: rows
      .filter((r) => !r.id)
      .map((r) => ({
        title: redactedText(r.title),
        type: r.type,
        confidentiality: r.confidentiality ?? DEFAULT_CONFIDENTIALITY.measure_component,
      })),
    nextPosition: Math.max(0, ...existing.map((c) => c.position)) + 1,
  };
}

function assertTransition(entity: string, from: MeasureStatus, to: MeasureStatus): void {
  if (!MEASURE_TRANSITIONS[from].includes(to))
    throw new AppError('INVALID_TRANSITION', { details: { entity, from, to, allowed: MEASURE_TRANSITIONS[from] } });
}

/**
 * planned → ongoing → done, or stopped from planned/ongoing; anything else is INVALID_TRANSITION (409). The
 * transition is checked on the locked row, so of two concurrent changes (done and stopped) only one is made.
 */
export async function changeMeasureStatus(
  ctx: ServiceContext,
  id: string,
  status: MeasureStatus,
  expectedVersion?: number,
): Promise<Measure> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await lockMeasure({ ...ctx, db: trx }, id, expectedVersion);
    assertTransition('measure', before.status, status);
    await updateMeasureRow(trx, id, { status });
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'measure',
      entityId: id,
      before: { status: before.status },
      after: { status },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getMeasure(ctx, id);
}

/** A component moves through the same statuses as a measure, checked under the measure's lock. */
export async function changeComponentStatus(
  ctx: ServiceContext,
  id: string,
  componentId: string,
  status: MeasureStatus,
  expectedVersion?: number,
): Promise<Measure> {
  await inTransaction(ctx.db, async (trx) => {
    await lockMeasure({ ...ctx, db: trx }, id, expectedVersion);
    const component = await findComponent(trx, id, componentId);
    if (!component) throw new AppError('NOT_FOUND', { details: { entity: 'measure_component', id: componentId } });
    assertTransition('measure_component', component.status, status);
    await updateComponentStatus(trx, componentId, status);
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'measure_component',
      entityId: componentId,
      before: { status: component.status },
      after: { status },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getMeasure(ctx, id);
}

/** Plans one more follow-up date; a date the measure already has is a CONFLICT. */
export async function addFollowup(
  ctx: ServiceContext,
  id: string,
  dueDate: string,
  expectedVersion?: number,
): Promise<Measure> {
  await inTransaction(ctx.db, async (trx) => {
    await lockMeasure({ ...ctx, db: trx }, id, expectedVersion);
    if (!(await insertFollowups(trx, ctx.organisation.id, id, [dueDate])))
      throw new AppError('CONFLICT', {
        details: [{ path: 'due_date', code: 'duplicate', message: 'the measure already has a follow-up on that date' }],
      });
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'measure',
      entityId: id,
      after: { followup_added: dueDate },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getMeasure(ctx, id);
}

/**
 * Records a follow-up: what was done and the assessment, with the indicator computed now from incidents
 * — the first of the measure's problems that has a baseline, over a period as long as the baseline that
 * ends on the due date (or today, if recorded early). Recording twice is a CONFLICT, also when two people
 * record it at the same moment (checked under the measure's lock).
 */
export async function recordFollowup(
  ctx: ServiceContext,
  id: string,
  followupId: string,
  input: FollowupRecord,
  expectedVersion?: number,
): Promise<Measure> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    await lockMeasure(tx, id, expectedVersion);
    const followup = await findFollowup(trx, id, followupId);
    if (!followup) throw new AppError('NOT_FOUND', { details: { entity: 'measure_followup', id: followupId } });
    if (followup.recorded_at)
      throw new AppError('CONFLICT', {
        details: { entity: 'measure_followup', id: followupId, reason: 'already recorded' },
      });
    const day = today(ctx.organisation.timeZone);
    // biome-ignore lint/complexity/useMathMinMax: the earlier of two 'YYYY-MM-DD' strings, which Math.min cannot compare
    const indicator = await followupIndicator(tx, id, followup.due_date < day ? followup.due_date : day);
    await recordFollowupRow(trx, followupId, {
      recorded_at: new Date(),
      recorded_by: ctx.actor,
      what_was_done: redactedText(input.what_was_done),
      assessment: input.assessment,
      indicator_problem_id: indicator?.problem_id ?? null,
      indicator_from: indicator?.from ?? null,
      indicator_to: indicator?.to ?? null,
      indicator_value: indicator?.value ?? null,
      baseline_value: indicator?.baseline ?? null,
    });
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'measure_followup',
      entityId: followupId,
      after: { assessment: input.assessment, indicator },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getMeasure(ctx, id);
}

async function followupIndicator(ctx: ServiceContext, measureId: string, endDay: string) {
  const { problems } = await measureDetails(ctx.db, [measureId]);
  const first = problems.find((p) => p.baseline_value !== null);
  if (!first) return null;
  const def = await problemIndicator(ctx, first.id);
  if (!def.baseline) return null;
  const period = comparisonPeriod(def.baseline.from, def.baseline.to, endDay);
  return {
    problem_id: first.id,
    ...period,
    value: await computeIndicator(ctx, def, period.from, period.to),
    baseline: def.baseline.value,
  };
}

async function toMeasures(ctx: ServiceContext, rows: readonly MeasureRow[]): Promise<Measure[]> {
  const d = await measureDetails(
    ctx.db,
    rows.map((r) => r.id),
    tierAccess(ctx.principal),
  );
  const day = today(ctx.organisation.timeZone);
  const { shown } = freeTextGate(ctx.principal);
  return rows.map((r): Measure => {
    const problems = d.problems.filter((p) => p.measure_id === r.id);
    return shown('measure', {
      id: r.id,
      title: r.title,
      description: r.description,
      type: r.type,
      status: r.status,
      responsible_unit: { id: r.responsible_unit_id, name: r.responsible_unit_name },
      contributing_units: d.units.filter((u) => u.measure_id === r.id).map((u) => ({ id: u.id, name: u.name })),
      problems: problems.map((p) =>
        shown('problem', { id: p.id, title: p.title, owner_unit_id: p.owner_unit_id, area_id: p.area_id }),
      ),
      places: d.places.filter((p) => p.measure_id === r.id).map(({ measure_id: _, ...p }) => p),
      period_start: r.period_start,
      period_end: r.period_end,
      cost_estimate_sek: r.cost_estimate_sek,
      target_groups: r.target_groups.groups as Measure['target_groups'],
      components: d.components
        .filter((c) => c.measure_id === r.id)
        .map(({ measure_id: _, ...c }) => shown('measure_component', c)),
      followups: d.followups
        .filter((f) => f.measure_id === r.id)
        .map((f) =>
          shown('followup', {
            id: f.id,
            due_date: f.due_date,
            recorded_at: f.recorded_at ? new Date(f.recorded_at).toISOString() : null,
            what_was_done: f.what_was_done,
            assessment: f.assessment,
            indicator:
              f.indicator_problem_id &&
              f.indicator_from &&
              f.indicator_to &&
              f.indicator_value !== null &&
              f.baseline_value !== null
                ? {
                    problem_id: f.indicator_problem_id,
                    from: f.indicator_from,
                    to: f.indicator_to,
                    value: f.indicator_value,
                    baseline: f.baseline_value,
                    direction: f.indicator_direction ?? 'lower',
                  }
                : null,
            overdue: !f.recorded_at && f.due_date < day && r.status !== 'stopped',
          }),
        ),
      has_indicator: problems.some((p) => p.baseline_value !== null),
      confidentiality: r.confidentiality,
      version: r.version,
    });
  });
}
