import { isoWeekOfDate } from '../../domain/calendar/index.js';
import { lockForChange } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type {
  Annotation,
  AnnotationInput,
  AnnotationUpdate,
  RatingConfirm,
  RatingThresholds,
  RatingThresholdsInput,
  SituationReport,
} from '../../domain/situation.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { freeTextGate } from '../auth/free-text.js';
import { findArea } from '../../core/tenancy.repo.js';
import {
  deleteAnnotationRow,
  findAnnotation,
  insertAnnotation,
  listAnnotations as listAnnotationRows,
  updateAnnotationRow,
  upsertRating,
  upsertThresholds,
} from './ratings.repo.js';
import { bumpDataVersion } from './situation.repo.js';
import { assertCanWriteScope } from './situation.policy.js';
import { getThresholds, sharedSituationReport, situationScope } from './situation.service.js';

/** Every write here changes what reports show: bump their cache version in the same transaction. */
const SITUATION = 'situation';

async function districtScope(ctx: ServiceContext, areaId: string) {
  const scope = await situationScope(ctx, areaId);
  if (scope.kind !== 'district')
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'area_id', code: 'not_a_district', message: 'a district is needed' }],
    });
  return scope;
}

/** The rating thresholds of a district (its own, or the documented defaults). */
export async function getDistrictThresholds(ctx: ServiceContext, areaId: string): Promise<RatingThresholds> {
  const scope = await districtScope(ctx, areaId);
  return getThresholds(ctx, scope.code);
}

/** Sets a district's thresholds (its coordinators, admins). Audited. */
export async function setDistrictThresholds(
  ctx: ServiceContext,
  areaId: string,
  input: RatingThresholdsInput,
): Promise<RatingThresholds> {
  const scope = await districtScope(ctx, areaId);
  assertCanWriteScope(ctx.principal, scope.ownerUnitId, 'thresholds');
  const before = await getThresholds(ctx, scope.code);
  await inTransaction(ctx.db, async (trx) => {
    await upsertThresholds(trx, {
      organisation_id: ctx.organisation.id,
      district_code: scope.code,
      ...input,
      updated_by: ctx.actor,
    });
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'rating_thresholds',
      entityId: scope.code,
      before: { ...before },
      after: { ...input },
    });
  });
  return getThresholds(ctx, scope.code);
}

/**
 * The coordinator confirms (or changes) the week's proposed ratings; the proposal is stored beside the
 * confirmed level so later weeks can see where people disagreed with the data.
 */
export async function confirmRatings(
  ctx: ServiceContext,
  areaId: string,
  input: RatingConfirm,
): Promise<SituationReport['neighbourhoods']> {
  const scope = await districtScope(ctx, areaId);
  assertCanWriteScope(ctx.principal, scope.ownerUnitId, 'ratings');
  // The neighbourhoods' figures are the same for every caller: the shared report, without the per-caller filter.
  const { report } = await sharedSituationReport(ctx, { area_id: areaId, week: input.week });
  const rows = new Map(report.neighbourhoods.map((n) => [n.code, n]));
  const unknown = input.ratings.filter((r) => !rows.has(r.neighbourhood_code));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', {
      details: unknown.map((r) => ({
        path: 'ratings',
        code: 'not_in_district',
        message: `'${r.neighbourhood_code}' is not a stadsdel of ${scope.name}`,
      })),
    });
  }
  await inTransaction(ctx.db, async (trx) => {
    for (const r of input.ratings) {
      const proposed = rows.get(r.neighbourhood_code)!.rating.proposed;
      const row = {
        organisation_id: ctx.organisation.id,
        neighbourhood_code: r.neighbourhood_code,
        week: input.week,
        level: r.level,
        proposed_level: proposed,
        comment: r.comment ?? null,
        confirmed_by: ctx.actor,
      };
      await upsertRating(trx, row);
      await auditChange(trx, ctx, {
        action: 'update',
        entityType: 'area_rating',
        entityId: `${r.neighbourhood_code}@${input.week}`,
        after: row,
      });
    }
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
  });
  return (await sharedSituationReport(ctx, { area_id: areaId, week: input.week })).report.neighbourhoods;
}

function toAnnotation(row: {
  id: string;
  date: string;
  kind: Annotation['kind'];
  text: string;
  area_id: string | null;
  created_by: string;
  version: number;
}): Annotation {
  const [y, m, d] = row.date.split('-').map(Number) as [number, number, number];
  return { ...row, week: isoWeekOfDate(y, m, d) };
}

/** Owner unit of an annotation's area; null for organisation-wide ones (admins only). */
async function annotationOwner(ctx: ServiceContext, areaId: string | null): Promise<string | null> {
  if (areaId === null) return null;
  const area = await findArea(ctx.db, ctx.organisation.id, areaId);
  if (!area)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'area_id', code: 'unknown_area', message: 'no such area' }],
    });
  return area.owner_unit_id;
}

/** Annotations of the organisation, optionally for one area (and the organisation-wide ones), between two days. */
export async function listAnnotations(
  ctx: ServiceContext,
  query: { area_id?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<Annotation[]> {
  const rows = await listAnnotationRows(ctx.db, ctx.organisation.id, {
    areaIds: query.area_id ? [query.area_id] : null,
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  });
  const { shown } = freeTextGate(ctx.principal);
  return rows.map((r) => shown('annotation', toAnnotation(r)));
}

/** Adds a note about a change in reporting (a new app, a campaign, a new reporting unit). Audited. */
export async function createAnnotation(ctx: ServiceContext, input: AnnotationInput): Promise<Annotation> {
  assertCanWriteScope(ctx.principal, await annotationOwner(ctx, input.area_id), 'annotation');
  return inTransaction(ctx.db, async (trx) => {
    const id = await insertAnnotation(trx, { organisation_id: ctx.organisation.id, ...input, created_by: ctx.actor });
    const created = toAnnotation((await findAnnotation(trx, ctx.organisation.id, id))!);
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'annotation',
      entityId: id,
      after: created,
    });
    return created;
  });
}

/** The annotation, locked in the caller's transaction, once the caller may write its area and `expectedVersion` is current. */
async function lockAnnotation(ctx: ServiceContext, id: string, expectedVersion: number | undefined) {
  const row = await lockForChange(
    ctx.db,
    'annotations',
    'annotation',
    ctx.organisation.id,
    id,
    expectedVersion,
    async () => {
      const locked = (await findAnnotation(ctx.db, ctx.organisation.id, id))!;
      assertCanWriteScope(ctx.principal, await annotationOwner(ctx, locked.area_id), 'annotation');
      return locked;
    },
  );
  return toAnnotation(row);
}

/** Edits an annotation's day, kind or text. Audited with before and after. */
export async function updateAnnotation(
  ctx: ServiceContext,
  id: string,
  input: AnnotationUpdate,
  expectedVersion?: number,
): Promise<Annotation> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockAnnotation({ ...ctx, db: trx }, id, expectedVersion);
    await updateAnnotationRow(trx, ctx.organisation.id, id, input);
    const after = toAnnotation((await findAnnotation(trx, ctx.organisation.id, id))!);
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'annotation',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes an annotation. Audited with what it said. */
export async function deleteAnnotation(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const before = await lockAnnotation({ ...ctx, db: trx }, id, expectedVersion);
    await deleteAnnotationRow(trx, ctx.organisation.id, id);
    await bumpDataVersion(trx, ctx.organisation.id, SITUATION);
    await auditChange(trx, ctx, {
      action: 'delete',
      entityType: 'annotation',
      entityId: id,
      before,
    });
  });
}
