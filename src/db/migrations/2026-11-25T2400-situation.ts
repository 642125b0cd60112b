import { type Kysely, sql } from 'kysely';

/** Dropped again by 2026-11-26T3700 (reports now key on the week versions of the weeks they read). */
export const INCIDENT_VERSION_TRIGGERS = `
    -- A trigger rather than a call in each writer: imports, seeds and bulk loads write incidents without the
    -- incident service, and a cached report must not outlive any of them. Statement-level, so a bulk load
    -- bumps once, not once per row.
    CREATE FUNCTION bump_incident_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO data_versions (organisation_id, kind, version)
        SELECT DISTINCT organisation_id, 'incidents', 1 FROM changed_rows
        ON CONFLICT (organisation_id, kind) DO UPDATE SET version = data_versions.version + 1;
      RETURN NULL;
    END $$;
    CREATE TRIGGER incidents_version_insert AFTER INSERT ON incidents
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_incident_version();
    CREATE TRIGGER incidents_version_update AFTER UPDATE ON incidents
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_incident_version();
    CREATE TRIGGER incidents_version_delete AFTER DELETE ON incidents
      REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_incident_version();
`;

/**
 * The weekly situation picture: data versions for cache invalidation, area-rating thresholds and confirmed
 * ratings, timeline annotations, frozen reports, meetings with participants and decided actions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One counter per organisation and kind of data; caches key on it, so every server process sees a write.
    CREATE TABLE data_versions (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
      version bigint NOT NULL DEFAULT 1,
      PRIMARY KEY (organisation_id, kind)
    );

${sql.raw(INCIDENT_VERSION_TRIGGERS)}
    -- Areas change rarely, but a report's stadsdelar and study cells are cached per area version.
    CREATE FUNCTION bump_area_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO data_versions (organisation_id, kind, version)
        SELECT DISTINCT organisation_id, 'areas', 1 FROM changed_rows
        ON CONFLICT (organisation_id, kind) DO UPDATE SET version = data_versions.version + 1;
      RETURN NULL;
    END $$;
    CREATE TRIGGER areas_version_insert AFTER INSERT ON areas
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_area_version();
    CREATE TRIGGER areas_version_update AFTER UPDATE ON areas
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_area_version();
    CREATE TRIGGER areas_version_delete AFTER DELETE ON areas
      REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_area_version();

    -- Per district (by area code, which survives layout changes); a district without a row uses the defaults.
    CREATE TABLE rating_thresholds (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      district_code text NOT NULL,
      viss_oro_from integer NOT NULL CHECK (viss_oro_from > 0),
      oroligt_from integer NOT NULL,
      allvarligt_from integer NOT NULL,
      violence_weight numeric NOT NULL CHECK (violence_weight >= 1 AND violence_weight <= 10),
      rise_raises_level boolean NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organisation_id, district_code),
      CHECK (viss_oro_from < oroligt_from AND oroligt_from < allvarligt_from)
    );

    CREATE TABLE area_ratings (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      neighbourhood_code text NOT NULL,
      week text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
      proposed_level smallint NOT NULL CHECK (proposed_level BETWEEN 1 AND 4),
      comment text CHECK (char_length(comment) <= 1000),
      confirmed_by text NOT NULL,
      confirmed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organisation_id, neighbourhood_code, week)
    );

    CREATE TABLE annotations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      area_id uuid REFERENCES areas(id),
      date date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('new_app', 'campaign', 'new_reporting_unit', 'system_change', 'other')),
      text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 1000),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX annotations_org_date_idx ON annotations (organisation_id, date);

    -- area_id NULL is the whole city; one frozen report per scope and week.
    CREATE TABLE situation_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      area_id uuid REFERENCES areas(id),
      week text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
      snapshot jsonb NOT NULL,
      frozen_by text NOT NULL,
      frozen_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX situation_reports_scope_week_uq
      ON situation_reports (organisation_id, COALESCE(area_id, '00000000-0000-0000-0000-000000000000'::uuid), week);

    CREATE TABLE meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      report_id uuid NOT NULL UNIQUE REFERENCES situation_reports(id),
      held_at timestamptz NOT NULL,
      notes text CHECK (char_length(notes) <= 20000),
      notes_redactions integer NOT NULL DEFAULT 0,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE meeting_participants (
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES units(id),
      PRIMARY KEY (meeting_id, unit_id)
    );
    CREATE INDEX meeting_participants_unit_idx ON meeting_participants (unit_id);

    CREATE TABLE meeting_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      meeting_id uuid NOT NULL REFERENCES meetings(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
      due_date date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      status_note text CHECK (char_length(status_note) <= 1000),
      closed_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'open') = (closed_at IS NULL))
    );
    CREATE INDEX meeting_actions_inbox_idx ON meeting_actions (unit_id, status, due_date);
    CREATE INDEX meeting_actions_meeting_idx ON meeting_actions (meeting_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE meeting_actions; DROP TABLE meeting_participants; DROP TABLE meetings; DROP TABLE situation_reports;
    DROP TABLE annotations; DROP TABLE area_ratings; DROP TABLE rating_thresholds;
    DROP TRIGGER incidents_version_insert ON incidents; DROP TRIGGER incidents_version_update ON incidents;
    DROP TRIGGER incidents_version_delete ON incidents; DROP FUNCTION bump_incident_version();
    DROP TRIGGER areas_version_insert ON areas; DROP TRIGGER areas_version_update ON areas;
    DROP TRIGGER areas_version_delete ON areas; DROP FUNCTION bump_area_version(); DROP TABLE data_versions;
  `.execute(db);
}
