import type { ApiTokenCreate, Login, Me, PasswordChange, Principal, UserCreate } from '../../domain/auth.js';
import { AppError } from '../../domain/errors.js';
import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext, Db } from '../../core/context.js';
import { auditChange, recordAudit } from '../../core/audit.repo.js';
import {
  deleteOtherSessions,
  deleteSession,
  findApiToken,
  findSessionWithUser,
  findUserByEmail,
  findUserById,
  insertApiToken,
  insertSession,
  insertUser,
  listApiTokens,
  listMemberships,
  markApiTokenUsed,
  organisationWords,
  revokeAllApiTokens,
  revokeApiToken,
  setPassword,
  touchSession,
} from './auth.repo.js';
import { checkPolicy } from '../../core/policy.js';
import { assertMayTrySignIn, recordSignInFailure, recordSignInSuccess, signInPlace } from './sign-in-throttle.js';
import {
  generatePassword,
  hashPassword,
  PASSWORD_PROBLEM_MESSAGES,
  type PasswordProblem,
  passwordProblem,
  verifyNothing,
  verifyPassword,
} from './passwords.js';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './tokens.js';
import { findUnitsOfOrganisation } from '../../core/tenancy.repo.js';

export const SESSION_HOURS = 12;
const IDLE_MINUTES = 120;
async function principalFor(
  db: Db,
  user: { id: string; organisation_id: string; email: string; display_name: string },
  scopes: string[] | null,
): Promise<Principal> {
  const memberships = await listMemberships(db, user.id);
  return {
    kind: 'user',
    userId: user.id,
    organisationId: user.organisation_id,
    email: user.email,
    displayName: user.display_name,
    memberships: memberships.map((m) => ({ unitId: m.unit_id, unitKind: m.unit_kind, role: m.role })),
    scopes,
  };
}

/**
 * Signs in with e-mail and password. Failures slow the place they come from (sign-in-throttle.ts), never the
 * account; an unknown address, a disabled account or one without a password costs the same argon2 time and
 * gets the same answer as a wrong password.
 */
export async function login(ctx: ServiceContext, input: Login, userAgent: string | null) {
  const key = signInPlace(ctx, input.email);
  const now = new Date();
  await assertMayTrySignIn(ctx.db, key, now);
  const user = await findUserByEmail(ctx.db, ctx.organisation.id, input.email);
  const hash = user && !user.disabled ? user.password_hash : null;
  const ok = hash ? await verifyPassword(hash, input.password) : await verifyNothing(input.password);
  if (!user || !ok) {
    await recordSignInFailure(ctx.db, key, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  return startSession(ctx, user, userAgent, 'password');
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** Opens a session for a user who has proven who they are (password or single sign-on), audited. */
export async function startSession(
  ctx: ServiceContext,
  user: UserRow,
  userAgent: string | null,
  method: 'password' | 'oidc',
) {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = new Date();
  await inTransaction(ctx.db, async (trx) => {
    // Signing in (by password or single sign-on) makes this place known: it keeps its attempts when the account is under attack.
    await recordSignInSuccess(trx, signInPlace(ctx, user.email), now);
    await insertSession(trx, {
      organisation_id: user.organisation_id,
      token_hash: hashSecret(token),
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000),
      remote_address: ctx.remoteAddress ?? null,
      user_agent: userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, {
      organisationId: user.organisation_id,
      actor: user.email,
      action: 'sign_in',
      entityType: 'user',
      entityId: user.id,
      after: { method },
      remoteAddress: ctx.remoteAddress,
    });
  });
  return { token, csrfToken, principal: await principalFor(ctx.db, user, null) };
}

export async function logout(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashSecret(token));
}

/** The user behind a session cookie, or null when it is unknown, expired or idle too long. */
export async function resolveSession(
  db: Db,
  token: string,
): Promise<{ principal: Principal; csrfToken: string; mustChangePassword: boolean } | null> {
  const tokenHash = hashSecret(token);
  const session = await findSessionWithUser(db, tokenHash);
  const now = new Date();
  if (!session || session.expires_at <= now || now.getTime() - session.last_seen_at.getTime() > IDLE_MINUTES * 60_000) {
    if (session) await deleteSession(db, tokenHash);
    return null;
  }
  if (session.disabled) return null;
  // Writing on every request would turn reads into writes; a minute's resolution is enough for idle time.
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) await touchSession(db, tokenHash, now);
  const principal: Principal = {
    kind: 'user',
    userId: session.id,
    organisationId: session.organisation_id,
    email: session.email,
    displayName: session.display_name,
    memberships: session.memberships.map((m) => ({ unitId: m.unit_id, unitKind: m.unit_kind, role: m.role })),
    scopes: null,
  };
  return { principal, csrfToken: session.csrf_token, mustChangePassword: session.must_change_password };
}

/** The user behind an API token, limited to the token's scopes. */
export async function resolveApiToken(db: Db, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await findApiToken(db, hashSecret(token));
  const now = new Date();
  if (!row || row.revoked_at || row.expires_at <= now) return null;
  const user = await findUserById(db, row.user_id);
  if (!user || user.disabled) return null;
  await markApiTokenUsed(db, row.id, now);
  return principalFor(db, user, row.scopes.scopes);
}

export async function me(ctx: ServiceContext, csrfToken: string | null): Promise<Me> {
  if (ctx.principal.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const [memberships, user] = await Promise.all([
    listMemberships(ctx.db, ctx.principal.userId),
    findUserById(ctx.db, ctx.principal.userId),
  ]);
  return {
    user: { id: ctx.principal.userId, email: ctx.principal.email, display_name: ctx.principal.displayName },
    memberships: memberships.map((m) => ({
      unit_id: m.unit_id,
      unit_name: m.unit_name,
      unit_kind: m.unit_kind,
      role: m.role,
    })),
    csrf_token: csrfToken,
    must_change_password: user?.must_change_password ?? false,
    password_sign_in: Boolean(user?.password_hash),
  };
}

function tokenView(t: {
  id: string;
  name: string;
  scopes: { scopes: string[] };
  expires_at: Date;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}) {
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes.scopes as Array<'incidents:read' | 'incidents:write' | 'imports:run'>,
    expires_at: t.expires_at.toISOString(),
    created_at: new Date(t.created_at).toISOString(),
    last_used_at: t.last_used_at?.toISOString() ?? null,
    revoked_at: t.revoked_at?.toISOString() ?? null,
  };
}

/** Issues an API token for the signed-in user; the secret is shown once and only its hash is kept. */
export async function createApiToken(ctx: ServiceContext, input: ApiTokenCreate) {
  const principal = ctx.principal;
  if (principal.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const policyOf = {
    'incidents:read': 'incidents:read',
    'incidents:write': 'incidents:create',
    'imports:run': 'imports:run',
  } as const;
  const beyond = input.scopes.filter((s) => checkPolicy({ ...principal, scopes: null }, policyOf[s]) !== 'ok');
  if (beyond.length)
    throw new AppError('FORBIDDEN', {
      details: [{ path: 'scopes', code: 'beyond_roles', message: `your roles do not allow ${beyond.join(', ')}` }],
    });
  const token = newSecret(API_TOKEN_PREFIX);
  return inTransaction(ctx.db, async (trx) => {
    const row = await insertApiToken(trx, {
      organisation_id: ctx.organisation.id,
      user_id: principal.userId,
      name: input.name,
      token_hash: hashSecret(token),
      scopes: input.scopes,
      expires_at: new Date(Date.now() + input.expires_in_days * 86_400_000),
    });
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: input.name, scopes: input.scopes },
    });
    return { ...tokenView(row), token };
  });
}

export async function listMyApiTokens(ctx: ServiceContext) {
  if (ctx.principal.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return (await listApiTokens(ctx.db, ctx.principal.userId)).map(tokenView);
}

export async function revokeMyApiToken(ctx: ServiceContext, id: string): Promise<void> {
  if (ctx.principal.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const userId = ctx.principal.userId;
  await inTransaction(ctx.db, async (trx) => {
    if (!(await revokeApiToken(trx, userId, id)))
      throw new AppError('NOT_FOUND', { details: { entity: 'api_token', id } });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'api_token',
      entityId: id,
      after: { revoked: true },
    });
  });
}

/** The refusal of a password, with the reason in both languages as the message. */
function weakPassword(path: string, problem: PasswordProblem): AppError {
  const messages = PASSWORD_PROBLEM_MESSAGES[problem];
  return new AppError('WEAK_PASSWORD', { messages, details: [{ path, code: problem, message: messages.en }] });
}

/**
 * Creates an account. Without a password a one-time one is generated and returned (shown once); given
 * passwords must pass the NIST checks. `sso_only` creates one without any password, for single sign-on, which
 * `ssoAvailable` says is configured.
 */
export async function createUser(
  ctx: ServiceContext,
  input: UserCreate,
  options: { oneTimePassword?: boolean; ssoAvailable?: boolean } = {},
): Promise<{ id: string; email: string; password: string | null }> {
  if (input.sso_only && input.password)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'password', code: 'sso_only', message: 'an account of single sign-on only has no password' }],
    });
  if (input.sso_only && !options.ssoAvailable)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'sso_only', code: 'no_sso', message: 'single sign-on is not configured here' }],
    });
  const password = input.sso_only ? null : (input.password ?? generatePassword());
  const problem = input.password
    ? await passwordProblem(input.password, input.email, await organisationWords(ctx.db, ctx.organisation.id))
    : null;
  if (problem) throw weakPassword('password', problem);
  return inTransaction(ctx.db, async (trx) => {
    if (await findUserByEmail(trx, ctx.organisation.id, input.email)) {
      throw new AppError('CONFLICT', {
        details: [{ path: 'email', code: 'duplicate', message: 'an account with this e-mail exists' }],
      });
    }
    const units = await findUnitsOfOrganisation(
      trx,
      ctx.organisation.id,
      input.memberships.map((m) => m.unit_id),
    );
    if (units.length !== new Set(input.memberships.map((m) => m.unit_id)).size) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'memberships', code: 'unknown_unit', message: 'a unit does not exist in this organisation' }],
      });
    }
    const id = await insertUser(
      trx,
      {
        organisation_id: ctx.organisation.id,
        email: input.email,
        display_name: input.display_name,
        password_hash: password === null ? null : await hashPassword(password),
        // A generated password was seen by whoever printed or passed it on: its owner must replace it first.
        must_change_password: password !== null && (options.oneTimePassword ?? !input.password),
      },
      input.memberships,
    );
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      after: { email: input.email, memberships: input.memberships, sso_only: Boolean(input.sso_only) },
    });
    return { id, email: input.email, password: input.password ? null : password };
  });
}

/**
 * Changes the signed-in user's password (the current one proves ownership; the new one passes the NIST
 * checks and differs), clears the one-time flag, ends the user's other sessions and revokes their API tokens
 * (a stolen session must not leave a token behind that outlives the new password). Audited.
 * @returns how many API tokens were revoked, for the user to reissue.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: PasswordChange,
  sessionToken: string | null,
): Promise<{ revoked_api_tokens: number }> {
  if (ctx.principal.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const user = await findUserById(ctx.db, ctx.principal.userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.current_password))) {
    throw new AppError('INVALID_CREDENTIALS', {
      details: [{ path: 'current_password', code: 'wrong_password', message: 'the current password is wrong' }],
    });
  }
  const problem =
    input.new_password === input.current_password
      ? 'same_as_current'
      : await passwordProblem(input.new_password, user.email, await organisationWords(ctx.db, ctx.organisation.id));
  if (problem) throw weakPassword('new_password', problem);
  const hash = await hashPassword(input.new_password);
  return inTransaction(ctx.db, async (trx) => {
    await setPassword(trx, user.id, hash);
    await deleteOtherSessions(trx, user.id, sessionToken ? hashSecret(sessionToken) : null);
    const revoked = await revokeAllApiTokens(trx, user.id);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      before: { must_change_password: user.must_change_password },
      after: { password_changed: true, must_change_password: false, revoked_api_tokens: revoked.length },
    });
    for (const id of revoked) {
      await auditChange(trx, ctx, {
        action: 'update',
        entityType: 'api_token',
        entityId: id,
        after: { revoked: true, reason: 'password_changed' },
      });
    }
    return { revoked_api_tokens: revoked.length };
  });
}
