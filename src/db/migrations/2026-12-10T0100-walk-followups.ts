import { type Kysely, sql } from 'kysely';

/**
 * "Åtgärdad?" at the next walk (issue 18): a walker of a later walk in the same area says whether an earlier
 * walk's observation is fixed, not fixed or partly fixed. One answer per observation and later walk; a
 * changed answer replaces it (the audit log keeps the earlier one). Checklist items get a version, so an
 * edit of an item's wording made from an outdated page is refused instead of overwriting another's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE walk_observation_followups (
      observation_id uuid NOT NULL REFERENCES walk_observations(id) ON DELETE CASCADE,
      walk_id uuid NOT NULL REFERENCES safety_walks(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      outcome text NOT NULL CHECK (outcome IN ('fixed', 'not_fixed', 'partly')),
      note text CHECK (char_length(note) <= 1000),
      answered_by uuid REFERENCES users(id),
      answered_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (observation_id, walk_id)
    );
    CREATE INDEX walk_observation_followups_walk_idx ON walk_observation_followups (walk_id);
    ALTER TABLE walk_checklist_items ADD COLUMN version integer NOT NULL DEFAULT 1;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE walk_checklist_items DROP COLUMN version;
    DROP TABLE walk_observation_followups;
  `.execute(db);
}
