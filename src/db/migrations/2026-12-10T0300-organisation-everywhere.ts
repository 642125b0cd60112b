import { type Kysely, sql } from 'kysely';

/**
 * Every table carries its organisation, the key a distributed PostgreSQL (Citus) shards by: the link and detail
 * tables that reached theirs only through a parent get the column, filled from the parent, and their foreign
 * key to the parent now includes it, so a row can never belong to another organisation than its parent.
 */
const CHILDREN: ReadonlyArray<{ table: string; column: string; parent: string; cascade: boolean }> = [
  { table: 'agreement_areas', column: 'agreement_id', parent: 'local_agreements', cascade: true },
  { table: 'agreement_measures', column: 'agreement_id', parent: 'local_agreements', cascade: true },
  { table: 'agreement_reviews', column: 'agreement_id', parent: 'local_agreements', cascade: true },
  { table: 'agreement_review_items', column: 'review_id', parent: 'agreement_reviews', cascade: true },
  { table: 'api_tokens', column: 'user_id', parent: 'users', cascade: true },
  { table: 'consultation_responses', column: 'round_id', parent: 'consultation_rounds', cascade: false },
  { table: 'consultation_statements', column: 'response_id', parent: 'consultation_responses', cascade: false },
  { table: 'import_category_mappings', column: 'profile_id', parent: 'import_profiles', cascade: true },
  { table: 'law_document_sections', column: 'version_id', parent: 'law_document_versions', cascade: true },
  { table: 'measure_components', column: 'measure_id', parent: 'measures', cascade: true },
  { table: 'measure_followups', column: 'measure_id', parent: 'measures', cascade: true },
  { table: 'measure_places', column: 'measure_id', parent: 'measures', cascade: true },
  { table: 'measure_problems', column: 'measure_id', parent: 'measures', cascade: true },
  { table: 'measure_units', column: 'measure_id', parent: 'measures', cascade: true },
  { table: 'meeting_attendees', column: 'meeting_id', parent: 'meetings', cascade: true },
  { table: 'meeting_participants', column: 'meeting_id', parent: 'meetings', cascade: true },
  { table: 'memberships', column: 'user_id', parent: 'users', cascade: true },
  { table: 'place_responsibilities', column: 'place_id', parent: 'places', cascade: true },
  { table: 'place_zones', column: 'place_id', parent: 'places', cascade: true },
  { table: 'problem_categories', column: 'problem_id', parent: 'problems', cascade: true },
  { table: 'problem_evidence', column: 'problem_id', parent: 'problems', cascade: true },
  { table: 'problem_places', column: 'problem_id', parent: 'problems', cascade: true },
  { table: 'programme_sections', column: 'version_id', parent: 'programme_versions', cascade: true },
  { table: 'programme_section_indicators', column: 'section_id', parent: 'programme_sections', cascade: true },
  { table: 'safety_walk_units', column: 'walk_id', parent: 'safety_walks', cascade: true },
  { table: 'sessions', column: 'user_id', parent: 'users', cascade: true },
  { table: 'survey_result_shares', column: 'result_id', parent: 'survey_results', cascade: true },
  { table: 'unit_followups', column: 'period_id', parent: 'reporting_periods', cascade: false },
  { table: 'unit_followup_goals', column: 'followup_id', parent: 'unit_followups', cascade: false },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // The audit log is append-only, so an old event without an organisation cannot be given one: new events must
  // have one, and the check is validated once no such event is left (after retention, or by hand).
  await sql`
    ALTER TABLE audit_events ADD CONSTRAINT audit_events_organisation_present CHECK (organisation_id IS NOT NULL) NOT VALID
  `.execute(db);
  const keyed = new Set<string>();
  // In order: a parent that is itself a child (agreement_reviews, …) has its column before its children read it.
  for (const { table, column, parent, cascade } of CHILDREN) {
    const t = sql.table(table);
    const p = sql.table(parent);
    const fkey = sql.id(`${table}_${column}_fkey`);
    const parentKey = sql.id(`${parent}_organisation_id_id_key`);
    await sql`ALTER TABLE ${t} ADD COLUMN organisation_id uuid REFERENCES organisations (id)`.execute(db);
    await sql`UPDATE ${t} SET organisation_id = ${p}.organisation_id FROM ${p} WHERE ${p}.id = ${t}.${sql.id(column)}`.execute(
      db,
    );
    await sql`ALTER TABLE ${t} ALTER COLUMN organisation_id SET NOT NULL`.execute(db);
    await sql`CREATE INDEX ${sql.id(`${table}_organisation_id_idx`)} ON ${t} (organisation_id)`.execute(db);
    if (!keyed.has(parent)) {
      keyed.add(parent);
      await sql`ALTER TABLE ${p} ADD CONSTRAINT ${parentKey} UNIQUE (organisation_id, id)`.execute(db);
    }
    await sql`
      ALTER TABLE ${t} DROP CONSTRAINT ${fkey},
        ADD CONSTRAINT ${fkey} FOREIGN KEY (organisation_id, ${sql.id(column)})
          REFERENCES ${p} (organisation_id, id)${cascade ? sql` ON DELETE CASCADE` : sql``}
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_events DROP CONSTRAINT audit_events_organisation_present`.execute(db);
  for (const { table, column, parent, cascade } of [...CHILDREN].reverse()) {
    const fkey = sql.id(`${table}_${column}_fkey`);
    await sql`
      ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${fkey},
        ADD CONSTRAINT ${fkey} FOREIGN KEY (${sql.id(column)}) REFERENCES ${sql.table(parent)} (id)${cascade ? sql` ON DELETE CASCADE` : sql``}
    `.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN organisation_id`.execute(db);
  }
  for (const parent of new Set(CHILDREN.map((c) => c.parent)))
    await sql`ALTER TABLE ${sql.table(parent)} DROP CONSTRAINT IF EXISTS ${sql.id(`${parent}_organisation_id_id_key`)}`.execute(db);
}
