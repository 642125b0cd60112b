import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { Role } from '../../src/domain/auth.js';
import { hashPassword } from '../../src/features/auth/passwords.js';

export const TEST_PASSWORD = 'korrekt häst batteri häftstift';

/** An account with one role in one unit, password TEST_PASSWORD. */
export async function createUser(
  db: Kysely<Database>,
  organisationId: string,
  unitId: string,
  role: Role,
  email = `${role}.${randomBytes(4).toString('hex')}@example.se`,
) {
  const user = await db
    .insertInto('users')
    .values({
      organisation_id: organisationId,
      email,
      display_name: `Test ${role}`,
      password_hash: await hashPassword(TEST_PASSWORD),
      oidc_issuer: null,
      oidc_subject: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: user.id, unit_id: unitId, role })
    .execute();
  return { id: user.id, email };
}

export interface SignedIn {
  /** Headers for a cookie-authenticated request, including the CSRF token writes need. */
  headers: Record<string, string>;
  cookie: string;
  csrf: string;
}

/** Signs in through the API as a browser would. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
  extraHeaders: Record<string, string> = {},
): Promise<SignedIn> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: extraHeaders,
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'trygg_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = res.json().csrf_token as string;
  return {
    cookie: `trygg_session=${cookie.value}`,
    csrf,
    headers: { ...extraHeaders, cookie: `trygg_session=${cookie.value}`, 'x-csrf-token': csrf },
  };
}

/** Creates an account with the role and signs it in. */
export async function signedInAs(
  app: FastifyInstance,
  db: Kysely<Database>,
  organisationId: string,
  unitId: string,
  role: Role,
  extraHeaders: Record<string, string> = {},
) {
  const user = await createUser(db, organisationId, unitId, role);
  return { ...(await signIn(app, user.email, TEST_PASSWORD, extraHeaders)), user };
}
