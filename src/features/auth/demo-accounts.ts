import type { Role } from '../../domain/auth.js';
import type { ServiceContext } from '../../core/context.js';
import { createUser } from './auth.service.js';
import { listUnitsForDemoAccounts } from './auth.repo.js';

/** One account per role in the units a newcomer would try first; passwords are made now, never in code. */
const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; unitSlug: string; role: Role }> = [
  { email: 'admin@stockholm.example', name: 'Systemförvaltare', unitSlug: 'stadsledningskontoret', role: 'admin' },
  {
    email: 'samordnare.eav@stockholm.example',
    name: 'Trygghetssamordnare Enskede-Årsta-Vantör',
    unitSlug: 'enskede-arsta-vantor',
    role: 'coordinator',
  },
  {
    email: 'bibliotek@stockholm.example',
    name: 'Bibliotekschef, Kulturförvaltningen',
    unitSlug: 'kulturforvaltningen',
    role: 'unit_editor',
  },
  {
    email: 'arkiv@stockholm.example',
    name: 'Arkivarie, Stadsarkivet',
    unitSlug: 'stadsarkivet',
    role: 'unit_editor',
  },
  {
    email: 'trafik@stockholm.example',
    name: 'Handläggare, trafikkontoret',
    unitSlug: 'trafiknamnden',
    role: 'unit_editor',
  },
  { email: 'polis@stockholm.example', name: 'Kommunpolis', unitSlug: 'polisen', role: 'partner_viewer' },
  {
    email: 'analytiker@stockholm.example',
    name: 'Analytiker, stadsledningskontoret',
    unitSlug: 'stadsledningskontoret',
    role: 'analyst',
  },
];

export interface DemoAccount {
  email: string;
  role: Role;
  unit: string;
  password: string;
}

/**
 * Creates the demo accounts with fresh one-time passwords, returned once for printing; each must be changed at
 * first sign-in unless `oneTimePasswords` is false (test servers, whose harness signs in with them directly).
 */
export async function createDemoAccounts(
  ctx: ServiceContext,
  options: { oneTimePasswords?: boolean } = {},
): Promise<DemoAccount[]> {
  const units = await listUnitsForDemoAccounts(ctx.db, ctx.organisation.id);
  const bySlug = new Map(units.map((u) => [u.slug, u]));
  const created: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const unit = bySlug.get(account.unitSlug);
    if (!unit) throw new Error(`demo unit ${account.unitSlug} is missing from the seed`);
    const { password } = await createUser(
      ctx,
      { email: account.email, display_name: account.name, memberships: [{ unit_id: unit.id, role: account.role }] },
      { oneTimePassword: options.oneTimePasswords ?? true },
    );
    created.push({ email: account.email, role: account.role, unit: unit.name, password: password! });
  }
  return created;
}

/** The table printed on first start. */
export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const lines = accounts.map((a) => `  ${a.role.padEnd(15)} ${a.email.padEnd(36)} ${a.password}   (${a.unit})`);
  return ['Demo accounts (passwords are shown only now — write them down):', ...lines].join('\n');
}
