import { sql } from 'kysely';
import type { Db } from './context.js';

/**
 * What the programme's views depend on, as one cache-key part: the organisation's `programme` and `areas` data
 * versions (bumped by triggers on every table the views read) and its newest incident week version (every
 * incident write bumps its week's, from one sequence, so the newest changes with any incident written).
 */
export async function readProgrammeVersions(db: Db, organisationId: string): Promise<string> {
  const { rows } = await sql<{ programme: number; areas: number; incidents: number }>`
    SELECT
      coalesce((SELECT version FROM data_versions WHERE organisation_id = ${organisationId} AND kind = 'programme'), 0) AS programme,
      coalesce((SELECT version FROM data_versions WHERE organisation_id = ${organisationId} AND kind = 'areas'), 0) AS areas,
      coalesce((SELECT max(version) FROM incident_week_versions WHERE organisation_id = ${organisationId}), 0) AS incidents`.execute(
    db,
  );
  const v = rows[0]!;
  return `p${v.programme}.a${v.areas}.i${v.incidents}`;
}
