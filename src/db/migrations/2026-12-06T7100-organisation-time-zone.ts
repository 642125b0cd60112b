import { type Kysely, sql } from 'kysely';
import { KEY, WEEK } from './2026-11-25T2800-incident-weekly-counts.js';
import * as weeklyCountsOnePass from './2026-11-26T3600-weekly-counts-one-pass.js';

/**
 * Each organisation keeps the clock of its own place: weeks, local days and "today" are counted in its time
 * zone (an IANA name). Every organisation so far is Swedish, so the column's default keeps every count as it
 * was and no recount is needed. The weekly-count triggers and their rebuild read the zone from the incident's
 * organisation instead of naming Swedish time, so the counts keep agreeing with the report's own local weeks.
 */

/** Monday of the incident's ISO week on its organisation's wall clock (o: the organisation's row). */
const LOCAL_WEEK = `date_trunc('week', t.occurred_at AT TIME ZONE o.time_zone)::date`;

/** One signed row per incident of a transition table, its week in its organisation's zone. */
const rowsOf = (table: string, sign: 1 | -1) =>
  `SELECT t.organisation_id, t.area_id, ${LOCAL_WEEK} AS week, t.category_id, t.source, t.precision, ${sign} AS delta
   FROM ${table} t JOIN organisations o ON o.id = t.organisation_id`;

// The one-pass trigger body of 2026-11-26T3600-weekly-counts-one-pass, over the rows above.
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

/** The recount of 2026-11-25T2800-incident-weekly-counts (used by restores), with `week` as the week expression over `incidents t`. */
const rebuild = (week: string, from: string) => `
  CREATE OR REPLACE FUNCTION rebuild_incident_weekly_counts() RETURNS void LANGUAGE sql AS $$
    DELETE FROM incident_weekly_counts;
    INSERT INTO incident_weekly_counts (${KEY}, count)
    SELECT t.organisation_id, t.area_id, ${week}, t.category_id, t.source, t.precision, count(*) FROM ${from} GROUP BY 1, 2, 3, 4, 5, 6;
    DELETE FROM incident_week_versions;
    INSERT INTO incident_week_versions (organisation_id, week, version)
    SELECT organisation_id, week, nextval('incident_week_version_seq') FROM (SELECT DISTINCT organisation_id, week FROM incident_weekly_counts) w;
  $$;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE organisations ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Stockholm'`.execute(db);
  await sql.raw(`
    ${onePass('incident_weekly_counts_insert', rowsOf('new_rows', 1))}
    ${onePass('incident_weekly_counts_delete', rowsOf('old_rows', -1))}
    ${onePass('incident_weekly_counts_update', `${rowsOf('new_rows', 1)} UNION ALL ${rowsOf('old_rows', -1)}`)}
    ${rebuild(LOCAL_WEEK, 'incidents t JOIN organisations o ON o.id = t.organisation_id')}
  `).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await weeklyCountsOnePass.up(db);
  await sql.raw(rebuild(WEEK.replace('occurred_at', 't.occurred_at'), 'incidents t')).execute(db);
  await sql`ALTER TABLE organisations DROP COLUMN time_zone`.execute(db);
}
