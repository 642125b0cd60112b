import { type Kysely, sql } from 'kysely';

/**
 * A situation report is cached once for everyone and each request leaves out the week's incidents the caller
 * may not see (features/situation/report-access.ts). For staff those can only be restricted ones, which are
 * few: this index finds them without reading the week's other incidents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX incidents_restricted_time_idx ON incidents (organisation_id, occurred_at) WHERE confidentiality = 'restricted'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX incidents_restricted_time_idx`.execute(db);
}
