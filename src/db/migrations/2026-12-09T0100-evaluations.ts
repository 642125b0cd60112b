import { type Kysely, sql } from 'kysely';

/**
 * Evaluating a measure (issue 17): a design attached to a measure — treatment, comparison and buffer sites
 * (places or areas), before and after periods with the implementation between them, the incident categories
 * counted, an optional ring around the treatment places for displacement, and the evaluator's conclusion.
 * Beside it, monthly visitor counts and opening hours per place: the denominators that let libraries of
 * different size be compared fairly (incidents per 10,000 visitors).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evaluations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      measure_id uuid NOT NULL REFERENCES measures(id),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      before_from date NOT NULL,
      before_to date NOT NULL,
      after_from date NOT NULL,
      after_to date NOT NULL,
      -- A ring this many metres around the treatment places; NULL: no ring (buffer areas may still be chosen).
      buffer_metres integer CHECK (buffer_metres BETWEEN 50 AND 5000),
      conclusion text CHECK (char_length(conclusion) <= 8000),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      -- The after period starts after the before period ends; the gap between them is the implementation.
      CHECK (before_from <= before_to AND before_to < after_from AND after_from <= after_to)
    );
    CREATE INDEX evaluations_measure_idx ON evaluations (measure_id);

    CREATE TABLE evaluation_sites (
      evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      role text NOT NULL CHECK (role IN ('treatment', 'comparison', 'buffer')),
      place_id uuid REFERENCES places(id),
      area_id uuid REFERENCES areas(id),
      CHECK ((place_id IS NULL) <> (area_id IS NULL))
    );
    -- A site has one role: a place cannot be its own comparison.
    CREATE UNIQUE INDEX evaluation_sites_place_idx ON evaluation_sites (evaluation_id, place_id) WHERE place_id IS NOT NULL;
    CREATE UNIQUE INDEX evaluation_sites_area_idx ON evaluation_sites (evaluation_id, area_id) WHERE area_id IS NOT NULL;

    CREATE TABLE evaluation_categories (
      evaluation_id uuid NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      category_id uuid NOT NULL REFERENCES incident_categories(id),
      PRIMARY KEY (evaluation_id, category_id)
    );

    CREATE TABLE place_month_figures (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      place_id uuid NOT NULL REFERENCES places(id),
      month date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
      visitors integer CHECK (visitors >= 0),
      opening_hours double precision CHECK (opening_hours >= 0 AND opening_hours <= 744),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (place_id, month),
      CHECK (visitors IS NOT NULL OR opening_hours IS NOT NULL)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE place_month_figures;
    DROP TABLE evaluation_categories;
    DROP TABLE evaluation_sites;
    DROP TABLE evaluations;
  `.execute(db);
}
