import { type Kysely, sql } from 'kysely';

/**
 * Failed sign-ins are counted per e-mail address *and* client address instead of per account: wrong
 * passwords from one place slow that place only, never the owner elsewhere (the account-wide lock let anyone
 * lock anyone out). Rows exist for unknown e-mail addresses too, so a refusal tells nothing about whether an
 * account exists. `succeeded_at` marks the places the owner signed in from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sign_in_throttle (
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      email text NOT NULL,
      address text NOT NULL,
      failures integer NOT NULL DEFAULT 0,
      failed_at timestamptz,
      blocked_until timestamptz,
      succeeded_at timestamptz,
      PRIMARY KEY (organisation_id, email, address)
    );
    CREATE INDEX sign_in_throttle_address ON sign_in_throttle (address, failed_at);
    ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE sign_in_throttle;
    ALTER TABLE users ADD COLUMN failed_logins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz;
  `.execute(db);
}
