import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiTokenCreateSchema, ApiTokenSchema, LoginSchema, MeSchema, PasswordChangedSchema, PasswordChangeSchema, UserCreateSchema } from '../../domain/auth.js';
import { UuidSchema } from '../../domain/common.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';
import { serviceContext } from '../../server/request-context.js';
import { changePassword, createApiToken, createUser, listMyApiTokens, login, logout, me, revokeMyApiToken } from './auth.service.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/auth/login', {
    // A burst guard per client address and e-mail address (Redis-shared with REDIS_URL): parallel guesses all pass the
    // throttle's check before the first failure is stored. Spraying and slow guessing: sign-in-throttle.ts.
    config: {
      policy: 'public',
      rateLimit: { hook: 'preHandler', max: 10, timeWindow: '1 minute', keyGenerator: (request) => `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}` },
    },
    schema: { tags, summary: 'Sign in with e-mail and password (sets the session cookie)', body: LoginSchema, response: { 200: MeSchema } },
  }, async (request, reply) => {
    const ctx = await serviceContext(request);
    const { token, csrfToken, principal } = await login(ctx, request.body, request.headers['user-agent'] ?? null);
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request.protocol === 'https'));
    return me({ ...ctx, principal }, csrfToken);
  });

  app.post('/auth/logout', { config: { policy: 'signed_in', allowDuringPasswordChange: true }, schema: { tags, summary: 'Sign out' } }, async (request, reply) => {
    if (request.sessionToken) await logout(request.server.db, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/auth/me', { config: { policy: 'signed_in', allowDuringPasswordChange: true }, schema: { tags, summary: 'The signed-in user, memberships and CSRF token', response: { 200: MeSchema } } },
    async (request) => me(await serviceContext(request), request.csrfToken));

  app.post('/auth/password', {
    // A stolen session must not become a way to guess the password at speed.
    config: {
      policy: 'signed_in', allowDuringPasswordChange: true,
      rateLimit: { hook: 'preHandler', max: 10, timeWindow: '1 minute', keyGenerator: (request) => `${request.ip}|${request.principal.kind === 'user' ? request.principal.userId : ''}` },
    },
    schema: {
      tags, summary: 'Change my password (required first after a one-time password); ends my other sessions and revokes my API tokens',
      body: PasswordChangeSchema, response: { 200: PasswordChangedSchema },
    },
  }, async (request) => changePassword(await serviceContext(request), request.body, request.sessionToken));

  app.get('/auth/tokens', { config: { policy: 'signed_in' }, schema: { tags, summary: 'My API tokens', response: { 200: z.array(ApiTokenSchema) } } },
    async (request) => listMyApiTokens(await serviceContext(request)));

  app.post('/auth/tokens', {
    config: { policy: 'signed_in' },
    schema: { tags, summary: 'Issue an API token (the secret is shown once)', body: ApiTokenCreateSchema, response: { 201: ApiTokenSchema.extend({ token: z.string() }) } },
  }, async (request, reply) => reply.status(201).send(await createApiToken(await serviceContext(request), request.body)));

  app.delete('/auth/tokens/:id', { config: { policy: 'signed_in' }, schema: { tags, summary: 'Revoke an API token', params: z.object({ id: UuidSchema }) } },
    async (request, reply) => {
      await revokeMyApiToken(await serviceContext(request), request.params.id);
      return reply.status(204).send();
    });

  app.post('/users', {
    config: { policy: 'users:manage' },
    schema: {
      tags, summary: 'Create an account (admin); without a password a one-time password is returned once',
      body: UserCreateSchema, response: { 201: z.object({ id: UuidSchema, email: z.string(), password: z.string().nullable() }) },
    },
  }, async (request, reply) => reply.status(201).send(await createUser(await serviceContext(request), request.body)));
};
