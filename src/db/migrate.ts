import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as foundation from './migrations/2026-11-25T1900-foundation.js';
import * as reporterContacts from './migrations/2026-11-25T2000-reporter-contacts.js';

/** Migrations in the order they run; names are timestamps and never change once landed. */
const migrations: Record<string, Migration> = {
  '2026-11-25T1900-foundation': foundation,
  '2026-11-25T2000-reporter-contacts': reporterContacts,
};

/** Brings the database to the newest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
