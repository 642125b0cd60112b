import { type Kysely, sql } from 'kysely';

/**
 * The programme's views (district, unit, city, the problem list) are cached per process under a `programme`
 * data version. Every table they read bumps it by a statement trigger, in the writer's transaction, whoever
 * writes (services, imports, the seed, a restore). Link tables have no organisation column, so a write bumps
 * the version of every organisation: at worst another tenant's cached views are rebuilt once, never served stale.
 */
export const PROGRAMME_TABLES = [
  'units',
  'places',
  'place_responsibilities',
  'place_zones',
  'incident_categories',
  'problems',
  'problem_categories',
  'problem_places',
  'problem_evidence',
  'measures',
  'measure_problems',
  'measure_units',
  'measure_places',
  'measure_components',
  'measure_followups',
  'contribution_requests',
  'local_agreements',
  'agreement_areas',
  'agreement_measures',
  'agreement_reviews',
  'agreement_review_items',
] as const;

const trigger = (table: string) => `programme_version_${table}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
    CREATE FUNCTION bump_programme_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO data_versions (organisation_id, kind, version)
      SELECT id, 'programme', 1 FROM organisations ORDER BY id
        ON CONFLICT (organisation_id, kind) DO UPDATE SET version = data_versions.version + 1;
      RETURN NULL;
    END $$;
    ${PROGRAMME_TABLES.map(
      (t) => `CREATE TRIGGER ${trigger(t)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
        FOR EACH STATEMENT EXECUTE FUNCTION bump_programme_version();`,
    ).join('\n')}
  `).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
    ${PROGRAMME_TABLES.map((t) => `DROP TRIGGER ${trigger(t)} ON ${t};`).join('\n')}
    DROP FUNCTION bump_programme_version();
    DELETE FROM data_versions WHERE kind = 'programme';
  `).execute(db);
}
