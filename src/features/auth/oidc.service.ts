import * as client from 'openid-client';
import { AppError } from '../../domain/errors.js';
import type { ServiceContext } from '../../core/context.js';
import { recordAudit } from '../../core/audit.repo.js';
import { startSession } from './auth.service.js';
import {
  findUnlinkedUserByEmail,
  findUserByOidcSubject,
  insertOidcLogin,
  linkOidcSubject,
  takeOidcLogin,
} from './auth.repo.js';

/** The city's identity provider (OpenID Connect, authorisation code flow with PKCE). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Plain http to the provider, for a provider on loopback in tests only. */
  allowHttp: boolean;
}

const LOGIN_TTL_MS = 10 * 60_000;
const discovered = new Map<string, Promise<client.Configuration>>();

/** Discovery once per process; the provider's metadata does not change while we run. */
function configuration(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  let config = discovered.get(key);
  if (!config) {
    config = client.discovery(
      new URL(s.issuer),
      s.clientId,
      s.clientSecret,
      undefined,
      s.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    config.catch(() => discovered.delete(key));
    discovered.set(key, config);
  }
  return config;
}

/** Starts a sign-on: remembers state, nonce and PKCE verifier, and returns the provider's login URL. */
export async function beginOidcLogin(ctx: ServiceContext, s: OidcSettings): Promise<string> {
  const config = await configuration(s);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await insertOidcLogin(ctx.db, { state, organisation_id: ctx.organisation.id, code_verifier: codeVerifier, nonce });
  return client.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  }).href;
}

/**
 * Finishes a sign-on from the provider's callback. Accounts are created by an admin (they need a unit and
 * a role); the first sign-on links the provider's subject to the account with the same e-mail address.
 */
export async function completeOidcLogin(
  ctx: ServiceContext,
  s: OidcSettings,
  callbackUrl: URL,
  userAgent: string | null,
) {
  const state = callbackUrl.searchParams.get('state') ?? '';
  const login = await takeOidcLogin(ctx.db, ctx.organisation.id, state);
  if (!login || Date.now() - new Date(login.created_at).getTime() > LOGIN_TTL_MS)
    throw new AppError('UNAUTHENTICATED', { details: { reason: 'sso_state' } });
  const config = await configuration(s);
  const tokens = await client
    .authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
    })
    .catch(() => {
      throw new AppError('UNAUTHENTICATED', { details: { reason: 'sso_exchange' } });
    });
  const claims = tokens.claims();
  if (!claims) throw new AppError('UNAUTHENTICATED', { details: { reason: 'sso_claims' } });
  // Strict providers put e-mail in the userinfo response rather than in the ID token.
  const emailClaim =
    claims.email ?? (await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => undefined))?.email;
  const email = typeof emailClaim === 'string' ? emailClaim.toLowerCase() : null;
  let user = await findUserByOidcSubject(ctx.db, claims.iss, claims.sub);
  if (!user && email) {
    const byEmail = await findUnlinkedUserByEmail(ctx.db, ctx.organisation.id, email);
    if (byEmail) {
      user = await linkOidcSubject(ctx.db, byEmail.id, claims.iss, claims.sub);
      await recordAudit(ctx.db, {
        organisationId: ctx.organisation.id,
        actor: email,
        action: 'update',
        entityType: 'user',
        entityId: user.id,
        after: { oidc_issuer: claims.iss },
        remoteAddress: ctx.remoteAddress,
      });
    }
  }
  if (!user || user.disabled || user.organisation_id !== ctx.organisation.id)
    throw new AppError('FORBIDDEN', { details: { reason: 'no_account' } });
  return startSession(ctx, user, userAgent, 'oidc');
}
