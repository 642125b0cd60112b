import { redactedText } from '../../analysis/text/redact.js';
import { lockForChange } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import {
  type BaselineInput,
  type EvidenceInput,
  type Problem,
  type ProblemCreate,
  type ProblemListQuery,
  type ProblemUpdate,
  stageAllowed,
} from '../../domain/problems.js';
import { heavyReadContext, type ServiceContext } from '../../core/context.js';
import { recordAudit } from '../../core/audit.repo.js';
import { cachedProgramme } from '../../core/programme-cache.js';
import { freeTextGate } from '../auth/free-text.js';
import { assertCanEditForUnit, tierAccess } from '../../core/policy.js';
import { DEFAULT_CONFIDENTIALITY } from '../../domain/confidentiality.js';
import { findArea, findCategoriesByCode, findUnit } from '../../core/tenancy.repo.js';
import { findSurveyEvidence } from '../surveys/surveys.service.js';
import { computeIndicator, type IndicatorDefinition } from './indicator.js';
import {
  deleteEvidence,
  findHotspotEvidence,
  findPlacesById,
  findProblem,
  insertEvidence,
  insertProblem,
  insertProblemLinks,
  listProblemRows,
  problemDetails,
  type ProblemRow,
  replaceProblemLinks,
  updateProblemRow,
} from './problems.repo.js';

const invalid = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ path, code, message }] });

function evidenceRow(ctx: ServiceContext, problemId: string, e: EvidenceInput) {
  return {
    organisation_id: ctx.organisation.id,
    problem_id: problemId,
    kind: e.kind,
    created_by: ctx.actor,
    ref: 'ref' in e ? e.ref : null,
    filter: 'filter' in e ? (e.filter as Record<string, unknown>) : null,
    note: e.note ? redactedText(e.note) : null,
  };
}

/** Throws VALIDATION_FAILED unless every survey item names a question and area of the organisation. */
async function assertSurveyItemsExist(
  ctx: ServiceContext,
  evidence: readonly EvidenceInput[],
  pathOf: (index: number) => string,
) {
  for (const [i, e] of evidence.entries()) {
    if (e.kind === 'survey_item' && !(await findSurveyEvidence(ctx, e.ref, e.filter.survey_area_id)))
      throw invalid(pathOf(i), 'unknown_survey_item', 'no such survey question and area');
  }
}

async function categoryIds(ctx: ServiceContext, codes: readonly string[]): Promise<string[]> {
  const found = await findCategoriesByCode(ctx.db, ctx.organisation.id, codes);
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length)
    throw new AppError('UNKNOWN_CATEGORY', {
      details: missing.map((c) => ({
        path: 'categories',
        code: 'unknown_category',
        message: `unknown category '${c}'`,
      })),
    });
  return found.map((f) => f.id);
}

/** Records an identified problem with its places, categories, evidence and (optionally) a computed baseline. */
export async function createProblem(ctx: ServiceContext, input: ProblemCreate): Promise<Problem> {
  const org = ctx.organisation.id;
  if (!(await findUnit(ctx.db, org, input.owner_unit_id)))
    throw invalid('owner_unit_id', 'unknown_unit', 'no such unit');
  assertCanEditForUnit(ctx.principal, input.owner_unit_id, 'problem');
  if (input.area_id && !(await findArea(ctx.db, org, input.area_id)))
    throw invalid('area_id', 'unknown_area', 'no such area');
  await assertPlacesExist(ctx, input.place_ids);
  await assertSurveyItemsExist(ctx, input.evidence, (i) => `evidence.${i}.ref`);
  const categories = await categoryIds(ctx, input.categories);
  const def: IndicatorDefinition = {
    categories: input.categories,
    areaId: input.area_id ?? null,
    placeIds: input.place_ids,
  };
  const baseline = input.baseline ? await computeIndicator(ctx, def, input.baseline.from, input.baseline.to) : null;
  const id = await inTransaction(ctx.db, async (trx) => {
    const problemId = await insertProblem(trx, {
      organisation_id: org,
      owner_unit_id: input.owner_unit_id,
      area_id: input.area_id ?? null,
      title: redactedText(input.title),
      statement: redactedText(input.statement),
      time_pattern: input.time_pattern ? redactedText(input.time_pattern) : null,
      affected: { groups: input.affected },
      created_by: ctx.actor,
      baseline_from: input.baseline?.from ?? null,
      baseline_to: input.baseline?.to ?? null,
      baseline_value: baseline,
      target_value: input.baseline?.target_value ?? null,
      ...(input.baseline ? { indicator_direction: input.baseline.direction } : {}),
      confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY.problem,
    });
    await insertProblemLinks(trx, ctx.organisation.id, problemId, categories, [...new Set(input.place_ids)]);
    await insertEvidence(
      trx,
      input.evidence.map((e) => evidenceRow(ctx, problemId, e)),
    );
    await recordAudit(trx, {
      organisationId: org,
      actor: ctx.actor,
      action: 'create',
      entityType: 'problem',
      entityId: problemId,
      after: {
        owner_unit_id: input.owner_unit_id,
        area_id: input.area_id ?? null,
        categories: input.categories,
        evidence: input.evidence.length,
        baseline,
      },
      remoteAddress: ctx.remoteAddress,
    });
    return problemId;
  });
  return getProblem(ctx, id);
}

async function problemRow(ctx: ServiceContext, id: string): Promise<ProblemRow> {
  // Reported as absent when the caller may not see its tier: the existence of a restricted record is itself sensitive.
  const row = await findProblem(ctx.db, ctx.organisation.id, id, tierAccess(ctx.principal));
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'problem', id } });
  return row;
}

/**
 * The problem, locked for the rest of the caller's transaction, once the caller may edit it (the owner unit's
 * editors and coordinators, admins) and `expectedVersion` (If-Match), when given, is still current.
 */
async function lockProblem(ctx: ServiceContext, id: string, expectedVersion: number | undefined): Promise<ProblemRow> {
  return lockForChange(ctx.db, 'problems', 'problem', ctx.organisation.id, id, expectedVersion, async () => {
    const row = await problemRow(ctx, id);
    assertCanEditForUnit(ctx.principal, row.owner_unit_id, 'problem');
    return row;
  });
}

/** One problem with evidence (incident filters counted now), baseline and the measures aimed at it. */
export async function getProblem(ctx: ServiceContext, id: string): Promise<Problem> {
  const [problem] = await toProblems(ctx, [await problemRow(ctx, id)]);
  return problem!;
}

/**
 * Problems, newest first. Cached under the programme's data versions (`cachedProgramme`): the evidence's
 * incident counts change only when an incident is written, and every write bumps a version the key holds.
 */
export async function listProblems(
  caller: ServiceContext,
  query: ProblemListQuery & { ids?: readonly string[] },
): Promise<Problem[]> {
  const ctx = heavyReadContext(caller);
  const name = `problems|${query.owner_unit_id ?? ''}|${query.area_id ?? ''}|${query.stage ?? ''}|${query.ids?.join(',') ?? '*'}`;
  return cachedProgramme(ctx, name, async () =>
    toProblems(
      ctx,
      await listProblemRows(
        ctx.db,
        ctx.organisation.id,
        {
          ownerUnitId: query.owner_unit_id,
          areaId: query.area_id,
          stage: query.stage,
          ...(query.ids ? { ids: query.ids } : {}),
        },
        tierAccess(ctx.principal),
      ),
    ),
  );
}

/**
 * Edits a problem's text, affected groups, target, where and what, or SARA stage (one step at a time, else
 * INVALID_TRANSITION). A new area, places or categories recompute the baseline over its period: the value
 * always counts what the problem now describes. With `expectedVersion` (If-Match) an edit of a problem
 * someone else changed meanwhile is refused (CONFLICT).
 */
export async function updateProblem(
  ctx: ServiceContext,
  id: string,
  input: ProblemUpdate,
  expectedVersion?: number,
): Promise<Problem> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await lockProblem({ ...ctx, db: trx }, id, expectedVersion);
    if (input.stage && input.stage !== before.stage && !stageAllowed(before.stage, input.stage)) {
      throw new AppError('INVALID_TRANSITION', { details: { entity: 'problem', from: before.stage, to: input.stage } });
    }
    const where = await changedDefinition({ ...ctx, db: trx }, before, input);
    await updateProblemRow(trx, id, {
      ...(input.title ? { title: redactedText(input.title) } : {}),
      ...(input.statement ? { statement: redactedText(input.statement) } : {}),
      ...(input.time_pattern !== undefined
        ? { time_pattern: input.time_pattern ? redactedText(input.time_pattern) : null }
        : {}),
      ...(input.affected ? { affected: { groups: input.affected } } : {}),
      ...(input.stage ? { stage: input.stage } : {}),
      ...(input.confidentiality ? { confidentiality: input.confidentiality } : {}),
      ...(input.area_id !== undefined ? { area_id: input.area_id } : {}),
      ...(input.target_value !== undefined ? { target_value: input.target_value } : {}),
      ...(input.indicator_direction ? { indicator_direction: input.indicator_direction } : {}),
      ...(where?.baseline !== undefined ? { baseline_value: where.baseline } : {}),
    });
    if (where)
      await replaceProblemLinks(trx, ctx.organisation.id, id, {
        ...(where.categoryIds ? { categoryIds: where.categoryIds } : {}),
        ...(input.place_ids ? { placeIds: input.place_ids } : {}),
      });
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'problem',
      entityId: id,
      before: {
        stage: before.stage,
        confidentiality: before.confidentiality,
        ...(where?.baseline !== undefined ? { baseline_value: before.baseline_value } : {}),
      },
      after: {
        ...input,
        ...(input.statement ? { statement: '[changed]' } : {}),
        ...(where?.baseline !== undefined ? { baseline_value: where.baseline } : {}),
      },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getProblem(ctx, id);
}

/**
 * For an edit of the area, places or categories: the checked references, and the baseline recomputed over
 * its period (undefined when the problem has none). Null when the edit leaves the definition alone.
 */
async function changedDefinition(ctx: ServiceContext, before: ProblemRow, input: ProblemUpdate) {
  if (input.area_id === undefined && !input.place_ids && !input.categories) return null;
  if (input.area_id && !(await findArea(ctx.db, ctx.organisation.id, input.area_id)))
    throw invalid('area_id', 'unknown_area', 'no such area');
  if (input.place_ids) await assertPlacesExist(ctx, input.place_ids);
  const categoryIdList = input.categories ? await categoryIds(ctx, input.categories) : undefined;
  const current = await problemIndicator(ctx, before.id);
  const def: IndicatorDefinition = {
    categories: input.categories ?? current.categories,
    areaId: input.area_id !== undefined ? input.area_id : current.areaId,
    placeIds: input.place_ids ?? current.placeIds,
  };
  if (!def.areaId && def.placeIds.length === 0)
    throw invalid('area_id', 'area_or_place', 'an area or at least one place');
  const baseline = current.baseline
    ? await computeIndicator(ctx, def, current.baseline.from, current.baseline.to)
    : undefined;
  return { categoryIds: categoryIdList, baseline };
}

/** Unlinks one piece of evidence (e.g. a note that turned out wrong); 404 when the problem has no such link. */
export async function removeEvidence(
  ctx: ServiceContext,
  id: string,
  evidenceId: string,
  expectedVersion?: number,
): Promise<Problem> {
  await inTransaction(ctx.db, async (trx) => {
    await lockProblem({ ...ctx, db: trx }, id, expectedVersion);
    const removed = await deleteEvidence(trx, id, evidenceId);
    if (!removed) throw new AppError('NOT_FOUND', { details: { entity: 'problem_evidence', id: evidenceId } });
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'problem',
      entityId: id,
      before: { evidence: { id: removed.id, kind: removed.kind, ref: removed.ref } },
      after: { evidence_removed: removed.id },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getProblem(ctx, id);
}

/**
 * Links more evidence to a problem. The same hotspot cell and week twice is refused (409): it would count the
 * one finding as two; the cell flagged again in another week is new evidence.
 */
export async function addEvidence(
  ctx: ServiceContext,
  id: string,
  input: EvidenceInput,
  expectedVersion?: number,
): Promise<Problem> {
  await assertSurveyItemsExist(ctx, [input], () => 'ref');
  await inTransaction(ctx.db, async (trx) => {
    await lockProblem({ ...ctx, db: trx }, id, expectedVersion);
    if (
      input.kind === 'hotspot' &&
      (await findHotspotEvidence(trx, id, input.ref)).some((e) => e.filter?.week === input.filter.week)
    ) {
      throw new AppError('CONFLICT', {
        messages: {
          sv: 'Hotspoten från den veckan är redan underlag för problemet.',
          en: 'The hotspot of that week is already evidence for the problem.',
        },
        details: [
          {
            path: 'ref',
            code: 'duplicate_evidence',
            message: `cell ${input.ref} of week ${input.filter.week} is already linked`,
          },
        ],
      });
    }
    await insertEvidence(trx, [evidenceRow(ctx, id, input)]);
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'problem',
      entityId: id,
      after: { evidence_added: input.kind },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getProblem(ctx, id);
}

/** The problem's indicator definition (its categories, places or area). */
export async function problemIndicator(
  ctx: ServiceContext,
  id: string,
): Promise<
  IndicatorDefinition & { baseline: { from: string; to: string; value: number } | null; target: number | null }
> {
  const row = await problemRow(ctx, id);
  const details = await problemDetails(ctx.db, [id]);
  return {
    categories: details.categories.map((c) => c.code),
    areaId: row.area_id,
    placeIds: details.places.map((p) => p.id),
    baseline:
      row.baseline_from && row.baseline_to && row.baseline_value !== null
        ? { from: row.baseline_from, to: row.baseline_to, value: row.baseline_value }
        : null,
    target: row.target_value,
  };
}

/** Sets (or resets) the baseline period; the value is computed from incidents now. */
export async function setBaseline(
  ctx: ServiceContext,
  id: string,
  input: BaselineInput,
  expectedVersion?: number,
): Promise<Problem> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const before = await lockProblem(tx, id, expectedVersion);
    const value = await computeIndicator(tx, await problemIndicator(tx, id), input.from, input.to);
    await updateProblemRow(trx, id, {
      baseline_from: input.from,
      baseline_to: input.to,
      baseline_value: value,
      target_value: input.target_value ?? before.target_value,
    });
    await recordAudit(trx, {
      organisationId: ctx.organisation.id,
      actor: ctx.actor,
      action: 'update',
      entityType: 'problem',
      entityId: id,
      before: { baseline_value: before.baseline_value },
      after: { baseline_from: input.from, baseline_to: input.to, baseline_value: value },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return getProblem(ctx, id);
}

async function toProblems(ctx: ServiceContext, rows: readonly ProblemRow[]): Promise<Problem[]> {
  const d = await problemDetails(
    ctx.db,
    rows.map((r) => r.id),
  );
  const { shown } = freeTextGate(ctx.principal);
  return Promise.all(
    rows.map(async (r): Promise<Problem> => {
      const categories = d.categories.filter((c) => c.problem_id === r.id).map((c) => c.code);
      const places = d.places.filter((p) => p.problem_id === r.id).map(({ problem_id: _, ...p }) => p);
      const evidence = await Promise.all(
        d.evidence
          .filter((e) => e.problem_id === r.id)
          .map(async (e) =>
            shown('evidence', {
              id: e.id,
              kind: e.kind,
              ref: e.ref,
              filter: e.filter,
              note: e.note,
              created_at: new Date(e.created_at).toISOString(),
              incident_count:
                e.kind === 'incident_filter' && e.filter
                  ? await computeIndicator(
                      ctx,
                      {
                        categories: (e.filter.category as string[] | undefined) ?? categories,
                        areaId: (e.filter.area_id as string | undefined) ?? null,
                        placeIds: e.filter.place_id ? [e.filter.place_id as string] : [],
                      },
                      (e.filter.from as string | undefined) ?? '2000-01-01',
                      (e.filter.to as string | undefined) ?? '2100-01-01',
                    )
                  : null,
              survey:
                e.kind === 'survey_item' && e.ref && typeof e.filter?.survey_area_id === 'string'
                  ? await findSurveyEvidence(ctx, e.ref, e.filter.survey_area_id)
                  : null,
            }),
          ),
      );
      const baseline =
        r.baseline_from && r.baseline_to && r.baseline_value !== null
          ? { from: r.baseline_from, to: r.baseline_to, value: r.baseline_value }
          : null;
      const where = places.length ? places.map((p) => p.name).join(', ') : (r.area_name ?? '');
      return shown('problem', {
        id: r.id,
        owner_unit: { id: r.owner_unit_id, name: r.owner_unit_name },
        area: r.area_id ? { id: r.area_id, name: r.area_name ?? '' } : null,
        places,
        title: r.title,
        statement: r.statement,
        stage: r.stage,
        categories,
        time_pattern: r.time_pattern,
        affected: r.affected.groups as Problem['affected'],
        baseline,
        target_value: r.target_value,
        indicator_direction: r.indicator_direction,
        baseline_label: baseline
          ? `${categories.join(', ')} at ${where}, ${baseline.from} – ${baseline.to}: ${baseline.value}`
          : null,
        evidence,
        measure_ids: d.measures.filter((m) => m.problem_id === r.id).map((m) => m.id),
        created_at: new Date(r.created_at).toISOString(),
        confidentiality: r.confidentiality,
        version: r.version,
      });
    }),
  );
}

/** Throws VALIDATION_FAILED at `path` unless every id is a problem of the organisation. */
export async function assertProblemsExist(
  ctx: ServiceContext,
  ids: readonly string[],
  path = 'problem_ids',
): Promise<void> {
  const found = new Set(
    (await listProblemRows(ctx.db, ctx.organisation.id, { ids: [...new Set(ids)] })).map((r) => r.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', {
      details: missing.map((id) => ({ path, code: 'unknown_problem', message: `no problem ${id}` })),
    });
}

/** Throws VALIDATION_FAILED unless every id is a place of the organisation. */
export async function assertPlacesExist(ctx: ServiceContext, ids: readonly string[]): Promise<void> {
  const found = new Set((await findPlacesById(ctx.db, ctx.organisation.id, ids)).map((p) => p.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', {
      details: missing.map((id) => ({ path: 'place_ids', code: 'unknown_place', message: `no place ${id}` })),
    });
}
