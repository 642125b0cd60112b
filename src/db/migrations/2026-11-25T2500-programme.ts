import { type Kysely, sql } from 'kysely';

/**
 * The programme's core (issue 5): problems with evidence and a baseline, measures aimed at them with
 * components and follow-ups, contribution requests, the responsibility matrix with incident routing,
 * service levels, the reporter outbox and local agreements.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE problems (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      owner_unit_id uuid NOT NULL REFERENCES units(id),
      area_id uuid REFERENCES areas(id),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      statement text NOT NULL CHECK (char_length(statement) BETWEEN 1 AND 4000),
      stage text NOT NULL DEFAULT 'scanning' CHECK (stage IN ('scanning', 'analysis', 'response', 'assessment')),
      time_pattern text CHECK (char_length(time_pattern) <= 500),
      affected jsonb NOT NULL,
      baseline_from date,
      baseline_to date,
      baseline_value integer,
      target_value integer CHECK (target_value >= 0),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- A baseline is a period and the value computed for it, never one without the other.
      CHECK ((baseline_from IS NULL) = (baseline_value IS NULL) AND (baseline_from IS NULL) = (baseline_to IS NULL)),
      CHECK (baseline_to IS NULL OR baseline_to >= baseline_from)
    );
    CREATE INDEX problems_org_owner_idx ON problems (organisation_id, owner_unit_id);

    CREATE TABLE problem_categories (
      problem_id uuid NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
      category_id uuid NOT NULL REFERENCES incident_categories(id),
      PRIMARY KEY (problem_id, category_id)
    );
    CREATE TABLE problem_places (
      problem_id uuid NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
      place_id uuid NOT NULL REFERENCES places(id),
      PRIMARY KEY (problem_id, place_id)
    );

    -- kind is open (checked by the API's schema, not an enum here) so safety-walk observations and survey
    -- results join as new kinds with their own ref and filter shapes, without a schema rewrite.
    CREATE TABLE problem_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      problem_id uuid NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
      ref text CHECK (char_length(ref) <= 500),
      filter jsonb,
      note text CHECK (char_length(note) <= 2000),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX problem_evidence_problem_idx ON problem_evidence (problem_id);

    CREATE TABLE measures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      responsible_unit_id uuid NOT NULL REFERENCES units(id),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      description text CHECK (char_length(description) <= 4000),
      type text NOT NULL CHECK (type IN ('situational', 'staffing', 'social', 'information', 'surveillance')),
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'done', 'stopped')),
      period_start date,
      period_end date,
      cost_estimate_sek integer CHECK (cost_estimate_sek >= 0),
      target_groups jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
    );
    CREATE INDEX measures_org_unit_idx ON measures (organisation_id, responsible_unit_id);

    CREATE TABLE measure_problems (
      measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
      problem_id uuid NOT NULL REFERENCES problems(id),
      PRIMARY KEY (measure_id, problem_id)
    );
    CREATE INDEX measure_problems_problem_idx ON measure_problems (problem_id);

    -- "The right measure against an identified problem": checked at commit, so a measure and its links are
    -- written in one transaction, and no path (API, seed, restore) can leave a measure aimed at nothing.
    CREATE FUNCTION measure_has_problem() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE mid uuid;
    BEGIN
      -- Separate branches: OLD is unassigned on INSERT, and a CASE would still resolve both.
      IF TG_OP = 'INSERT' THEN mid := NEW.id; ELSE mid := OLD.measure_id; END IF;
      IF EXISTS (SELECT 1 FROM measures WHERE id = mid) AND NOT EXISTS (SELECT 1 FROM measure_problems WHERE measure_id = mid) THEN
        RAISE EXCEPTION 'measure % is aimed at no problem', mid USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER measures_need_problem AFTER INSERT ON measures
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION measure_has_problem();
    CREATE CONSTRAINT TRIGGER measure_problems_keep_one AFTER DELETE ON measure_problems
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION measure_has_problem();

    CREATE TABLE measure_units (
      measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES units(id),
      PRIMARY KEY (measure_id, unit_id)
    );
    CREATE INDEX measure_units_unit_idx ON measure_units (unit_id);
    CREATE TABLE measure_places (
      measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
      place_id uuid NOT NULL REFERENCES places(id),
      PRIMARY KEY (measure_id, place_id)
    );
    CREATE TABLE measure_components (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
      position integer NOT NULL,
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      type text NOT NULL CHECK (type IN ('situational', 'staffing', 'social', 'information', 'surveillance')),
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'done', 'stopped')),
      UNIQUE (measure_id, position)
    );

    -- One row per planned follow-up date; recorded_at set when it is done. The indicator value is computed
    -- from incidents at recording time and kept, so later imports do not rewrite what was reported.
    CREATE TABLE measure_followups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
      due_date date NOT NULL,
      recorded_at timestamptz,
      recorded_by text,
      what_was_done text CHECK (char_length(what_was_done) <= 4000),
      assessment text CHECK (assessment IN ('improved', 'unchanged', 'worse', 'unclear')),
      indicator_problem_id uuid REFERENCES problems(id),
      indicator_from date,
      indicator_to date,
      indicator_value integer,
      baseline_value integer,
      UNIQUE (measure_id, due_date),
      CHECK ((recorded_at IS NULL) = (assessment IS NULL))
    );
    CREATE INDEX measure_followups_due_idx ON measure_followups (due_date) WHERE recorded_at IS NULL;

    CREATE TABLE contribution_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      from_unit_id uuid NOT NULL REFERENCES units(id),
      to_unit_id uuid NOT NULL REFERENCES units(id),
      problem_id uuid NOT NULL REFERENCES problems(id),
      what text NOT NULL CHECK (char_length(what) BETWEEN 1 AND 2000),
      due_date date NOT NULL,
      status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'declined', 'delivered')),
      answer text CHECK (char_length(answer) <= 2000),
      answered_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (from_unit_id <> to_unit_id),
      -- A decline carries its reason and a delivery its note.
      CHECK (status NOT IN ('declined', 'delivered') OR answer IS NOT NULL)
    );
    CREATE INDEX contribution_requests_to_idx ON contribution_requests (to_unit_id, status, due_date);
    CREATE INDEX contribution_requests_from_idx ON contribution_requests (from_unit_id, status, due_date);

    -- place_type 'street' means an incident at no registered place; category NULL matches every category.
    -- target: a named unit, the district owning the incident's area, or the owner of the place.
    CREATE TABLE responsibility_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      place_type text NOT NULL CHECK (place_type ~ '^[a-z_]+$'),
      category_id uuid REFERENCES incident_categories(id),
      target text NOT NULL CHECK (target IN ('unit', 'district', 'place_owner')),
      unit_id uuid REFERENCES units(id),
      note text CHECK (char_length(note) <= 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((target = 'unit') = (unit_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX responsibility_rules_uq
      ON responsibility_rules (organisation_id, place_type, COALESCE(category_id, '00000000-0000-0000-0000-000000000000'::uuid));

    CREATE TABLE incident_assignments (
      incident_id uuid PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      rule_id uuid REFERENCES responsibility_rules(id) ON DELETE SET NULL,
      overridden_by text,
      assigned_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX incident_assignments_unit_idx ON incident_assignments (unit_id);

    CREATE TABLE service_levels (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      category_id uuid NOT NULL REFERENCES incident_categories(id),
      hours integer NOT NULL CHECK (hours BETWEEN 1 AND 8760),
      rule text NOT NULL CHECK (char_length(rule) BETWEEN 1 AND 500),
      PRIMARY KEY (organisation_id, category_id)
    );

    ALTER TABLE incidents ADD COLUMN forwarded_to_unit_id uuid REFERENCES units(id);
    ALTER TABLE incidents ADD COLUMN closed_at timestamptz;

    -- Messages to reporters; a mailer (not part of this service) sends pending rows and sets sent_at.
    CREATE TABLE outbox_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      recipient text NOT NULL CHECK (position('@' in recipient) > 1),
      kind text NOT NULL CHECK (kind IN ('status_change', 'weekly_digest')),
      subject text NOT NULL,
      body text NOT NULL,
      incident_id uuid REFERENCES incidents(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
    CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at) WHERE sent_at IS NULL;

    CREATE TABLE local_agreements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      district_unit_id uuid NOT NULL REFERENCES units(id),
      partner_unit_id uuid NOT NULL REFERENCES units(id),
      kind text NOT NULL CHECK (kind IN ('collaboration_agreement', 'citizen_promise')),
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      summary text CHECK (char_length(summary) <= 4000),
      -- Free text reaches the public page only once someone has approved it for publication.
      summary_public boolean NOT NULL DEFAULT false,
      period_start date NOT NULL,
      period_end date NOT NULL,
      last_review date,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (period_end >= period_start)
    );
    CREATE TABLE agreement_areas (
      agreement_id uuid NOT NULL REFERENCES local_agreements(id) ON DELETE CASCADE,
      area_id uuid NOT NULL REFERENCES areas(id),
      PRIMARY KEY (agreement_id, area_id)
    );
    -- Activities are measures, so they are followed up like every other measure.
    CREATE TABLE agreement_measures (
      agreement_id uuid NOT NULL REFERENCES local_agreements(id) ON DELETE CASCADE,
      measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
      PRIMARY KEY (agreement_id, measure_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE agreement_measures; DROP TABLE agreement_areas; DROP TABLE local_agreements; DROP TABLE outbox_messages;
    ALTER TABLE incidents DROP COLUMN closed_at; ALTER TABLE incidents DROP COLUMN forwarded_to_unit_id;
    DROP TABLE service_levels; DROP TABLE incident_assignments; DROP TABLE responsibility_rules; DROP TABLE contribution_requests;
    DROP TABLE measure_followups; DROP TABLE measure_components; DROP TABLE measure_places; DROP TABLE measure_units;
    DROP TRIGGER measure_problems_keep_one ON measure_problems; DROP TRIGGER measures_need_problem ON measures;
    DROP FUNCTION measure_has_problem(); DROP TABLE measure_problems; DROP TABLE measures;
    DROP TABLE problem_evidence; DROP TABLE problem_places; DROP TABLE problem_categories; DROP TABLE problems;
  `.execute(db);
}
