import type { Command } from 'commander';
import { openDatabase } from '../cli-context.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const handle = await openDatabase();
      await handle.close();
      console.log(`Database is up to date (${handle.engine}).`);
    });
}
