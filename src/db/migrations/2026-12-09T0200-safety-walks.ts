import { type Kysely, sql } from 'kysely';

/**
 * Safety walks (trygghetsvandringar, issue 18): the organisation's checklist, walks with their invited
 * units and groups, observations against the checklist, and an observation's photo (re-encoded without
 * metadata, with a thumbnail, kept in the database so a backup holds it). An observation's id is made by
 * the phone that noted it: the primary key is what makes a resend from the offline queue harmless.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE walk_checklist_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      code text NOT NULL CHECK (code ~ '^[a-z0-9_]{2,60}$'),
      label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 120),
      label_en text NOT NULL CHECK (char_length(label_en) BETWEEN 1 AND 120),
      setting text NOT NULL CHECK (setting IN ('outdoor', 'indoor')),
      category_id uuid REFERENCES incident_categories(id),
      sort_order integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, code)
    );

    CREATE TABLE safety_walks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      unit_id uuid NOT NULL REFERENCES units(id),
      area_id uuid NOT NULL REFERENCES areas(id),
      route jsonb,
      walk_date date NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'finished')),
      groups jsonb NOT NULL DEFAULT '{"groups": []}',
      created_by uuid REFERENCES users(id),
      finished_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX safety_walks_org_date_idx ON safety_walks (organisation_id, walk_date DESC);

    CREATE TABLE safety_walk_units (
      walk_id uuid NOT NULL REFERENCES safety_walks(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES units(id),
      PRIMARY KEY (walk_id, unit_id)
    );

    CREATE TABLE walk_observations (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      walk_id uuid NOT NULL REFERENCES safety_walks(id) ON DELETE CASCADE,
      item_id uuid NOT NULL REFERENCES walk_checklist_items(id),
      lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
      lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
      severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
      note text CHECK (char_length(note) <= 1000),
      observed_at timestamptz NOT NULL DEFAULT now(),
      problem_id uuid REFERENCES problems(id) ON DELETE SET NULL,
      incident_id uuid REFERENCES incidents(id) ON DELETE SET NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX walk_observations_walk_idx ON walk_observations (walk_id, observed_at);

    CREATE TABLE walk_observation_photos (
      observation_id uuid PRIMARY KEY REFERENCES walk_observations(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      content_type text NOT NULL CHECK (content_type IN ('image/jpeg')),
      width integer NOT NULL CHECK (width > 0),
      height integer NOT NULL CHECK (height > 0),
      image bytea NOT NULL,
      thumbnail bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE walk_observation_photos;
    DROP TABLE walk_observations;
    DROP TABLE safety_walk_units;
    DROP TABLE safety_walks;
    DROP TABLE walk_checklist_items;
  `.execute(db);
}
