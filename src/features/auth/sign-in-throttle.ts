import { isIPv6 } from 'node:net';
import { AppError } from '../../domain/errors.js';
import type { ServiceContext, Db } from '../../core/context.js';
import {
  addFailure,
  countEmailFailures,
  countFailingEmails,
  countStaleThrottleRows,
  deleteStaleThrottleRows,
  findThrottle,
  recordSuccess,
  setBlockedUntil,
  type ThrottleKey,
} from './sign-in-throttle.repo.js';

/*
 * Sign-in throttling (docs/adr/0002-sign-in-throttling.md). Nothing here ever locks an account: wrong
 * passwords slow the *place* they come from (e-mail address × client network), so an attacker elsewhere
 * cannot keep the owner out. Keyed by the e-mail address as typed, so unknown addresses behave exactly
 * like accounts. The rows live in the database, which every server process shares.
 */

/** Wrong passwords from one place before it must wait; then 1, 2, 4 … 60 minutes. */
const FREE_ATTEMPTS = 5;
const MAX_BLOCK_MINUTES = 60;
/** A place's count starts again after a day without failures. */
const RESTART_HOURS = 24;
/** Password spraying: this many different e-mail addresses failing from one client address … */
const SPRAY_EMAILS = 20;
/** … within this window, and the address may not try any more until the window has passed. */
const SPRAY_MINUTES = 15;
/**
 * An account under attack from many places: once the running counts of the places that failed on it within
 * the last hour add up to this many, a place the owner has never signed in from gets one wrong password per hour. Known places keep their five; single sign-on
 * (which also makes the place known) is untouched.
 */
const PRESSURE_FAILURES = 30;

/** Block length after `failures` consecutive failures from one place: none for the first five, then doubling. */
function blockMinutes(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_BLOCK_MINUTES, 2 ** (failures - FREE_ATTEMPTS));
}

const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** The eight 16-bit groups of a valid IPv6 address, `::` expanded and a dotted IPv4 tail split in two. */
function ipv6Groups(address: string): number[] {
  const groups = (part: string) =>
    (part ? part.split(':') : []).flatMap((g) => {
      if (!g.includes('.')) return [parseInt(g, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  const [head = '', tail] = address.split('::');
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/**
 * The client address as the throttle counts it. One IPv6 subscriber gets a whole /64 and can pick a new
 * address in it for every attempt, so an IPv6 address counts as its /64; an IPv4 client reached over a
 * dual-stack socket (`::ffff:a.b.c.d`) counts as the plain IPv4 address it is.
 */
function throttleAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const bare = address.split('%')[0]!;
  if (!isIPv6(bare)) return address;
  const g = ipv6Groups(bare);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff)
    return [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255].join('.');
  return `${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(':')}::/64`;
}

/** The place a sign-in comes from: this organisation, the e-mail address as given, the client's network. */
export function signInPlace(ctx: Pick<ServiceContext, 'organisation' | 'remoteAddress'>, email: string): ThrottleKey {
  return { organisationId: ctx.organisation.id, email, address: throttleAddress(ctx.remoteAddress) };
}

/** Refuses before the password is even checked when this place is waiting, or this address is spraying. */
export async function assertMayTrySignIn(db: Db, key: ThrottleKey, now: Date): Promise<void> {
  const [row, failingEmails] = await Promise.all([
    findThrottle(db, key),
    countFailingEmails(db, key.address, addMinutes(now, -SPRAY_MINUTES)),
  ]);
  if (row?.blocked_until && row.blocked_until > now) {
    throw new AppError('ACCOUNT_LOCKED', { details: { retry_after: row.blocked_until.toISOString() } });
  }
  if (failingEmails >= SPRAY_EMAILS) {
    throw new AppError('RATE_LIMITED', { details: { retry_after: addMinutes(now, SPRAY_MINUTES).toISOString() } });
  }
}

/** Counts a wrong password (or unknown e-mail address) from this place and sets its wait. */
export async function recordSignInFailure(db: Db, key: ThrottleKey, now: Date): Promise<void> {
  const row = await addFailure(db, key, now, addMinutes(now, -RESTART_HOURS * 60));
  const accountFailures = await countEmailFailures(db, key.organisationId, key.email, addMinutes(now, -60));
  const underPressure = accountFailures >= PRESSURE_FAILURES && !row.succeeded_at;
  const minutes = underPressure ? MAX_BLOCK_MINUTES : blockMinutes(row.failures);
  if (minutes) await setBlockedUntil(db, key, addMinutes(now, minutes));
}

/** A successful sign-in (password or single sign-on): the place's failures are forgiven and the place is known. */
export async function recordSignInSuccess(db: Db, key: ThrottleKey, now: Date): Promise<void> {
  await recordSuccess(db, key, now);
}

/** Retention: forgets the client addresses with neither a failure nor a success since `cutoff` (only counts them with dryRun). */
export function expireSignInThrottle(db: Db, organisationId: string, cutoff: Date, dryRun: boolean): Promise<number> {
  return dryRun
    ? countStaleThrottleRows(db, organisationId, cutoff)
    : deleteStaleThrottleRows(db, organisationId, cutoff);
}
