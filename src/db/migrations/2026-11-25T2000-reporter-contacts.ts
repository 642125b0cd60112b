import { type Kysely, sql } from 'kysely';

/**
 * A reporter's e-mail, kept apart from the incident and only when the reporter asked for updates, so it can
 * be extracted or erased on request without touching the incident itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reporter_contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      incident_id uuid NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
      email text NOT NULL CHECK (char_length(email) <= 254 AND position('@' in email) > 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (incident_id)
    );
    CREATE INDEX reporter_contacts_email_idx ON reporter_contacts (organisation_id, lower(email));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE reporter_contacts`.execute(db);
}
