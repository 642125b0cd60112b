import { type Kysely, sql } from 'kysely';

/**
 * The six-monthly review of a local agreement as a record (issue 5, item 6): when it was held, what the
 * parties concluded, and an assessment of each activity and each indicator, with the indicator's value
 * counted on the day so a later recount does not rewrite what the review saw. `local_agreements.last_review`
 * stays the newest review's date, which the inbox, the quality report and the public page read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agreement_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agreement_id uuid NOT NULL REFERENCES local_agreements(id) ON DELETE CASCADE,
      reviewed_on date NOT NULL,
      note text CHECK (char_length(note) <= 4000),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agreement_id, reviewed_on)
    );
    CREATE TABLE agreement_review_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      review_id uuid NOT NULL REFERENCES agreement_reviews(id) ON DELETE CASCADE,
      -- An activity (a measure) or an indicator (a problem's baseline indicator), never both.
      measure_id uuid REFERENCES measures(id) ON DELETE CASCADE,
      problem_id uuid REFERENCES problems(id) ON DELETE CASCADE,
      assessment text NOT NULL CHECK (assessment IN ('as_planned', 'partly', 'not_done', 'improved', 'unchanged', 'worse', 'unclear')),
      comment text CHECK (char_length(comment) <= 1000),
      indicator_from date,
      indicator_to date,
      indicator_value integer,
      baseline_value integer,
      CHECK (num_nonnulls(measure_id, problem_id) = 1),
      CHECK (measure_id IS NULL OR assessment IN ('as_planned', 'partly', 'not_done')),
      CHECK (problem_id IS NULL OR (assessment IN ('improved', 'unchanged', 'worse', 'unclear') AND indicator_value IS NOT NULL))
    );
    CREATE UNIQUE INDEX agreement_review_items_measure_uq ON agreement_review_items (review_id, measure_id) WHERE measure_id IS NOT NULL;
    CREATE UNIQUE INDEX agreement_review_items_problem_uq ON agreement_review_items (review_id, problem_id) WHERE problem_id IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE agreement_review_items; DROP TABLE agreement_reviews;`.execute(db);
}
