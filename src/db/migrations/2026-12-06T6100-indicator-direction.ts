import { type Kysely, sql } from 'kysely';

/**
 * Every problem's indicator says which way is better, so a report never calls a rise "improvement" when
 * fewer is the aim. The indicators so far are incident counts (fewer is better); a problem whose target lies
 * above its baseline was already read as "more is better", and keeps that reading.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE problems ADD COLUMN indicator_direction text NOT NULL DEFAULT 'lower'
    CHECK (indicator_direction IN ('lower', 'higher'))`.execute(db);
  await sql`UPDATE problems SET indicator_direction = 'higher' WHERE target_value > baseline_value`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE problems DROP COLUMN indicator_direction`.execute(db);
}
