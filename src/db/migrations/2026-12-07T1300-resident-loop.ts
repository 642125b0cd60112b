import { type Kysely, sql } from 'kysely';

/**
 * The resident hears back: a photo with a report (re-encoded without metadata, with a thumbnail, kept in the
 * database so a backup holds it), replies staff write to the reporter (redacted on write), and the outbox
 * kinds that carry a reply, and the receipt, to a confirmed address. Photos and replies go with their
 * incident (ON DELETE CASCADE) and are cleared with its free text by retention.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_photos (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      incident_id uuid NOT NULL UNIQUE REFERENCES incidents(id) ON DELETE CASCADE,
      content_type text NOT NULL CHECK (content_type IN ('image/jpeg')),
      width integer NOT NULL CHECK (width > 0),
      height integer NOT NULL CHECK (height > 0),
      image bytea NOT NULL,
      thumbnail bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE incident_public_updates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX incident_public_updates_incident_idx ON incident_public_updates (incident_id, created_at);

    ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
    ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check
      CHECK (kind IN ('status_change', 'weekly_digest', 'contact_confirmation', 'public_update', 'receipt'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM outbox_messages WHERE kind IN ('public_update', 'receipt');
    ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
    ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check
      CHECK (kind IN ('status_change', 'weekly_digest', 'contact_confirmation'));
    DROP TABLE incident_public_updates;
    DROP TABLE incident_photos;
  `.execute(db);
}
