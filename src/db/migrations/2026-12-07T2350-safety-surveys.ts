import { type Kysely, sql } from 'kysely';

/**
 * Safety surveys (trygghetsmätningar, issue 18): published aggregates of the city's, the police's and
 * related surveys. Areas are of the survey's own levels (kommun, stadsdelsområde, lokalpolisområde,
 * polisregion, län), so they are a catalogue of their own, linked to the organisation's area where one is
 * the same district. A result is one area × question × year: the respondents when the source gave them,
 * and the share per answer option.
 */
const SURVEY_TABLES = ['survey_areas', 'survey_questions', 'survey_results', 'survey_result_shares'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE survey_areas (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      level text NOT NULL CHECK (level IN ('kommun', 'stadsdelsomrade', 'lokalpolisomrade', 'polisregion', 'lan')),
      area_id uuid REFERENCES areas(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, name, level)
    );

    CREATE TABLE surveys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      -- The whole population the survey covers (the city, the police region): its figures are the average
      -- an area is compared with.
      reference_area_id uuid REFERENCES survey_areas(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, name)
    );

    CREATE TABLE survey_questions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      survey_id uuid NOT NULL REFERENCES surveys(id),
      text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 300),
      kind text NOT NULL DEFAULT 'item' CHECK (kind IN ('item', 'response_rate')),
      options jsonb NOT NULL,
      key_option text NOT NULL,
      direction text NOT NULL CHECK (direction IN ('lower', 'higher')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (survey_id, text),
      -- The option a chart follows is one of the question's options.
      CHECK (options -> 'options' @> to_jsonb(ARRAY[key_option]))
    );

    CREATE TABLE survey_results (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      question_id uuid NOT NULL REFERENCES survey_questions(id),
      survey_area_id uuid NOT NULL REFERENCES survey_areas(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      respondents integer CHECK (respondents >= 0),
      source text CHECK (char_length(source) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (question_id, survey_area_id, year)
    );
    CREATE INDEX survey_results_area_idx ON survey_results (survey_area_id, question_id);

    CREATE TABLE survey_result_shares (
      result_id uuid NOT NULL REFERENCES survey_results(id) ON DELETE CASCADE,
      option text NOT NULL CHECK (char_length(option) BETWEEN 1 AND 100),
      share_percent double precision NOT NULL CHECK (share_percent >= 0 AND share_percent <= 100),
      PRIMARY KEY (result_id, option)
    );
  `.execute(db);
  // A problem's survey evidence shows the series' figures: a change to them must rebuild cached programme views.
  await sql
    .raw(
      SURVEY_TABLES.map(
        (t) => `CREATE TRIGGER programme_version_${t} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
          FOR EACH STATEMENT EXECUTE FUNCTION bump_programme_version();`,
      ).join('\n'),
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE survey_result_shares;
    DROP TABLE survey_results;
    DROP TABLE survey_questions;
    DROP TABLE surveys;
    DROP TABLE survey_areas;
  `.execute(db);
}
