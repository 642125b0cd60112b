import { type Kysely, sql } from 'kysely';

/**
 * The committee reporting cycle (issue 16 part 3): reporting periods (a tertial, or the year when `tertial` is
 * NULL) opened by the city with a deadline day; per period and reporting unit one follow-up, a draft until
 * submitted, when the figures drawn from the unit's records are stored with its text (`figures`) and the row
 * is frozen — a trigger refuses any later change, so the committee's report cannot move under it. A unit's
 * comments per programme goal are rows by the goal's section key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reporting_periods (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      tertial integer CHECK (tertial BETWEEN 1 AND 3),
      deadline date NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      programme_version_id uuid REFERENCES programme_versions(id),
      opened_at timestamptz NOT NULL,
      opened_by text NOT NULL,
      closed_at timestamptz,
      closed_by text,
      CHECK ((status = 'closed') = (closed_at IS NOT NULL AND closed_by IS NOT NULL))
    );
    -- One period per tertial and one for the year.
    CREATE UNIQUE INDEX reporting_periods_one_idx ON reporting_periods (organisation_id, year, COALESCE(tertial, 0));

    CREATE TABLE unit_followups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      period_id uuid NOT NULL REFERENCES reporting_periods(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
      summary text CHECK (char_length(summary) BETWEEN 1 AND 4000),
      figures jsonb,
      submitted_at timestamptz,
      submitted_by text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (period_id, unit_id),
      -- A submitted follow-up records when, by whom and the figures it was submitted with, and says something.
      CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND submitted_by IS NOT NULL AND figures IS NOT NULL)),
      CHECK (status = 'draft' OR summary IS NOT NULL)
    );
    CREATE INDEX unit_followups_unit_idx ON unit_followups (unit_id);

    CREATE TABLE unit_followup_goals (
      followup_id uuid NOT NULL REFERENCES unit_followups(id),
      section_key uuid NOT NULL,
      comment text NOT NULL CHECK (char_length(comment) BETWEEN 1 AND 4000),
      PRIMARY KEY (followup_id, section_key)
    );

    CREATE FUNCTION unit_followups_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'submitted' THEN
        RAISE EXCEPTION 'a submitted follow-up is frozen';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END $$;
    CREATE TRIGGER unit_followups_frozen BEFORE UPDATE OR DELETE ON unit_followups
      FOR EACH ROW EXECUTE FUNCTION unit_followups_frozen();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE unit_followup_goals;
    DROP TABLE unit_followups;
    DROP FUNCTION unit_followups_frozen();
    DROP TABLE reporting_periods;
  `.execute(db);
}
