import type { ServiceContext } from '../../core/context.js';
import { canActForUnit, canEditForUnit, rolesOf } from '../../core/policy.js';
import { AppError } from '../../domain/errors.js';

/** What the row rules of a walk need: its organising unit and the units invited. */
export interface WalkUnits {
  unit_id: string;
  invited: readonly string[];
}

/** Admins see every walk; everyone else the walks their units organise or are invited to. */
export function walkUnitFilter(ctx: ServiceContext): string[] | null {
  const p = ctx.principal;
  if (p.kind === 'system' || rolesOf(p).has('admin')) return null;
  return p.kind === 'user' ? p.memberships.filter((m) => m.role !== 'analyst').map((m) => m.unitId) : [];
}

/** Seeing a walk: a member (not analyst) of its organising or an invited unit, or an admin. */
export function canSeeWalk(ctx: ServiceContext, walk: WalkUnits): boolean {
  return [walk.unit_id, ...walk.invited].some((u) => canActForUnit(ctx.principal, u));
}

/** Noting observations and finishing the walk: whoever walks it for an organising or invited unit. */
export function canCaptureWalk(ctx: ServiceContext, walk: WalkUnits): boolean {
  return canSeeWalk(ctx, walk);
}

export function assertCaptures(ctx: ServiceContext, walk: WalkUnits): void {
  if (!canCaptureWalk(ctx, walk))
    throw new AppError('FORBIDDEN', { details: { reason: 'not a member of a unit walking this walk' } });
}

/** Planning belongs to the organising unit's editors and coordinators. */
export function assertPlans(ctx: ServiceContext, unitId: string): void {
  if (!canEditForUnit(ctx.principal, unitId))
    throw new AppError('FORBIDDEN', { details: { reason: 'not an editor of the organising unit (walk)' } });
}
