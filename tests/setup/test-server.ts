import type { JobRunner } from '../../src/features/jobs/job-runner.js';
import type { Engine } from '../../src/db/connect.js';
import { inject } from 'vitest';
import type { DemoAccount } from '../../src/features/auth/demo-accounts.js';
import { STOCKHOLM } from '../../src/features/seed/seed.service.js';
import { buildApp, defaultWebRoot } from '../../src/server/app.js';
import type { OnlineBasemap } from '../../src/domain/basemap.js';
import type { TestIdentityProvider } from './oidc-provider.js';
import { setOrganisationTimeZone } from '../factories/org.factory.js';
import { DEFAULT_DEMO_INCIDENTS, seedDemo } from './demo-seed.js';
import { openTestDb } from './test-db.js';

export interface TestServer {
  url: string;
  /** The demo accounts with their one-time passwords (admin, coordinator in Enskede-Årsta-Vantör, …). */
  accounts: DemoAccount[];
  close(): Promise<void>;
}

/**
 * The real application on a free loopback port: built web app (dist/web, made by `npm run build`), a fresh
 * database with the Stockholm seed and a small generated demo set.
 */
export async function startTestServer(
  options: {
    engine?: Engine;
    demoIncidents?: number;
    identityProvider?: TestIdentityProvider /** Defaults to dist/web. */;
    webRoot?: string;
    /** The organisation's time zone, where a suite needs another clock than Stockholm's. */
    timeZone?: string;
    /** An online tile basemap instead of the built-in offline one. */
    basemap?: OnlineBasemap;
    /** Background jobs for the admin page to list. */
    jobs?: JobRunner;
  } = {},
): Promise<TestServer> {
  const webRoot = options.webRoot ?? defaultWebRoot();
  if (!webRoot) throw new Error('dist/web is missing: run `npm run build` first (npm test does)');
  const demoIncidents = options.demoIncidents ?? DEFAULT_DEMO_INCIDENTS;
  const fromTemplate = (options.engine ?? 'pglite') === 'pglite' && demoIncidents === DEFAULT_DEMO_INCIDENTS;
  const testDb = await openTestDb(options.engine ?? 'pglite', fromTemplate ? 'seeded' : 'migrated');
  const { organisationId, accounts } = fromTemplate
    ? inject('seededTemplate')
    : await seedDemo(testDb.db, demoIncidents);
  const timeZone = options.timeZone ?? STOCKHOLM.time_zone;
  if (timeZone !== STOCKHOLM.time_zone) await setOrganisationTimeZone(testDb.db, organisationId, timeZone);
  const idp = options.identityProvider;
  // The callback URL needs the port, which is known only once the server listens; the settings object is
  // the one the app holds, so completing it afterwards is seen by the routes.
  const oidc = idp
    ? { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, redirectUri: '', allowHttp: true }
    : null;
  const app = await buildApp({
    db: testDb.db,
    engine: testDb.engine,
    config: { bodyLimit: 1_048_576, defaultOrganisation: 'stockholm' },
    webRoot,
    oidc,
    basemap: options.basemap ?? null,
    jobs: options.jobs ?? null,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  if (oidc && idp) {
    oidc.redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    idp.allowRedirect(oidc.redirectUri);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    accounts,
    close: async () => {
      await app.close();
      await testDb.dispose();
    },
  };
}
