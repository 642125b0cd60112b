import { type Kysely, sql } from 'kysely';

/**
 * The safety programme as a governing document (issue 16): programmes, their versions with a status and
 * the decision that adopted them, and numbered sections (goal, sub-goals, responsibilities, definitions)
 * that consultation statements and follow-up reports will point at. Every version is kept: a new one is a
 * copy whose sections carry the same `section_key`, so two versions can be compared section by section.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX programmes_org_idx ON programmes (organisation_id);

    CREATE TABLE programme_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      programme_id uuid NOT NULL REFERENCES programmes(id),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      period_from integer NOT NULL CHECK (period_from BETWEEN 2000 AND 2100),
      period_to integer NOT NULL CHECK (period_to BETWEEN 2000 AND 2100),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'consultation', 'adopted', 'replaced')),
      replaces_version_id uuid REFERENCES programme_versions(id),
      decision_ref text CHECK (char_length(decision_ref) BETWEEN 1 AND 60),
      adopted_on date,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_to >= period_from),
      -- A version in force, or one that was, rests on a decision.
      CHECK (status NOT IN ('adopted', 'replaced') OR (decision_ref IS NOT NULL AND adopted_on IS NOT NULL)),
      CHECK (replaces_version_id <> id)
    );
    CREATE INDEX programme_versions_programme_idx ON programme_versions (programme_id);
    CREATE INDEX programme_versions_org_status_idx ON programme_versions (organisation_id, status);

    CREATE TABLE programme_sections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version_id uuid NOT NULL REFERENCES programme_versions(id) ON DELETE CASCADE,
      section_key uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('goal', 'sub_goal', 'responsibility', 'definition')),
      position integer NOT NULL CHECK (position >= 0),
      heading text CHECK (char_length(heading) BETWEEN 1 AND 200),
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
      unit_kind text CHECK (unit_kind IN ('district', 'specialist', 'company', 'partner')),
      unit_id uuid REFERENCES units(id),
      UNIQUE (version_id, kind, position),
      UNIQUE (version_id, section_key),
      -- A responsibility is held by a kind of unit or by one unit; no other section names a holder.
      CHECK ((kind = 'responsibility') = (unit_kind IS NOT NULL OR unit_id IS NOT NULL)),
      CHECK (unit_kind IS NULL OR unit_id IS NULL),
      CHECK (kind <> 'definition' OR heading IS NOT NULL)
    );

    CREATE TABLE programme_section_indicators (
      section_id uuid NOT NULL REFERENCES programme_sections(id) ON DELETE CASCADE,
      problem_id uuid NOT NULL REFERENCES problems(id),
      PRIMARY KEY (section_id, problem_id)
    );
    CREATE INDEX programme_section_indicators_problem_idx ON programme_section_indicators (problem_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE programme_section_indicators;
    DROP TABLE programme_sections;
    DROP TABLE programme_versions;
    DROP TABLE programmes;
  `.execute(db);
}
