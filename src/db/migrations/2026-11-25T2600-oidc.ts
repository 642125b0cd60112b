import { type Kysely, sql } from 'kysely';

/**
 * A single sign-on attempt between the redirect to the identity provider and its callback, kept in the
 * database (not in one process's memory) so any server instance can finish it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE oidc_logins (
      state text PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      code_verifier text NOT NULL,
      nonce text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE oidc_logins`.execute(db);
}
