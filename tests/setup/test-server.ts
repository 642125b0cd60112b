import type { Engine } from '../../src/db/connect.js';
import { seedStockholm } from '../../src/features/seed/seed.service.js';
import { buildApp, defaultWebRoot } from '../../src/server/app.js';
import { openTestDb } from './test-db.js';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The real application on a free loopback port: built web app (dist/web, made by `npm run build`), a fresh
 * database with the Stockholm seed and a small generated demo set.
 */
export async function startTestServer(options: { engine?: Engine; demoIncidents?: number } = {}): Promise<TestServer> {
  const webRoot = defaultWebRoot();
  if (!webRoot) throw new Error('dist/web is missing: run `npm run build` first (npm test does)');
  const testDb = await openTestDb(options.engine ?? 'pglite');
  await seedStockholm(testDb.db, { demoIncidents: options.demoIncidents ?? 1500, police: true });
  const app = await buildApp({ db: testDb.db, engine: testDb.engine, config: { bodyLimit: 1_048_576, defaultOrganisation: 'stockholm' }, webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await testDb.dispose();
    },
  };
}
