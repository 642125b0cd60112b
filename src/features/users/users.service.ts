import { AppError } from '../../domain/errors.js';
import type { MembershipsUpdate, UserSummary } from '../../domain/users.js';
import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import {
  deleteSessionsOfUser,
  listUsersWithMemberships,
  lockUser,
  membershipsOf,
  replaceMemberships,
  setUserDisabled,
} from './users.repo.js';
import { findUnitsOfOrganisation } from '../../core/tenancy.repo.js';

/** The organisation's accounts with their roles per unit, for the administrator. */
export async function listUsers(ctx: ServiceContext): Promise<UserSummary[]> {
  const rows = await listUsersWithMemberships(ctx.db, ctx.organisation.id);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    display_name: r.display_name,
    disabled: r.disabled,
    password_sign_in: Boolean(r.password_sign_in),
    must_change_password: r.must_change_password,
    created_at: new Date(r.created_at).toISOString(),
    memberships: r.memberships,
  }));
}

const selfId = (ctx: ServiceContext) => (ctx.principal.kind === 'user' ? ctx.principal.userId : null);

async function lockedUser(trx: ServiceContext['db'], ctx: ServiceContext, userId: string) {
  const user = await lockUser(trx, ctx.organisation.id, userId);
  if (!user) throw new AppError('NOT_FOUND', { details: { entity: 'user', id: userId } });
  return user;
}

/**
 * Replaces an account's roles per unit; audited with the set before and after. An administrator cannot take
 * the admin role from themselves: the organisation could be left with no one to give it back.
 */
export async function updateMemberships(ctx: ServiceContext, userId: string, input: MembershipsUpdate) {
  if (userId === selfId(ctx) && !input.memberships.some((m) => m.role === 'admin'))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'memberships', code: 'own_admin', message: 'you cannot remove your own admin role' }],
    });
  return inTransaction(ctx.db, async (trx) => {
    await lockedUser(trx, ctx, userId);
    const unitIds = input.memberships.map((m) => m.unit_id);
    if ((await findUnitsOfOrganisation(trx, ctx.organisation.id, unitIds)).length !== unitIds.length)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'memberships', code: 'unknown_unit', message: 'a unit does not exist in this organisation' }],
      });
    const before = await membershipsOf(trx, userId);
    await replaceMemberships(trx, ctx.organisation.id, userId, input.memberships);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: userId,
      before: { memberships: before },
      after: { memberships: input.memberships },
    });
  });
}

/**
 * Deactivates (ending every session at once; API tokens stop working while it is) or reactivates an account.
 * Audited. An administrator cannot deactivate themselves.
 */
export async function setUserActive(ctx: ServiceContext, userId: string, disabled: boolean) {
  if (disabled && userId === selfId(ctx))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'disabled', code: 'self', message: 'you cannot deactivate your own account' }],
    });
  return inTransaction(ctx.db, async (trx) => {
    const user = await lockedUser(trx, ctx, userId);
    if (user.disabled === disabled) return;
    await setUserDisabled(trx, userId, disabled);
    const sessions = disabled ? await deleteSessionsOfUser(trx, userId) : 0;
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: userId,
      before: { disabled: user.disabled },
      after: disabled ? { disabled, sessions_ended: sessions } : { disabled },
    });
  });
}
