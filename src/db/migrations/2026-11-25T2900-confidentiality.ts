import { type Kysely, sql } from 'kysely';

/**
 * Issue 6, items 1 and 5: a confidentiality tier on every record a records request can ask for (defaults as in
 * src/domain/confidentiality.ts), the release log of records requests (append-only like the audit log), and
 * the flag that makes a one-time password be changed at first sign-in.
 */
const TIERED: ReadonlyArray<[table: string, fallback: string]> = [
  ['incidents', 'municipal'], ['problems', 'municipal'], ['measures', 'municipal'], ['measure_components', 'municipal'],
  ['contribution_requests', 'partner'], ['meetings', 'partner'], ['meeting_actions', 'partner'], ['situation_reports', 'partner'],
  ['local_agreements', 'public'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, fallback] of TIERED) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN confidentiality text NOT NULL DEFAULT ${sql.lit(fallback)}
      CONSTRAINT ${sql.id(`${table}_confidentiality_check`)} CHECK (confidentiality IN ('public', 'partner', 'municipal', 'restricted'))`.execute(db);
  }
  await sql`
    ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

    CREATE TABLE records_releases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      request_ref text NOT NULL CHECK (char_length(request_ref) BETWEEN 1 AND 100),
      recipient text NOT NULL CHECK (char_length(recipient) BETWEEN 1 AND 200),
      record_type text NOT NULL,
      record_ids jsonb NOT NULL,
      masked jsonb NOT NULL,
      format text NOT NULL CHECK (format IN ('json', 'xlsx', 'pdf')),
      released_by text NOT NULL,
      released_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX records_releases_org_idx ON records_releases (organisation_id, released_at DESC);

    CREATE FUNCTION records_releases_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'records_releases is append-only' USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER records_releases_no_update BEFORE UPDATE OR DELETE ON records_releases
      FOR EACH ROW EXECUTE FUNCTION records_releases_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE records_releases;
    DROP FUNCTION records_releases_append_only();
    ALTER TABLE users DROP COLUMN must_change_password;
  `.execute(db);
  for (const [table] of TIERED) await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN confidentiality`.execute(db);
}
