import { type Kysely, sql } from 'kysely';

/** A short receipt code lets an anonymous reporter follow a report without an account. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE incidents ADD COLUMN receipt_code text;
    CREATE UNIQUE INDEX incidents_receipt_code_uq ON incidents (receipt_code) WHERE receipt_code IS NOT NULL;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX incidents_receipt_code_uq; ALTER TABLE incidents DROP COLUMN receipt_code;`.execute(db);
}
