import { type Kysely, sql } from 'kysely';

/** Organisation model, places, category taxonomy, incidents and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
      name text NOT NULL,
      municipality_code text,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE units (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      slug text NOT NULL CHECK (slug ~ '^[a-z0-9-]+$'),
      name text NOT NULL,
      name_en text,
      kind text NOT NULL CHECK (kind IN ('district', 'specialist', 'company', 'partner')),
      valid_from date,
      valid_to date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, slug),
      CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
    );

    -- valid_to is the last day the area is in force (inclusive); NULL means still in force.
    CREATE TABLE areas (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('district', 'neighbourhood', 'focus')),
      parent_id uuid REFERENCES areas(id),
      owner_unit_id uuid REFERENCES units(id),
      valid_from date NOT NULL,
      valid_to date,
      geometry jsonb NOT NULL,
      min_lon double precision NOT NULL,
      min_lat double precision NOT NULL,
      max_lon double precision NOT NULL,
      max_lat double precision NOT NULL,
      approximate boolean NOT NULL DEFAULT false,
      source text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, level, code, valid_from),
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );
    CREATE INDEX areas_org_level_idx ON areas (organisation_id, level, valid_from);

    CREATE TABLE area_populations (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      area_code text NOT NULL,
      level text NOT NULL CHECK (level IN ('district', 'neighbourhood')),
      year integer NOT NULL,
      population integer NOT NULL CHECK (population >= 0),
      source text,
      PRIMARY KEY (organisation_id, level, area_code, year)
    );

    CREATE TABLE places (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      slug text NOT NULL CHECK (slug ~ '^[a-z0-9-]+$'),
      name text NOT NULL,
      type text NOT NULL,
      setting text NOT NULL CHECK (setting IN ('indoor', 'outdoor')),
      lon double precision NOT NULL,
      lat double precision NOT NULL,
      coordinate_approximate boolean NOT NULL DEFAULT false,
      coordinate_note text,
      address text,
      neighbourhood_code text,
      owner_unit_id uuid REFERENCES units(id),
      geometry jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, slug)
    );
    CREATE INDEX places_org_setting_idx ON places (organisation_id, setting, type);

    CREATE TABLE place_responsibilities (
      place_id uuid NOT NULL REFERENCES places(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES units(id),
      responsibility text NOT NULL CHECK (responsibility ~ '^[a-z_]+$'),
      PRIMARY KEY (place_id, unit_id, responsibility)
    );

    CREATE TABLE place_zones (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      place_id uuid NOT NULL REFERENCES places(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
      name text NOT NULL,
      name_en text,
      UNIQUE (place_id, code)
    );

    CREATE TABLE incident_categories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      code text NOT NULL CHECK (code ~ '^[a-z0-9_]+$'),
      label_sv text NOT NULL,
      label_en text NOT NULL,
      group_code text NOT NULL,
      sort_order integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, code)
    );

    -- Incidents describe places and events, never persons: there is deliberately no column for a name
    -- or an identity number, and description holds text that has passed the personal-data redactor.
    CREATE TABLE incidents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      occurred_at timestamptz NOT NULL,
      reported_at timestamptz NOT NULL DEFAULT now(),
      category_id uuid NOT NULL REFERENCES incident_categories(id),
      lon double precision NOT NULL,
      lat double precision NOT NULL,
      precision text NOT NULL CHECK (precision IN ('exact', 'place', 'area', 'municipality')),
      h3_r7 text, h3_r8 text, h3_r9 text, h3_r10 text,
      area_id uuid REFERENCES areas(id),
      district_id uuid REFERENCES areas(id),
      place_id uuid REFERENCES places(id),
      zone_id uuid REFERENCES place_zones(id),
      description text CHECK (char_length(description) <= 4000),
      redaction_count integer NOT NULL DEFAULT 0,
      source text NOT NULL CHECK (source IN ('resident', 'staff', 'partner', 'police', 'import', 'open311', 'demo')),
      source_ref text,
      reporting_unit_id uuid REFERENCES units(id),
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'closed')),
      closure_reason text CHECK (closure_reason IN ('fixed', 'not_ours', 'wont_fix', 'duplicate')),
      status_note text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'closed') = (closure_reason IS NOT NULL)),
      -- Coarse locations must never look exact: only exact/place rows carry H3 cells.
      CHECK ((precision IN ('exact', 'place')) = (h3_r9 IS NOT NULL))
    );
    CREATE UNIQUE INDEX incidents_source_ref_uq ON incidents (organisation_id, source, source_ref) WHERE source_ref IS NOT NULL;
    CREATE INDEX incidents_org_time_idx ON incidents (organisation_id, occurred_at DESC, id DESC);
    CREATE INDEX incidents_district_time_idx ON incidents (district_id, occurred_at);
    CREATE INDEX incidents_area_time_idx ON incidents (area_id, occurred_at);
    CREATE INDEX incidents_place_idx ON incidents (place_id);
    CREATE INDEX incidents_h3_r8_idx ON incidents (organisation_id, h3_r8);

    CREATE TABLE audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organisation_id uuid REFERENCES organisations(id),
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      before jsonb,
      after jsonb,
      remote_address text
    );
    CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE audit_events; DROP TABLE incidents; DROP TABLE incident_categories;
    DROP TABLE place_zones; DROP TABLE place_responsibilities; DROP TABLE places;
    DROP TABLE area_populations; DROP TABLE areas; DROP TABLE units; DROP TABLE organisations;
  `.execute(db);
}
