import { type Kysely, sql } from 'kysely';

/**
 * Imports: named column-mapping profiles per source, their category value mappings, and an auditable
 * record of every import run. Incidents remember the run that last wrote them, which is how a run tells
 * a repeated source id inside its own file from one that was already in the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_profiles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
      source_label text NOT NULL CHECK (char_length(source_label) BETWEEN 1 AND 200),
      format text NOT NULL CHECK (format IN ('auto', 'csv', 'xlsx', 'geojson', 'police')),
      -- field → column name in the file, e.g. {"occurred_at": "Datum", "category": "Typ"}
      columns jsonb NOT NULL DEFAULT '{}',
      -- date order, coordinate system, delimiter, reporting unit and the other per-source choices
      options jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, name)
    );

    -- A source's own category words ('Skadegörelse', 'Klotter/tag') → the organisation's taxonomy.
    CREATE TABLE import_category_mappings (
      profile_id uuid NOT NULL REFERENCES import_profiles(id) ON DELETE CASCADE,
      source_value text NOT NULL CHECK (char_length(source_value) BETWEEN 1 AND 200),
      category_id uuid NOT NULL REFERENCES incident_categories(id),
      PRIMARY KEY (profile_id, source_value)
    );

    CREATE TABLE import_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      profile_id uuid REFERENCES import_profiles(id) ON DELETE SET NULL,
      actor text NOT NULL,
      file_name text NOT NULL,
      file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      file_size bigint NOT NULL CHECK (file_size >= 0),
      format text,
      dry_run boolean NOT NULL,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'validated', 'committed', 'rejected', 'failed')),
      started_at timestamptz NOT NULL DEFAULT now(),
      -- refreshed while the run works; a running row whose heartbeat stopped belonged to a process that died
      heartbeat_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      bytes_read bigint NOT NULL DEFAULT 0,
      rows_read integer NOT NULL DEFAULT 0,
      rows_ok integer NOT NULL DEFAULT 0,
      rows_failed integer NOT NULL DEFAULT 0,
      rows_skipped integer NOT NULL DEFAULT 0,
      rows_inserted integer NOT NULL DEFAULT 0,
      rows_updated integer NOT NULL DEFAULT 0,
      error_code text,
      report jsonb,
      CHECK ((status = 'running') = (finished_at IS NULL))
    );
    CREATE INDEX import_runs_org_time_idx ON import_runs (organisation_id, started_at DESC);

    ALTER TABLE incidents ADD COLUMN import_run_id uuid REFERENCES import_runs(id);
    -- Duplicate detection probes "same category, within minutes" once per imported row; the counts by
    -- category over time of the situation picture use the same order.
    CREATE INDEX incidents_org_category_time_idx ON incidents (organisation_id, category_id, occurred_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX incidents_org_category_time_idx;
    ALTER TABLE incidents DROP COLUMN import_run_id;
    DROP TABLE import_runs; DROP TABLE import_category_mappings; DROP TABLE import_profiles;
  `.execute(db);
}
