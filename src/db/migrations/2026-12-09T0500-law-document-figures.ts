import { type Kysely, sql } from 'kysely';

/**
 * A law document's section may carry a table of figures beside its text (the lägesbild's counts per category
 * and per stadsdel): drawn from the data when the draft is made, kept as it was through later edits of the
 * text, and printed as a table in the document, not as lines of prose.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE law_document_sections ADD COLUMN figures jsonb
      CHECK (figures IS NULL OR (jsonb_typeof(figures -> 'columns') = 'array' AND jsonb_typeof(figures -> 'rows') = 'array'))
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE law_document_sections DROP COLUMN figures`.execute(db);
}
