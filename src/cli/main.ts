#!/usr/bin/env node
import { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';

type Register = (program: Command) => void;

// Each command's module is loaded only when that command runs: `trygg import` then never loads the web
// server, PDF, mail or Redis libraries (≈ 70 MB less resident memory for a batch job). Help loads them all.
const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: () => import('./commands/serve.js').then((m) => m.registerServe),
  db: () => import('./commands/db.js').then((m) => m.registerDb),
  backup: () => import('./commands/backup.js').then((m) => m.registerBackup),
  restore: () => import('./commands/backup.js').then((m) => m.registerBackup),
  seed: () => import('./commands/seed.js').then((m) => m.registerSeed),
  incidents: () => import('./commands/incidents.js').then((m) => m.registerIncidents),
  retention: () => import('./commands/retention.js').then((m) => m.registerRetention),
  import: () => import('./commands/import.js').then((m) => m.registerImport),
  report: () => import('./commands/report.js').then((m) => m.registerReport),
  records: () => import('./commands/records.js').then((m) => m.registerRecords),
  digest: () => import('./commands/digest.js').then((m) => m.registerDigest),
  outbox: () => import('./commands/outbox.js').then((m) => m.registerOutbox),
};

const program = new Command('trygg').description('Trygg — crime prevention and safety work').showHelpAfterError();
const requested = process.argv[2];
const loaders =
  requested !== undefined && Object.hasOwn(COMMANDS, requested) ? [COMMANDS[requested]!] : Object.values(COMMANDS);
// `backup` and `restore` share a module: register it once.
const registers = new Set(await Promise.all(loaders.map((load) => load())));
for (const register of registers) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A user's mistake gets its code and message, not a stack trace.
  if (error instanceof AppError) {
    console.error(
      `${error.code}: ${error.messages.sv} / ${error.messages.en}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`,
    );
  } else if (error instanceof z.ZodError) {
    console.error(
      `VALIDATION_FAILED: ${error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`,
    );
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
