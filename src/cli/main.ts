#!/usr/bin/env node
import { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { registerBackup } from './commands/backup.js';
import { registerDb } from './commands/db.js';
import { registerDigest } from './commands/digest.js';
import { registerImport } from './commands/import.js';
import { registerIncidents } from './commands/incidents.js';
import { registerOutbox } from './commands/outbox.js';
import { registerRetention } from './commands/retention.js';
import { registerRecords } from './commands/records.js';
import { registerReport } from './commands/report.js';
import { registerSeed } from './commands/seed.js';
import { registerServe } from './commands/serve.js';

const program = new Command('trygg').description('Trygg — crime prevention and safety work').showHelpAfterError();
registerServe(program);
registerDb(program);
registerBackup(program);
registerSeed(program);
registerIncidents(program);
registerRetention(program);
registerImport(program);
registerReport(program);
registerRecords(program);
registerDigest(program);
registerOutbox(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A user's mistake gets its code and message, not a stack trace.
  if (error instanceof AppError) {
    console.error(`${error.code}: ${error.messages.sv} / ${error.messages.en}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`);
  } else if (error instanceof z.ZodError) {
    console.error(`VALIDATION_FAILED: ${error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
