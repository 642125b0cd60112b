import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authContract as routes } from '../../contracts/auth.contract.js';
import { AppError } from '../../domain/errors.js';
import { serveHttp } from '../../http/serve-route.js';
import { beginOidcLogin, completeOidcLogin, type OidcSettings } from './oidc.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyInstance {
    oidc: OidcSettings | null;
  }
}

/** Single sign-on with the city's identity provider; a browser flow, so outcomes are redirects. */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  serveHttp(app, routes.providers, async () => ({ password: true as const, oidc: app.oidc !== null }));

  serveHttp(app, routes.oidcStart, async ({ context, reply }) => {
    if (!app.oidc) throw new AppError('NOT_FOUND', { details: { reason: 'sso_not_configured' } });
    return reply.redirect(await beginOidcLogin(await context(), app.oidc));
  });

  serveHttp(app, routes.oidcCallback, async ({ context, request, reply }) => {
    if (!app.oidc) throw new AppError('NOT_FOUND', { details: { reason: 'sso_not_configured' } });
    const callbackUrl = new URL(request.url, app.oidc.redirectUri);
    try {
      const { token } = await completeOidcLogin(
        await context(),
        app.oidc,
        callbackUrl,
        request.headers['user-agent'] ?? null,
      );
      reply.setCookie(
        SESSION_COOKIE,
        token,
        sessionCookieOptions(request.protocol === 'https' || callbackUrl.protocol === 'https:'),
      );
      return reply.redirect('/');
    } catch (error) {
      const reason =
        error instanceof AppError
          ? String((error.details as { reason?: string } | undefined)?.reason ?? error.code)
          : 'sso_failed';
      request.log.warn({ reason }, 'single sign-on refused');
      return reply.redirect(`/login?error=${encodeURIComponent(reason)}`);
    }
  });
};
