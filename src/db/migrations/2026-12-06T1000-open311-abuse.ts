import { type Kysely, sql } from 'kysely';

/**
 * Open311 abuse controls. Trusted Open311 clients get an API key (only its SHA-256 is stored; admins issue and
 * revoke keys). A reporter's e-mail gets status mail only once its owner confirmed it through a link sent to it:
 * until then it holds the hash of the link's token, and unconfirmed addresses expire (retention rule
 * 'unconfirmed_reporter_contact'). Addresses kept before this had no confirmation and are treated as unconfirmed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE open311_api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
      key_hash text NOT NULL UNIQUE,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX open311_api_keys_org_idx ON open311_api_keys (organisation_id, created_at);

    ALTER TABLE reporter_contacts
      ADD COLUMN confirmed_at timestamptz,
      ADD COLUMN confirm_token_hash text UNIQUE;

    ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
    ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check CHECK (kind IN ('status_change', 'weekly_digest', 'contact_confirmation'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM outbox_messages WHERE kind = 'contact_confirmation';
    ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
    ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check CHECK (kind IN ('status_change', 'weekly_digest'));
    ALTER TABLE reporter_contacts DROP COLUMN confirm_token_hash, DROP COLUMN confirmed_at;
    DROP TABLE open311_api_keys;
  `.execute(db);
}
