import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './tests/setup/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default leaves one core idle; on CI's two cores most test time is spent waiting on
    // PostgreSQL, Chromium and child processes, so two workers nearly halve the run.
    maxWorkers: 2,
    // A worker keeps its modules from one test file to the next: importing the app anew for each file was a
    // quarter of the run. Every suite opens its own database and server, and tests restore what they stub.
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    globalSetup: ['tests/setup/pglite-template.ts'],
  },
});
