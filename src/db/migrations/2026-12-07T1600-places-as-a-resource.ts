import { type Kysely, sql } from 'kysely';

/**
 * Places and premises as a resource of the local work: a place's opening hours (indoor public rooms are
 * public environment while they are open), a unit's way to be reached by the district that calls on it
 * (a function mailbox or a switchboard, not a person), and the place a contribution request is about.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE places ADD COLUMN opening_hours jsonb;
    ALTER TABLE units
      ADD COLUMN contact_email text CHECK (length(contact_email) <= 200),
      ADD COLUMN contact_phone text CHECK (length(contact_phone) <= 40);
    ALTER TABLE contribution_requests ADD COLUMN place_id uuid REFERENCES places (id);
    CREATE INDEX contribution_requests_place ON contribution_requests (place_id) WHERE place_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE contribution_requests DROP COLUMN place_id;
    ALTER TABLE units DROP COLUMN contact_email, DROP COLUMN contact_phone;
    ALTER TABLE places DROP COLUMN opening_hours;
  `.execute(db);
}
