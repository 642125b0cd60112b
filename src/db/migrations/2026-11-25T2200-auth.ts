import { type Kysely, sql } from 'kysely';

/** Accounts, unit memberships with roles, database sessions, API tokens; the audit log made append-only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      email text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
      display_name text NOT NULL,
      password_hash text,
      oidc_issuer text,
      oidc_subject text,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, email),
      UNIQUE (oidc_issuer, oidc_subject)
    );

    CREATE TABLE memberships (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES units(id),
      role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, unit_id, role)
    );

    -- Only a hash of the session token is stored: a leaked table cannot be replayed as cookies.
    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      remote_address text,
      user_agent text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);

    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      scopes jsonb NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER audit_events_no_truncate ON audit_events;
    DROP TRIGGER audit_events_no_update ON audit_events;
    DROP FUNCTION audit_events_append_only();
    DROP TABLE api_tokens; DROP TABLE sessions; DROP TABLE memberships; DROP TABLE users;
  `.execute(db);
}
