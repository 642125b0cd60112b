import { type Kysely, sql } from 'kysely';
import { AppError, type LocalisedMessage } from '../domain/errors.js';
import type { Database } from './schema.js';

/** The tables whose rows carry a `version` (migration 2026-12-06T3000-row-versions). */
export type VersionedTable = 'incidents' | 'measures' | 'problems' | 'contribution_requests' | 'local_agreements' | 'meetings' | 'meeting_actions' | 'annotations';

const STALE: LocalisedMessage = {
  sv: 'Någon annan har ändrat uppgiften sedan du öppnade den. Ladda om och gör din ändring igen.',
  en: 'Someone else changed this record after you opened it. Reload it and make your change again.',
};

/**
 * Locks the row for the rest of the caller's transaction (SELECT … FOR UPDATE) and returns its version, or
 * null when there is no such row. A concurrent change of the same row waits here until the first commits,
 * and then reads what that one wrote: checks made after this call see the current state.
 */
export async function lockRow(db: Kysely<Database>, table: VersionedTable, organisationId: string, id: string): Promise<number | null> {
  const { rows } = await sql<{ version: number }>`
    SELECT version FROM ${sql.table(table)} WHERE id = ${id} AND organisation_id = ${organisationId} FOR UPDATE`.execute(db);
  return rows[0]?.version ?? null;
}

/** CONFLICT (409) when the client's `If-Match` version is not the stored one; no version given, no check. */
export function assertVersion(entity: string, id: string, current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw new AppError('CONFLICT', { messages: STALE, details: { entity, id, reason: 'stale', version: current } });
}

/** Raises the row's version by one: every change makes older copies stale. */
export async function bumpVersion(db: Kysely<Database>, table: VersionedTable, id: string): Promise<void> {
  await sql`UPDATE ${sql.table(table)} SET version = version + 1 WHERE id = ${id}`.execute(db);
}
