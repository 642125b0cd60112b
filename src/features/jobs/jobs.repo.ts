import { sql } from 'kysely';
import type { Db } from '../../core/context.js';
import type { JobRecord } from '../../domain/jobs.js';

/** The newest jobs of pg-boss's tables (the live ones and those archived), newest first. */
export async function listBossJobs(db: Db, schema: string, limit: number): Promise<JobRecord[]> {
  const columns = sql`id::text AS id, name, state::text AS state, retry_count,
    CASE WHEN state IN ('retry', 'failed') OR output ? 'stack' THEN output->>'message' END AS last_error,
    created_on AS created_at, started_on AS started_at, completed_on AS finished_at`;
  const { rows } = await sql<{
    id: string;
    name: string;
    state: JobRecord['state'];
    retry_count: number;
    last_error: string | null;
    created_at: Date;
    started_at: Date | null;
    finished_at: Date | null;
  }>`SELECT * FROM (
      SELECT ${columns} FROM ${sql.table(`${schema}.job`)}
      UNION ALL
      SELECT ${columns} FROM ${sql.table(`${schema}.archive`)}
    ) AS jobs ORDER BY created_at DESC LIMIT ${limit}`.execute(db);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return rows.map((r) => ({
    ...r,
    created_at: r.created_at.toISOString(),
    started_at: iso(r.started_at),
    finished_at: iso(r.finished_at),
  }));
}

/** The schema the app's tables are in (the search path's first), beside which the jobs get their own. */
export async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  return rows[0]!.schema;
}

/** Lets the app's role (not the owner) use pg-boss's tables and functions in the jobs schema. */
export async function grantJobsSchema(
  owner: { executeSql(text: string, values: unknown[]): Promise<unknown> },
  schema: string,
  grantee: string,
): Promise<void> {
  const s = `"${schema.replaceAll('"', '""')}"`;
  const g = `"${grantee.replaceAll('"', '""')}"`;
  await owner.executeSql(
    `GRANT USAGE ON SCHEMA ${s} TO ${g};
     GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${g};
     GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${g}`,
    [],
  );
}
