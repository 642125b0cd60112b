import { sql } from 'kysely';
import type { Db } from '../../core/context.js';

export interface ThrottleKey {
  organisationId: string;
  email: string;
  address: string;
}

const row = (db: Db, k: ThrottleKey) =>
  db
    .selectFrom('sign_in_throttle')
    .where('organisation_id', '=', k.organisationId)
    .where('email', '=', k.email)
    .where('address', '=', k.address);

export function findThrottle(db: Db, k: ThrottleKey) {
  return row(db, k).select(['failures', 'failed_at', 'blocked_until', 'succeeded_at']).executeTakeFirst();
}

/** How many e-mail addresses (of any organisation) failed to sign in from this client address since `since`. */
export async function countFailingEmails(db: Db, address: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom('sign_in_throttle')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('address', '=', address)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Failures against one e-mail address from every client address since `since`. */
export async function countEmailFailures(db: Db, organisationId: string, email: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom('sign_in_throttle')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('failures'), sql<number>`0`).as('n'))
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Counts one more failure in one statement (concurrent failures all count); the count starts again when the
 * previous failure is older than `restartBefore`. Returns the new count and when the owner last signed in from here.
 */
export function addFailure(db: Db, k: ThrottleKey, now: Date, restartBefore: Date) {
  return db
    .insertInto('sign_in_throttle')
    .values({
      organisation_id: k.organisationId,
      email: k.email,
      address: k.address,
      failures: 1,
      failed_at: now,
      blocked_until: null,
      succeeded_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'email', 'address']).doUpdateSet({
        failures: sql<number>`CASE WHEN sign_in_throttle.failed_at < ${restartBefore} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
        failed_at: now,
      }),
    )
    .returning(['failures', 'succeeded_at'])
    .executeTakeFirstOrThrow();
}

export async function setBlockedUntil(db: Db, k: ThrottleKey, until: Date): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set({ blocked_until: until })
    .where('organisation_id', '=', k.organisationId)
    .where('email', '=', k.email)
    .where('address', '=', k.address)
    .execute();
}

/** A successful sign-in: the failures from this place are forgiven and the place is known from now on. */
export async function recordSuccess(db: Db, k: ThrottleKey, now: Date): Promise<void> {
  await db
    .insertInto('sign_in_throttle')
    .values({
      organisation_id: k.organisationId,
      email: k.email,
      address: k.address,
      failures: 0,
      failed_at: null,
      blocked_until: null,
      succeeded_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'email', 'address'])
        .doUpdateSet({ failures: 0, blocked_until: null, succeeded_at: now }),
    )
    .execute();
}

const stale = (cutoff: Date) => sql<boolean>`COALESCE(GREATEST(failed_at, succeeded_at), '-infinity') < ${cutoff}`;

/** Rows with neither a failure nor a success since `cutoff`: client addresses past their retention. */
export async function countStaleThrottleRows(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db
    .selectFrom('sign_in_throttle')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId)
    .where(stale(cutoff))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function deleteStaleThrottleRows(db: Db, organisationId: string, cutoff: Date): Promise<number> {
  const r = await db
    .deleteFrom('sign_in_throttle')
    .where('organisation_id', '=', organisationId)
    .where(stale(cutoff))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
