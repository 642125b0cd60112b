import type { Db } from '../../core/context.js';
import { updateRunProgress } from './imports.repo.js';

export interface ImportProgress {
  runId: string;
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
}

/**
 * Progress of the runs this process is working on. The database row is the shared truth (other API
 * processes poll it); a poll answered from here costs no query, and on PGlite the run's writing transaction
 * holds the only session until it ends.
 */
const live = new Map<string, { run: LiveRunInfo; progress: ImportProgress }>();

/** What a poll needs to know about a run besides its progress. */
export interface LiveRunInfo {
  dryRun: boolean;
  fileName: string;
  fileSha256: string;
  startedAt: Date;
}

export function liveProgress(runId: string): { run: LiveRunInfo; progress: ImportProgress } | undefined {
  return live.get(runId);
}

/** How often progress is written to import_runs (it also serves as the run's heartbeat). */
const WRITE_EVERY_MS = 1000;

/**
 * A progress reporter for one run: keeps the live entry, calls `listener`, and writes import_runs about
 * once a second outside the import's transaction, never more than one write at a time (on PGlite that one
 * write waits for the transaction; later ones are skipped rather than piled up).
 */
export function progressReporter(db: Db, runId: string, run: LiveRunInfo, listener?: (p: ImportProgress) => void) {
  let lastWrite = 0;
  let inFlight: Promise<void> | null = null;
  return {
    report(p: ImportProgress): void {
      live.set(runId, { run, progress: p });
      listener?.(p);
      const now = Date.now();
      if (inFlight || now - lastWrite < WRITE_EVERY_MS) return;
      lastWrite = now;
      inFlight = updateRunProgress(db, runId, { bytes_read: p.bytesRead, rows_read: p.rowsRead })
        .catch(() => {
          /* progress is best effort; the final status is written separately */
        })
        .finally(() => {
          inFlight = null;
        });
    },
    /** Waits for a pending write, so it cannot land after the final status. */
    async settle(): Promise<void> {
      await inFlight;
      live.delete(runId);
    },
  };
}
