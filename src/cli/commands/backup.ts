import { resolve } from 'node:path';
import type { Command } from 'commander';
import { backupTo, restoreFrom } from '../../features/backup/backup.service.js';
import { openDatabase } from '../cli-context.js';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write a logical backup (gzip JSON lines) that restores into PGlite or PostgreSQL')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const handle = await openDatabase();
      try {
        const counts = await backupTo(handle.db, resolve(file));
        console.log(
          `Backed up ${total(counts)} rows from ${Object.keys(counts).length} tables (${handle.engine}) to ${file}`,
        );
      } finally {
        await handle.close();
      }
    });

  program
    .command('restore')
    .description('restore a backup into an empty database (all or nothing)')
    .argument('<file>', 'a file written by `trygg backup`')
    .option('--force', 'replace the contents of a database that is not empty')
    .action(async (file: string, opts: { force?: boolean }) => {
      // Rows arrive with the append-only triggers lifted for the transaction: only the owner may do that.
      const handle = await openDatabase({ asOwner: true });
      try {
        const counts = await restoreFrom(handle.db, resolve(file), { force: Boolean(opts.force) });
        console.log(`Restored ${total(counts)} rows into ${Object.keys(counts).length} tables (${handle.engine})`);
      } finally {
        await handle.close();
      }
    });
}
