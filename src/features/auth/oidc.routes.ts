import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { serviceContext } from '../../server/request-context.js';
import { beginOidcLogin, completeOidcLogin, type OidcSettings } from './oidc.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyInstance {
    oidc: OidcSettings | null;
  }
}

const tags = ['auth'];

/** Single sign-on with the city's identity provider; a browser flow, so outcomes are redirects. */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/auth/providers', {
    config: { policy: 'public' },
    schema: { tags, summary: 'How one can sign in here', response: { 200: z.object({ password: z.literal(true), oidc: z.boolean() }) } },
  }, async () => ({ password: true as const, oidc: app.oidc !== null }));

  app.get('/auth/oidc/start', { config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: 'Start single sign-on (redirects to the identity provider)' } },
    async (request, reply) => {
      if (!app.oidc) throw new AppError('NOT_FOUND', { details: { reason: 'sso_not_configured' } });
      return reply.redirect(await beginOidcLogin(await serviceContext(request), app.oidc));
    });

  app.get('/auth/oidc/callback', { config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: 'Where the identity provider sends the browser back' } },
    async (request, reply) => {
      if (!app.oidc) throw new AppError('NOT_FOUND', { details: { reason: 'sso_not_configured' } });
      const callbackUrl = new URL(request.url, app.oidc.redirectUri);
      try {
        const { token } = await completeOidcLogin(await serviceContext(request), app.oidc, callbackUrl, request.headers['user-agent'] ?? null);
        reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request.protocol === 'https' || callbackUrl.protocol === 'https:'));
        return reply.redirect('/');
      } catch (error) {
        const reason = error instanceof AppError ? String((error.details as { reason?: string } | undefined)?.reason ?? error.code) : 'sso_failed';
        request.log.warn({ reason }, 'single sign-on refused');
        return reply.redirect(`/login?error=${encodeURIComponent(reason)}`);
      }
    });
};
