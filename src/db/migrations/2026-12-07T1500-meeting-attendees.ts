import { type Kysely, sql } from 'kysely';

/**
 * The people at an EST meeting, by name, beside the units taking part: the protocol is sent to them. A name
 * may say which unit the person came from; none is an outside guest (a housing company's caretaker, say).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE meeting_attendees (
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      unit_id uuid REFERENCES units(id),
      PRIMARY KEY (meeting_id, position)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE meeting_attendees`.execute(db);
}
