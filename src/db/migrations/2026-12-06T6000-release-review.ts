import { type Kysely, sql } from 'kysely';

/**
 * Issue 13: a records release is reviewed (sekretessprövning) before it is produced. A draft holds the
 * records as they would be released and the marks the officer decides (mask under a ground, or approve);
 * it is deleted when released. The release log gains the draft it came from and what the review kept:
 * who reviewed, when, and how much was masked under which ground — never the masked text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE records_release_drafts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      request_ref text NOT NULL CHECK (char_length(request_ref) BETWEEN 1 AND 100),
      recipient text NOT NULL CHECK (char_length(recipient) BETWEEN 1 AND 200),
      record_type text NOT NULL,
      format text NOT NULL CHECK (format IN ('json', 'xlsx', 'pdf')),
      records jsonb NOT NULL,
      marks jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX records_release_drafts_org_idx ON records_release_drafts (organisation_id, created_at DESC);
    ALTER TABLE records_releases ADD COLUMN draft_id uuid, ADD COLUMN review jsonb;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE records_release_drafts;
    ALTER TABLE records_releases DROP COLUMN draft_id, DROP COLUMN review;
  `.execute(db);
}
