import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Role } from '../../domain/auth.js';
import type { Db } from '../../core/context.js';

/** The organisation's accounts with their memberships, in one query; by name. */
export function listUsersWithMemberships(db: Db, organisationId: string) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.disabled',
      'u.must_change_password',
      'u.created_at',
      (eb) => eb('u.password_hash', 'is not', null).as('password_sign_in'),
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('memberships as m')
          .innerJoin('units as un', 'un.id', 'm.unit_id')
          .select(['m.unit_id', 'un.name as unit_name', 'un.kind as unit_kind', 'm.role'])
          .whereRef('m.user_id', '=', 'u.id')
          .orderBy('un.name'),
      ).as('memberships'),
    )
    .where('u.organisation_id', '=', organisationId)
    .orderBy('u.display_name')
    .orderBy('u.email')
    .execute();
}

/** An account of the organisation, locked for the change about to be made to it. */
export function lockUser(db: Db, organisationId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'disabled'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export function membershipsOf(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['unit_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('unit_id')
    .execute();
}

/** Replaces an account's memberships with `memberships`. */
export async function replaceMemberships(
  db: Db,
  organisationId: string,
  userId: string,
  memberships: ReadonlyArray<{ unit_id: string; role: Role }>,
): Promise<void> {
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
  await db
    .insertInto('memberships')
    .values(
      memberships.map((m) => ({ organisation_id: organisationId, user_id: userId, unit_id: m.unit_id, role: m.role })),
    )
    .execute();
}

export async function setUserDisabled(db: Db, userId: string, disabled: boolean): Promise<void> {
  await db.updateTable('users').set({ disabled, updated_at: new Date() }).where('id', '=', userId).execute();
}

/** Ends every session of an account; returns how many there were. */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
