import { type Kysely, sql } from 'kysely';
import { INCIDENT_VERSION_TRIGGERS } from './2026-11-25T2400-situation.js';

/**
 * Situation reports now key their cache on the newest week version among the weeks they read
 * (`incident_week_versions`), so that this week's incidents leave last week's report cached. The
 * organisation-wide `incidents` data version has no reader left; its triggers made every incident write
 * update one row per organisation, which concurrent writers queue on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER incidents_version_insert ON incidents;
    DROP TRIGGER incidents_version_update ON incidents;
    DROP TRIGGER incidents_version_delete ON incidents;
    DROP FUNCTION bump_incident_version();
    DELETE FROM data_versions WHERE kind = 'incidents';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(INCIDENT_VERSION_TRIGGERS).execute(db);
}
