import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authContract as routes } from '../../contracts/auth.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';
import {
  changePassword,
  createApiToken,
  createUser,
  listMyApiTokens,
  login,
  logout,
  me,
  revokeMyApiToken,
} from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // A burst guard per client address and e-mail address (Redis-shared with REDIS_URL): parallel guesses all pass the
  // throttle's check before the first failure is stored. Spraying and slow guessing: sign-in-throttle.ts.
  serveHttp(
    app,
    routes.login,
    async ({ context, body, request, reply }) => {
      const ctx = await context();
      const { token, csrfToken, principal } = await login(ctx, body, request.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request.protocol === 'https'));
      return me({ ...ctx, principal }, csrfToken);
    },
    {
      config: {
        rateLimit: {
          hook: 'preHandler',
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
    },
  );

  serveHttp(app, routes.logout, async ({ request, reply }) => {
    if (request.sessionToken) await logout(request.server.db, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  serveHttp(app, routes.me, async ({ context, request }) => me(await context(), request.csrfToken));

  // A stolen session must not become a way to guess the password at speed.
  serveHttp(
    app,
    routes.changePassword,
    async ({ context, body, request }) => changePassword(await context(), body, request.sessionToken),
    {
      config: {
        rateLimit: {
          hook: 'preHandler',
          keyGenerator: (request) =>
            `${request.ip}|${request.principal.kind === 'user' ? request.principal.userId : ''}`,
        },
      },
    },
  );

  serve(app, routes.tokens, async ({ ctx }) => listMyApiTokens(ctx));
  serve(app, routes.createToken, async ({ ctx, body }) => createApiToken(ctx, body));
  serve(app, routes.revokeToken, async ({ ctx, params }) => {
    await revokeMyApiToken(ctx, params.id);
  });
  // Single sign-on is the server's configuration: only then may an account be created without a password.
  serveHttp(app, routes.createUser, async ({ context, body, request, reply }) => {
    const created = await createUser(await context(), body, { ssoAvailable: request.server.oidc !== null });
    reply.status(201);
    return created;
  });
};
