import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/domain/auth.js';
import { createDemoAccounts, type DemoAccount } from '../../src/features/auth/demo-accounts.js';
import { seedStockholm, STOCKHOLM } from '../../src/features/seed/seed.service.js';

/** What the web suites run on unless they ask for another: the Stockholm seed and this many demo incidents. */
export const DEFAULT_DEMO_INCIDENTS = 1500;

export interface DemoData {
  organisationId: string;
  /** The demo accounts with their passwords (admin, coordinator in Enskede-Årsta-Vantör, …). */
  accounts: DemoAccount[];
}

/** The Stockholm seed with the police's data and the demo accounts, as a web suite's server starts with. */
export async function seedDemo(db: Kysely<Database>, demoIncidents: number): Promise<DemoData> {
  const seeded = await seedStockholm(db, { demoIncidents, police: true });
  // Without the one-time flag: suites sign in with these directly (the flag itself is tested in auth and e2e).
  const accounts = await createDemoAccounts(
    {
      db,
      organisation: { ...seeded.organisation, timeZone: STOCKHOLM.time_zone },
      principal: SYSTEM,
      actor: 'system',
      log: pino({ level: 'silent' }),
    },
    { oneTimePasswords: false },
  );
  return { organisationId: seeded.organisation.id, accounts };
}
