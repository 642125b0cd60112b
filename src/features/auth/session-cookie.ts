import { SESSION_HOURS } from './auth.service.js';

export const SESSION_COOKIE = 'trygg_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Cookie options of the session: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: SESSION_HOURS * 3600 };
}
