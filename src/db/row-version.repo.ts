import { type Kysely, sql } from 'kysely';
import { AppError, type LocalisedMessage } from '../domain/errors.js';
import type { Database } from './schema.js';

/** The tables whose rows carry a `version` (migrations 2026-12-06T3000-row-versions, 2026-12-07T2300-programme-section-versions,
 * 2026-12-09T0400-followup-versions, 2026-12-10T0100-walk-followups; evaluations carry one from their own
 * migration). */
export type VersionedTable =
  | 'incidents'
  | 'measures'
  | 'problems'
  | 'contribution_requests'
  | 'local_agreements'
  | 'meetings'
  | 'meeting_actions'
  | 'annotations'
  | 'programme_sections'
  | 'unit_followups'
  | 'walk_checklist_items'
  | 'evaluations';

/** Tables whose rows carry their organisation themselves (a section or follow-up belongs to one through its version or period). */
type OrganisationTable = Exclude<VersionedTable, 'programme_sections' | 'unit_followups'>;

const STALE: LocalisedMessage = {
  sv: 'Någon annan har ändrat uppgiften sedan du öppnade den. Ladda om och gör din ändring igen.',
  en: 'Someone else changed this record after you opened it. Reload it and make your change again.',
};

/**
 * Locks the row for the rest of the caller's transaction (SELECT … FOR UPDATE); false when there is no such
 * row. A concurrent change of the same row waits here until the first commits, and then reads what that one
 * wrote: checks made after this call see the current state.
 */
export async function lockRow(
  db: Kysely<Database>,
  table: OrganisationTable,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const { rows } = await sql`
    SELECT 1 FROM ${sql.table(table)} WHERE id = ${id} AND organisation_id = ${organisationId} FOR UPDATE`.execute(db);
  return rows.length > 0;
}

/**
 * The start of every change of a versioned record: locks its row (NOT_FOUND when there is none), then `load`
 * reads it as the caller may see it and checks the caller may change it (throwing NOT_FOUND or FORBIDDEN
 * itself). Only then is the version compared with `expected` (If-Match), so a record the caller may not see
 * answers 404 even with a stale version, never 409; the version is raised and the loaded row returned.
 */
export async function lockForChange<T extends { version: number }>(
  db: Kysely<Database>,
  table: OrganisationTable,
  entity: string,
  organisationId: string,
  id: string,
  expected: number | undefined,
  load: () => Promise<T>,
): Promise<T> {
  if (!(await lockRow(db, table, organisationId, id))) throw new AppError('NOT_FOUND', { details: { entity, id } });
  const row = await load();
  await assertAndBumpVersion(db, table, entity, id, row.version, expected);
  return row;
}

/**
 * CONFLICT (409) when the client's `If-Match` version (`expected`) is not the stored one (no version given, no
 * check); otherwise raises the row's version by one. For a change
 * whose row the caller has locked and authorised itself; `lockForChange` does all three.
 */
export async function assertAndBumpVersion(
  db: Kysely<Database>,
  table: VersionedTable,
  entity: string,
  id: string,
  current: number,
  expected: number | undefined,
): Promise<void> {
  if (expected !== undefined && expected !== current)
    throw new AppError('CONFLICT', { messages: STALE, details: { entity, id, reason: 'stale', version: current } });
  await bumpVersion(db, table, id);
}

/** Raises the row's version by one: every change makes older copies stale. */
export async function bumpVersion(db: Kysely<Database>, table: VersionedTable, id: string): Promise<void> {
  await sql`UPDATE ${sql.table(table)} SET version = version + 1 WHERE id = ${id}`.execute(db);
}
