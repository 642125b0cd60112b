import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { canEditForUnit } from '../../core/policy.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import type { PlaceMonthFigure } from '../../domain/evaluations.js';
import { findPlaces, listMonthFigures, upsertMonthFigures } from './evaluations.repo.js';

async function placeOf(ctx: ServiceContext, placeId: string) {
  const [place] = await findPlaces(ctx.db, ctx.organisation.id, [placeId]);
  if (!place) throw new AppError('NOT_FOUND', { details: { entity: 'place', id: placeId } });
  return place;
}

/** A place's monthly visitors and opening hours, oldest first, and whether the caller may change them. */
export async function getPlaceFigures(
  ctx: ServiceContext,
  placeId: string,
): Promise<{ months: PlaceMonthFigure[]; can_edit: boolean }> {
  const place = await placeOf(ctx, placeId);
  const rows = await listMonthFigures(ctx.db, ctx.organisation.id, [placeId]);
  return {
    months: rows.map((r) => ({ month: r.month, visitors: r.visitors, opening_hours: r.opening_hours })),
    can_edit: place.owner_unit_id !== null && canEditForUnit(ctx.principal, place.owner_unit_id),
  };
}

/** Records (or corrects) monthly figures of a place; the editors of the unit that owns it may. */
export async function savePlaceFigures(
  ctx: ServiceContext,
  placeId: string,
  months: readonly PlaceMonthFigure[],
): Promise<{ months: PlaceMonthFigure[]; can_edit: boolean }> {
  const place = await placeOf(ctx, placeId);
  if (!place.owner_unit_id || !canEditForUnit(ctx.principal, place.owner_unit_id))
    throw new AppError('FORBIDDEN', { details: { reason: 'not an editor of the unit that owns the place' } });
  await inTransaction(ctx.db, async (trx) => {
    await upsertMonthFigures(trx, ctx.organisation.id, placeId, months);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'place_month_figures',
      entityId: placeId,
      after: { months: months.map((m) => ({ month: m.month, visitors: m.visitors, opening_hours: m.opening_hours })) },
    });
  });
  return getPlaceFigures(ctx, placeId);
}
