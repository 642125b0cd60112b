import { type Kysely, sql } from 'kysely';

/**
 * The documents Lag (2023:196) asks of a municipality (issue 16): lägesbild, orsaksanalys and åtgärdsplan,
 * per district or for the whole city (district_id NULL). Every version is kept, numbered per document; a
 * version's sections never change (an edit saves a new version), only its status moves on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE law_document_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL CHECK (kind IN ('situation_picture', 'cause_analysis', 'action_plan')),
      district_id uuid REFERENCES units(id),
      version integer NOT NULL CHECK (version >= 1),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted', 'replaced')),
      decision_ref text CHECK (char_length(decision_ref) BETWEEN 1 AND 60),
      adopted_on date,
      based_on_version integer,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- A version in force, or one that was, rests on the council's decision.
      CHECK (status = 'draft' OR (decision_ref IS NOT NULL AND adopted_on IS NOT NULL))
    );
    -- One numbering per document (kind and district, the city's being the one without a district).
    CREATE UNIQUE INDEX law_document_versions_number_idx
      ON law_document_versions (organisation_id, kind, COALESCE(district_id::text, 'city'), version);
    -- At most one version of a document in force.
    CREATE UNIQUE INDEX law_document_versions_adopted_idx
      ON law_document_versions (organisation_id, kind, COALESCE(district_id::text, 'city')) WHERE status = 'adopted';

    CREATE TABLE law_document_sections (
      version_id uuid NOT NULL REFERENCES law_document_versions(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      heading text NOT NULL CHECK (char_length(heading) BETWEEN 1 AND 200),
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
      PRIMARY KEY (version_id, position)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE law_document_sections;
    DROP TABLE law_document_versions;
  `.execute(db);
}
