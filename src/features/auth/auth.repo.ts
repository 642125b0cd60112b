import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Role } from '../../domain/auth.js';
import type { Db } from '../../core/context.js';

export function findUserByEmail(db: Db, organisationId: string, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .executeTakeFirst();
}

/** The organisation's name and slug: words its members must not build passwords on. */
export async function organisationWords(db: Db, organisationId: string): Promise<string[]> {
  const row = await db
    .selectFrom('organisations')
    .select(['name', 'slug'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row ? [row.name, row.slug] : [];
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listMemberships(db: Db, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.unit_id', 'u.name as unit_name', 'u.kind as unit_kind', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('u.name')
    .execute();
}

export async function insertUser(
  db: Db,
  user: {
    organisation_id: string;
    email: string;
    display_name: string;
    password_hash: string | null;
    must_change_password?: boolean;
  },
  memberships: ReadonlyArray<{ unit_id: string; role: Role }>,
): Promise<string> {
  const { id } = await db
    .insertInto('users')
    .values({ ...user, oidc_issuer: null, oidc_subject: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values(
      memberships.map((m) => ({
        organisation_id: user.organisation_id,
        user_id: id,
        unit_id: m.unit_id,
        role: m.role,
      })),
    )
    .execute();
  return id;
}

/** Sets a new password hash and clears the one-time flag. */
export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: false, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** Ends every session of a user but one (the one that just changed the password). */
export async function deleteOtherSessions(db: Db, userId: string, keepTokenHash: string | null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
  await q.execute();
}

export async function insertSession(
  db: Db,
  session: {
    organisation_id: string;
    token_hash: string;
    user_id: string;
    csrf_token: string;
    expires_at: Date;
    remote_address: string | null;
    user_agent: string | null;
  },
): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** A session with its user and the user's memberships in one round trip: this runs on every signed-in request. */
export function findSessionWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.expires_at',
      's.last_seen_at',
      's.csrf_token',
      'u.id',
      'u.organisation_id',
      'u.email',
      'u.display_name',
      'u.disabled',
      'u.must_change_password',
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('memberships as m')
          .innerJoin('units as un', 'un.id', 'm.unit_id')
          .select(['m.unit_id', 'un.kind as unit_kind', 'm.role'])
          .whereRef('m.user_id', '=', 'u.id')
          .orderBy('un.name'),
      ).as('memberships'),
    )
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function insertApiToken(
  db: Db,
  token: {
    organisation_id: string;
    user_id: string;
    name: string;
    token_hash: string;
    scopes: string[];
    expires_at: Date;
  },
) {
  return db
    .insertInto('api_tokens')
    .values({ ...token, scopes: { scopes: token.scopes }, last_used_at: null, revoked_at: null })
    .returning(['id', 'name', 'scopes', 'expires_at', 'created_at', 'last_used_at', 'revoked_at'])
    .executeTakeFirstOrThrow();
}

export function findApiToken(db: Db, tokenHash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markApiTokenUsed(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export function listApiTokens(db: Db, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'scopes', 'expires_at', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes every live token of a user; returns the ids it revoked. */
export async function revokeAllApiTokens(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function revokeApiToken(db: Db, userId: string, id: string): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function listUnitsForDemoAccounts(db: Db, organisationId: string) {
  return db.selectFrom('units').select(['id', 'slug', 'name']).where('organisation_id', '=', organisationId).execute();
}

/** Remembers a started single sign-on until its callback. */
export async function insertOidcLogin(
  db: Db,
  login: { state: string; organisation_id: string; code_verifier: string; nonce: string },
): Promise<void> {
  await db.insertInto('oidc_logins').values(login).execute();
}

/** Takes a started single sign-on back (once: a replayed callback finds nothing). */
export function takeOidcLogin(db: Db, organisationId: string, state: string) {
  return db
    .deleteFrom('oidc_logins')
    .where('state', '=', state)
    .where('organisation_id', '=', organisationId)
    .returning(['code_verifier', 'nonce', 'created_at'])
    .executeTakeFirst();
}

export function findUserByOidcSubject(db: Db, issuer: string, subject: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

/** An account of the organisation with this e-mail that no provider's subject is linked to yet. */
export function findUnlinkedUserByEmail(db: Db, organisationId: string, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .where('oidc_subject', 'is', null)
    .executeTakeFirst();
}

export function linkOidcSubject(db: Db, userId: string, issuer: string, subject: string) {
  return db
    .updateTable('users')
    .set({ oidc_issuer: issuer, oidc_subject: subject, updated_at: new Date() })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
