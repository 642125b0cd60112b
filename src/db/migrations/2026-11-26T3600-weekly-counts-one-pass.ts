import { type Kysely, sql } from 'kysely';
import { fn, KEY, rowsOf } from './2026-11-25T2800-incident-weekly-counts.js';

/**
 * The weekly-count triggers read each statement's transition table twice, once for the counts and once for
 * the week versions, converting every row's time to its Swedish week both times (the statement triggers
 * took 1.5 s of a 100k-row import's 3.5 s insert on PGlite). Here one grouped pass feeds both writes (a
 * data-modifying CTE always runs to the end). The week versions still come from every key the statement
 * touched, also those whose deltas net to zero (a moved hour, a status change).
 */
const onePass = (name: string, deltas: string) => `
  CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    WITH d AS MATERIALIZED (SELECT ${KEY}, sum(delta) AS delta FROM (${deltas}) x GROUP BY ${KEY}),
    counted AS (
      INSERT INTO incident_weekly_counts AS w (${KEY}, count)
      SELECT ${KEY}, delta FROM d WHERE delta <> 0 ORDER BY ${KEY}
      ON CONFLICT ON CONSTRAINT incident_weekly_counts_key DO UPDATE SET count = w.count + excluded.count
    )
    INSERT INTO incident_week_versions AS v (organisation_id, week, version)
    SELECT organisation_id, week, nextval('incident_week_version_seq') FROM (SELECT DISTINCT organisation_id, week FROM d ORDER BY 1, 2) w
    ON CONFLICT (organisation_id, week) DO UPDATE SET version = excluded.version;
    RETURN NULL;
  END $$;`;

const functions = (make: typeof fn) => `
  ${make('incident_weekly_counts_insert', rowsOf('new_rows', 1))}
  ${make('incident_weekly_counts_delete', rowsOf('old_rows', -1))}
  ${make('incident_weekly_counts_update', `${rowsOf('new_rows', 1)} UNION ALL ${rowsOf('old_rows', -1)}`)}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(functions(onePass)).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(functions(fn)).execute(db);
}
