import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dumped PGlite data directory with every migration applied (see openTestDb). */
    pgliteTemplate: string;
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
  const handle = await connect({ dataDir });
  await migrateToLatest(handle.db);
  await handle.close();
  const pglite = await PGlite.create(dataDir);
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
