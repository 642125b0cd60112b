import { type Kysely, sql } from 'kysely';

/**
 * Incident counts per (organisation, stadsdel row, local ISO week, category, source, precision), kept in
 * step with `incidents` by statement-level triggers, so the situation report reads its long-range figures
 * (the 52-week trend, the same week last year, the årshjul's past years) from the counts instead of every
 * incident. Triggers rather than calls in the writers: imports, seeds, the public form, Open311, retention
 * and bulk loads all write incidents, and none of them may leave the counts behind.
 *
 * The same triggers give every (organisation, week) a new version whenever an incident of that week is
 * written, so the report's per-week parts (top places, hour × weekday, trend) can be cached per week: a new
 * incident invalidates its own week, not three years.
 */

export const KEY = 'organisation_id, area_id, week, category_id, source, precision';
// Monday of the ISO week on the Swedish wall clock, as the report counts weeks (analysis/stats/counts.ts).
export const WEEK = `date_trunc('week', occurred_at AT TIME ZONE 'Europe/Stockholm')::date`;

/** One signed row per incident of a transition table. */
export const rowsOf = (table: string, sign: 1 | -1) =>
  `SELECT organisation_id, area_id, ${WEEK} AS week, category_id, source, precision, ${sign} AS delta FROM ${table}`;

/**
 * Grouped deltas upserted in one statement, so a 100k-row import is one upsert of a few thousand keys, and an
 * update that touches no key column (a status change) nets to zero and changes no count. Sorted by key so
 * concurrent writers lock the count rows in the same order.
 */
const apply = (deltas: string) => `
  INSERT INTO incident_weekly_counts AS w (${KEY}, count)
  SELECT ${KEY}, sum(delta) FROM (${deltas}) d
  GROUP BY ${KEY} HAVING sum(delta) <> 0 ORDER BY ${KEY}
  ON CONFLICT ON CONSTRAINT incident_weekly_counts_key DO UPDATE SET count = w.count + excluded.count`;

/**
 * Every week a statement touched gets a fresh version, whatever changed (a moved point, a new hour): from a
 * sequence, so a version is never handed out twice, not even after a restore.
 */
const bump = (deltas: string) => `
  INSERT INTO incident_week_versions AS v (organisation_id, week, version)
  SELECT organisation_id, week, nextval('incident_week_version_seq') FROM (SELECT DISTINCT organisation_id, week FROM (${deltas}) d ORDER BY 1, 2) w
  ON CONFLICT (organisation_id, week) DO UPDATE SET version = excluded.version`;

/** A trigger function over the transition tables its event has (plpgsql must not name a missing one). */
export const fn = (name: string, deltas: string) => `
  CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${apply(deltas)};
    ${bump(deltas)};
    RETURN NULL;
  END $$;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE incident_weekly_counts (
      -- Derived rows go with their organisation (a forced restore empties organisations before the recount).
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      week date NOT NULL,
      -- The incident's stadsdel row; null for rows placed only in the municipality (police notices).
      area_id uuid,
      category_id uuid NOT NULL,
      source text NOT NULL,
      precision text NOT NULL,
      -- No CHECK (count >= 0): PostgreSQL checks an upsert's proposed row before it sees the conflict, and a
      -- delete's delta is negative. Rows that fall to zero stay; they add nothing to a sum.
      count integer NOT NULL,
      CONSTRAINT incident_weekly_counts_key UNIQUE NULLS NOT DISTINCT (organisation_id, area_id, week, category_id, source, precision)
    );
    CREATE INDEX incident_weekly_counts_org_week_idx ON incident_weekly_counts (organisation_id, week);

    CREATE SEQUENCE incident_week_version_seq;
    CREATE TABLE incident_week_versions (
      organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      week date NOT NULL,
      version bigint NOT NULL,
      PRIMARY KEY (organisation_id, week)
    );
  `.execute(db);
  await sql.raw(`
    ${fn('incident_weekly_counts_insert', rowsOf('new_rows', 1))}
    ${fn('incident_weekly_counts_delete', rowsOf('old_rows', -1))}
    ${fn('incident_weekly_counts_update', `${rowsOf('new_rows', 1)} UNION ALL ${rowsOf('old_rows', -1)}`)}
    CREATE TRIGGER incidents_weekly_counts_insert AFTER INSERT ON incidents
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_weekly_counts_insert();
    CREATE TRIGGER incidents_weekly_counts_update AFTER UPDATE ON incidents
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_weekly_counts_update();
    CREATE TRIGGER incidents_weekly_counts_delete AFTER DELETE ON incidents
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_weekly_counts_delete();

    -- Recounts everything from incidents, with new versions for every week: the backfill below, and restores
    -- (which load rows with triggers off).
    CREATE FUNCTION rebuild_incident_weekly_counts() RETURNS void LANGUAGE sql AS $$
      DELETE FROM incident_weekly_counts;
      INSERT INTO incident_weekly_counts (${KEY}, count)
      SELECT organisation_id, area_id, ${WEEK}, category_id, source, precision, count(*) FROM incidents GROUP BY 1, 2, 3, 4, 5, 6;
      DELETE FROM incident_week_versions;
      INSERT INTO incident_week_versions (organisation_id, week, version)
      SELECT organisation_id, week, nextval('incident_week_version_seq') FROM (SELECT DISTINCT organisation_id, week FROM incident_weekly_counts) w;
    $$;
    SELECT rebuild_incident_weekly_counts();
  `).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TRIGGER incidents_weekly_counts_insert ON incidents;
    DROP TRIGGER incidents_weekly_counts_update ON incidents;
    DROP TRIGGER incidents_weekly_counts_delete ON incidents;
    DROP FUNCTION incident_weekly_counts_insert();
    DROP FUNCTION incident_weekly_counts_update();
    DROP FUNCTION incident_weekly_counts_delete();
    DROP FUNCTION rebuild_incident_weekly_counts();
    DROP TABLE incident_weekly_counts;
    DROP TABLE incident_week_versions;
    DROP SEQUENCE incident_week_version_seq;
  `.execute(db);
}
