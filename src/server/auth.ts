import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, type Principal } from '../domain/auth.js';
import { AppError } from '../domain/errors.js';
import { resolveApiToken, resolveSession } from '../features/auth/auth.service.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../features/auth/session-cookie.js';
import { checkPolicy, type Policy, POLICIES } from '../core/policy.js';

export interface RoutePolicy {
  method: string;
  url: string;
  policy: Policy;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its policy, for the role × route test and the docs. */
    routePolicies: RoutePolicy[];
  }
  interface FastifyContextConfig {
    /** The authorisation rule of the route (core/policy.ts); every API route must name one. */
    policy?: Policy;
    /** Open to a user who must still change a one-time password (changing it, signing out, who am I). */
    allowDuringPasswordChange?: boolean;
    /** A platform endpoint (health, readiness, metrics): no caller is identified, so a probe needs no database. */
    platform?: boolean;
  }
  interface FastifyRequest {
    principal: Principal;
    /** Set when the caller came with a session cookie: writes must echo it in X-CSRF-Token. */
    csrfToken: string | null;
    sessionToken: string | null;
    /** The session's user signed in with a one-time password and has not changed it yet. */
    mustChangePassword: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths whose routes must declare a policy; plugin routes (docs UI, static files) are outside them. */
function needsPolicy(url: string): boolean {
  return (url.startsWith('/api/') || url.startsWith('/open311/')) && !url.startsWith('/api/docs');
}

async function identify(request: FastifyRequest): Promise<void> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const principal = await resolveApiToken(request.server.db, authorization.slice(7).trim());
    if (!principal) throw new AppError('UNAUTHENTICATED', { details: { reason: 'invalid_token' } });
    request.principal = principal;
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await resolveSession(request.server.db, token);
  if (!session) return;
  request.principal = session.principal;
  request.csrfToken = session.csrfToken;
  request.sessionToken = token;
  request.mustChangePassword = session.mustChangePassword;
}

/**
 * Authentication and authorisation in one place: who the caller is (API token or session cookie), whether
 * the route's declared policy lets them in, and CSRF for cookie-authenticated writes. A route without a
 * policy stops the server from starting.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  await app.register(cookie);
  app.decorateRequest('principal', null as never);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('mustChangePassword', false);

  app.decorate('routePolicies', [] as RoutePolicy[]);
  app.addHook('onRoute', (route) => {
    if (!needsPolicy(route.url)) return;
    const policy = route.config?.policy;
    if (!policy || !(policy in POLICIES))
      throw new Error(`route ${String(route.method)} ${route.url} declares no policy`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.routePolicies.push({ method, url: route.url, policy });
  });

  // Checked before the body is even parsed: an unauthorised caller learns nothing from validation errors.
  app.addHook('onRequest', async (request) => {
    request.principal = ANONYMOUS;
    request.mustChangePassword = false;
    if (request.routeOptions.config.platform) return;
    await identify(request);
    const policy = request.routeOptions.config.policy;
    if (!policy) return;
    const verdict = checkPolicy(request.principal, policy);
    if (verdict === 'unauthenticated') throw new AppError('UNAUTHENTICATED');
    if (verdict === 'forbidden') throw new AppError('FORBIDDEN', { details: { policy } });
    if (request.mustChangePassword && policy !== 'public' && !request.routeOptions.config.allowDuringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', { details: { change_at: 'POST /api/auth/password' } });
    }
    if (
      request.sessionToken &&
      !SAFE_METHODS.has(request.method) &&
      request.headers[CSRF_HEADER] !== request.csrfToken
    ) {
      throw new AppError('CSRF_FAILED');
    }
  });
});
