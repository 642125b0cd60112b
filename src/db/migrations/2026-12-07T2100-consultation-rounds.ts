import { type Kysely, sql } from 'kysely';

/**
 * Consultation rounds (remiss, issue 16 part 2): a programme version sent to chosen units with a deadline
 * day; one response per invited unit (created with the round, so an invitation and its answer are one
 * row), and per response its statements and proposed changes by section key, with how the coordinating
 * office handled each proposal. All internal: the public never reads these tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE consultation_rounds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      version_id uuid NOT NULL REFERENCES programme_versions(id),
      deadline date NOT NULL,
      sent_at timestamptz NOT NULL,
      sent_by text NOT NULL
    );
    CREATE INDEX consultation_rounds_version_idx ON consultation_rounds (version_id);

    CREATE TABLE consultation_responses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      round_id uuid NOT NULL REFERENCES consultation_rounds(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
      summary text CHECK (char_length(summary) BETWEEN 1 AND 4000),
      submitted_at timestamptz,
      submitted_by text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (round_id, unit_id),
      -- A submitted response records when and by whom, and has something to say.
      CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND submitted_by IS NOT NULL)),
      CHECK (status = 'draft' OR summary IS NOT NULL)
    );
    CREATE INDEX consultation_responses_unit_idx ON consultation_responses (unit_id);

    CREATE TABLE consultation_statements (
      response_id uuid NOT NULL REFERENCES consultation_responses(id),
      section_key uuid NOT NULL,
      statement text CHECK (char_length(statement) BETWEEN 1 AND 4000),
      proposal text CHECK (char_length(proposal) BETWEEN 1 AND 4000),
      handling text CHECK (handling IN ('accepted', 'partly', 'rejected')),
      handling_reason text CHECK (char_length(handling_reason) BETWEEN 1 AND 4000),
      handled_by text,
      handled_at timestamptz,
      PRIMARY KEY (response_id, section_key),
      CHECK (statement IS NOT NULL OR proposal IS NOT NULL),
      -- Only a proposal is handled, and partly accepting or rejecting one says why.
      CHECK (handling IS NULL OR proposal IS NOT NULL),
      CHECK (handling IS NULL OR handling = 'accepted' OR handling_reason IS NOT NULL)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE consultation_statements;
    DROP TABLE consultation_responses;
    DROP TABLE consultation_rounds;
  `.execute(db);
}
