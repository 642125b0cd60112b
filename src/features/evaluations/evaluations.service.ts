import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { canEditForUnit, checkPolicy } from '../../core/policy.js';
import { findCategoriesByCode } from '../../core/tenancy.repo.js';
import { lockForChange } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { redactedText } from '../../analysis/text/redact.js';
import { addDays } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import { designIssues, type Evaluation, type EvaluationDesign } from '../../domain/evaluations.js';
import { coordinatesUnit } from '../../domain/policies.js';
import { getMeasure } from '../measures/measures.service.js';
import {
  findAreas,
  findEvaluation,
  findPlaces,
  insertEvaluation,
  listEvaluationCategories,
  listEvaluationRows,
  listSites,
  replaceDesignLinks,
  type SiteInput,
  updateEvaluationRow,
} from './evaluations.repo.js';

type EvaluationRow = NonNullable<Awaited<ReturnType<typeof findEvaluation>>>;

const notFound = (id: string) => new AppError('NOT_FOUND', { details: { entity: 'evaluation', id } });

/** Whether the caller reads drafts (staff), or only published evaluations (the public). */
function readsDrafts(ctx: ServiceContext): boolean {
  return checkPolicy(ctx.principal, 'evaluations:read') === 'ok';
}

/**
 * The row rule of an evaluation: the editors and coordinators of the measure's responsible unit, and the
 * coordinators of its contributing units and of its problems' owner districts (the district that carries
 * the local work), and admins.
 */
async function mayEdit(ctx: ServiceContext, measureId: string): Promise<boolean> {
  if (ctx.principal.kind === 'system') return true;
  if (checkPolicy(ctx.principal, 'evaluations:write') !== 'ok') return false;
  const measure = await getMeasure(ctx, measureId);
  if (canEditForUnit(ctx.principal, measure.responsible_unit.id)) return true;
  const memberships =
    ctx.principal.kind === 'user' ? ctx.principal.memberships.map((m) => ({ role: m.role, unit: m.unitId })) : [];
  const units = [...measure.contributing_units.map((u) => u.id), ...measure.problems.map((p) => p.owner_unit_id)];
  return units.some((u) => coordinatesUnit(memberships, u));
}

async function assertMayEdit(ctx: ServiceContext, measureId: string): Promise<void> {
  if (!(await mayEdit(ctx, measureId)))
    throw new AppError('FORBIDDEN', {
      details: { reason: "not an editor of the measure's unit or a coordinator of its district (evaluation)" },
    });
}

/** Checks the design as a whole and its references; returns the stored form of its sites and categories. */
async function checkedDesign(
  ctx: ServiceContext,
  design: EvaluationDesign,
): Promise<{ sites: SiteInput[]; categoryIds: string[] }> {
  const issues = designIssues(design);
  if (issues.length) throw new AppError('VALIDATION_FAILED', { details: issues });
  const placeIds = [...new Set([...design.treatment.place_ids, ...design.comparison.place_ids])];
  const areaIds = [
    ...new Set([...design.treatment.area_ids, ...design.comparison.area_ids, ...design.buffer.area_ids]),
  ];
  const codes = [...new Set(design.categories)];
  const [places, areas, categories] = await Promise.all([
    findPlaces(ctx.db, ctx.organisation.id, placeIds),
    findAreas(ctx.db, ctx.organisation.id, areaIds),
    findCategoriesByCode(ctx.db, ctx.organisation.id, codes),
  ]);
  const known = new Set([...places.map((p) => p.id), ...areas.map((a) => a.id)]);
  const knownCodes = new Set(categories.map((c) => c.code));
  const details = [
    ...placeIds
      .filter((id) => !known.has(id))
      .map((id) => ({ path: 'place_ids', code: 'unknown_place', message: `no place ${id}` })),
    ...areaIds
      .filter((id) => !known.has(id))
      .map((id) => ({ path: 'area_ids', code: 'unknown_area', message: `no area ${id}` })),
    ...codes
      .filter((c) => !knownCodes.has(c))
      .map((c) => ({ path: 'categories', code: 'unknown_category', message: `unknown category '${c}'` })),
  ];
  if (details.length) throw new AppError('VALIDATION_FAILED', { details });
  const sites: SiteInput[] = [
    ...design.treatment.place_ids.map((id) => ({ role: 'treatment' as const, place_id: id })),
    ...design.treatment.area_ids.map((id) => ({ role: 'treatment' as const, area_id: id })),
    ...design.comparison.place_ids.map((id) => ({ role: 'comparison' as const, place_id: id })),
    ...design.comparison.area_ids.map((id) => ({ role: 'comparison' as const, area_id: id })),
    ...design.buffer.area_ids.map((id) => ({ role: 'buffer' as const, area_id: id })),
  ];
  return { sites, categoryIds: categories.map((c) => c.id) };
}

function rowValues(design: EvaluationDesign) {
  return {
    title: redactedText(design.title),
    status: design.status,
    before_from: design.before.from,
    before_to: design.before.to,
    after_from: design.after.from,
    after_to: design.after.to,
    buffer_metres: design.buffer.metres,
    conclusion: design.conclusion ? redactedText(design.conclusion) : null,
  };
}

/** What the audit log keeps of a design: its choices, never its free text. */
function auditedDesign(design: EvaluationDesign) {
  return {
    status: design.status,
    treatment: design.treatment,
    comparison: design.comparison,
    buffer: design.buffer,
    before: design.before,
    after: design.after,
    categories: design.categories,
    conclusion: design.conclusion ? '[changed]' : null,
  };
}

/** Attaches an evaluation design to a measure. */
export async function createEvaluation(
  ctx: ServiceContext,
  measureId: string,
  design: EvaluationDesign,
): Promise<Evaluation> {
  await assertMayEdit(ctx, measureId);
  const { sites, categoryIds } = await checkedDesign(ctx, design);
  const id = await inTransaction(ctx.db, async (trx) => {
    const evaluationId = await insertEvaluation(trx, {
      organisation_id: ctx.organisation.id,
      measure_id: measureId,
      created_by: ctx.actor,
      ...rowValues(design),
    });
    await replaceDesignLinks(trx, ctx.organisation.id, evaluationId, sites, categoryIds);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'evaluation',
      entityId: evaluationId,
      after: { measure_id: measureId, ...auditedDesign(design) },
    });
    return evaluationId;
  });
  return getEvaluation(ctx, id);
}

/**
 * Replaces an evaluation's design (the whole form is sent, as the evaluator sees it). `expectedVersion`: the
 * version the form was filled from (If-Match); a design changed by someone else since is refused (409).
 */
export async function updateEvaluation(
  ctx: ServiceContext,
  id: string,
  design: EvaluationDesign,
  expectedVersion?: number,
): Promise<Evaluation> {
  const row = await findEvaluation(ctx.db, ctx.organisation.id, id);
  if (!row || !readsDrafts(ctx)) throw notFound(id);
  await assertMayEdit(ctx, row.measure_id);
  const { sites, categoryIds } = await checkedDesign(ctx, design);
  const before = (await toEvaluations(ctx, [row], false))[0]!;
  await inTransaction(ctx.db, async (trx) => {
    await lockForChange(trx, 'evaluations', 'evaluation', ctx.organisation.id, id, expectedVersion, async () => {
      const locked = await findEvaluation(trx, ctx.organisation.id, id);
      if (!locked) throw notFound(id);
      return locked;
    });
    await updateEvaluationRow(trx, ctx.organisation.id, id, rowValues(design));
    await replaceDesignLinks(trx, ctx.organisation.id, id, sites, categoryIds);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'evaluation',
      entityId: id,
      before: {
        status: before.status,
        treatment: sitesOf(before.treatment),
        comparison: sitesOf(before.comparison),
        buffer: { metres: before.buffer.metres, area_ids: before.buffer.areas.map((a) => a.id) },
        before: before.before,
        after: before.after,
        categories: before.categories.map((c) => c.code),
      },
      after: auditedDesign(design),
    });
  });
  return getEvaluation(ctx, id);
}

function sitesOf(s: Evaluation['treatment']) {
  return { place_ids: s.places.map((p) => p.id), area_ids: s.areas.map((a) => a.id) };
}

/** The stored evaluation row, if the caller may see it (drafts only for staff). */
export async function readableEvaluation(ctx: ServiceContext, id: string): Promise<EvaluationRow> {
  const row = await findEvaluation(ctx.db, ctx.organisation.id, id);
  if (!row || (row.status === 'draft' && !readsDrafts(ctx))) throw notFound(id);
  return row;
}

/** One evaluation; a draft is not found for those outside the staff. */
export async function getEvaluation(ctx: ServiceContext, id: string): Promise<Evaluation> {
  const row = await readableEvaluation(ctx, id);
  return (await toEvaluations(ctx, [row], true))[0]!;
}

/** A measure's evaluations, oldest first (published ones only for the public). */
export async function listEvaluations(ctx: ServiceContext, measureId: string): Promise<Evaluation[]> {
  const rows = await listEvaluationRows(ctx.db, ctx.organisation.id, measureId, !readsDrafts(ctx));
  return toEvaluations(ctx, rows, true);
}

async function toEvaluations(
  ctx: ServiceContext,
  rows: readonly EvaluationRow[],
  withEditRight: boolean,
): Promise<Evaluation[]> {
  const ids = rows.map((r) => r.id);
  const [sites, categories] = await Promise.all([listSites(ctx.db, ids), listEvaluationCategories(ctx.db, ids)]);
  const editable = new Map<string, boolean>();
  if (withEditRight)
    for (const measureId of new Set(rows.map((r) => r.measure_id)))
      editable.set(measureId, readsDrafts(ctx) && (await mayEdit(ctx, measureId)));
  return rows.map((r) => {
    const mine = sites.filter((s) => s.evaluation_id === r.id);
    const sitesIn = (role: string) => ({
      places: mine
        .filter((s) => s.role === role && s.place_id)
        .map((s) => ({
          id: s.place_id!,
          name: s.place_name ?? '',
          type: s.type ?? '',
          setting: s.setting ?? 'indoor',
          lon: s.lon ?? 0,
          lat: s.lat ?? 0,
        })),
      areas: mine.filter((s) => s.role === role && s.area_id).map((s) => ({ id: s.area_id!, name: s.area_name ?? '' })),
    });
    const gapFrom = addDays(r.before_to, 1);
    const gapTo = addDays(r.after_from, -1);
    return {
      id: r.id,
      measure_id: r.measure_id,
      title: r.title,
      status: r.status,
      treatment: sitesIn('treatment'),
      comparison: sitesIn('comparison'),
      buffer: { metres: r.buffer_metres, areas: sitesIn('buffer').areas },
      before: { from: r.before_from, to: r.before_to },
      after: { from: r.after_from, to: r.after_to },
      implementation: gapFrom <= gapTo ? { from: gapFrom, to: gapTo } : null,
      categories: categories
        .filter((c) => c.evaluation_id === r.id)
        .map((c) => ({ code: c.code, label_sv: c.label_sv, label_en: c.label_en })),
      conclusion: r.conclusion,
      can_edit: editable.get(r.measure_id) ?? false,
      updated_at: new Date(r.updated_at).toISOString(),
      version: r.version,
    };
  });
}
