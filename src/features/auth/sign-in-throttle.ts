import { AppError } from '../../domain/errors.js';
import type { Db } from '../org/org.repo.js';
import { addFailure, countEmailFailures, countFailingEmails, findThrottle, setBlockedUntil, type ThrottleKey } from './sign-in-throttle.repo.js';

/*
 * Sign-in throttling (docs/adr/0002-sign-in-throttling.md). Nothing here ever locks an account: wrong
 * passwords slow the *place* they come from (e-mail address × client address), so an attacker elsewhere
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
 * An account under attack from many places: past this many failures within an hour, a place the owner has
 * never signed in from gets one wrong password per hour. Known places keep their five; single sign-on
 * (which also makes the place known) is untouched.
 */
const PRESSURE_FAILURES = 30;

/** Block length after `failures` consecutive failures from one place: none for the first five, then doubling. */
function blockMinutes(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_BLOCK_MINUTES, 2 ** (failures - FREE_ATTEMPTS));
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** Refuses before the password is even checked when this place is waiting, or this address is spraying. */
export async function assertMayTrySignIn(db: Db, key: ThrottleKey, now: Date): Promise<void> {
  const [row, failingEmails] = await Promise.all([findThrottle(db, key), countFailingEmails(db, key.address, minutesBefore(now, SPRAY_MINUTES))]);
  if (row?.blocked_until && row.blocked_until > now) {
    throw new AppError('ACCOUNT_LOCKED', { details: { retry_after: row.blocked_until.toISOString() } });
  }
  if (failingEmails >= SPRAY_EMAILS) {
    throw new AppError('RATE_LIMITED', { details: { retry_after: new Date(now.getTime() + SPRAY_MINUTES * 60_000).toISOString() } });
  }
}

/** Counts a wrong password (or unknown e-mail address) from this place and sets its wait. */
export async function recordSignInFailure(db: Db, key: ThrottleKey, now: Date): Promise<void> {
  const failures = await addFailure(db, key, now, minutesBefore(now, RESTART_HOURS * 60));
  const [row, accountFailures] = await Promise.all([findThrottle(db, key), countEmailFailures(db, key.organisationId, key.email, minutesBefore(now, 60))]);
  const underPressure = accountFailures >= PRESSURE_FAILURES && !row?.succeeded_at;
  const minutes = underPressure ? MAX_BLOCK_MINUTES : blockMinutes(failures);
  if (minutes) await setBlockedUntil(db, key, new Date(now.getTime() + minutes * 60_000));
}

