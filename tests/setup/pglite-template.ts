import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { DEFAULT_DEMO_INCIDENTS, type DemoData, seedDemo } from './demo-seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dumped PGlite data directory with every migration applied (see openTestDb). */
    pgliteTemplate: string;
    /** The same after the web suites' demo seed (see startTestServer), with what the seed made. */
    seededTemplate: DemoData & { file: string };
  }
}

/**
 * Global setup: migrates one PGlite database as the app opens it and dumps its data directory to a file,
 * once per run. A test database then loads the dump (≈ 0.7 s) instead of running initdb and the migrations
 * (≈ 2.5 s); with about a hundred PGlite databases in a run that is minutes of CI time.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'trygg-pglite-template-'));
  const dataDir = join(dir, 'data');
  const migrated = await connect({ dataDir });
  await migrateToLatest(migrated.db);
  await migrated.close();
  project.provide('pgliteTemplate', await dumpDataDir(dataDir, join(dir, 'migrated.tar')));
  // Seeding Stockholm and hashing the demo accounts' passwords took each of some thirty web suites seconds.
  const seeded = await connect({ dataDir });
  const demo = await seedDemo(seeded.db, DEFAULT_DEMO_INCIDENTS);
  await seeded.close();
  project.provide('seededTemplate', { ...demo, file: await dumpDataDir(dataDir, join(dir, 'seeded.tar')) });
  return () => rmSync(dir, { recursive: true, force: true });
}

async function dumpDataDir(dataDir: string, file: string): Promise<string> {
  const pglite = await PGlite.create(dataDir);
  writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await pglite.close();
  return file;
}
