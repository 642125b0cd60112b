import { setImmediate } from 'node:timers/promises';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import {
  type ImportFormat,
  type ImportOptions,
  ImportOptionsSchema,
  type ImportReport,
  type ImportRun,
} from '../../domain/imports.js';
import type { ServiceContext, Db } from '../../core/context.js';
import { auditChange, recordAudit } from '../../core/audit.repo.js';
import { probeFile, sniffFile } from './file-probe.js';
import { createReportBuilder } from './import-report.js';
import { prepareImport, SAMPLE_ROWS } from './import-plan.js';
import { storedText } from './quoted-values.js';
import { failStaleRuns, findRun, finishRun, insertRun, listRuns } from './imports.repo.js';
import { getImportProfile } from './profiles.service.js';
import { type ImportProgress, liveProgress, progressReporter } from './progress.js';
import { openRecords } from './readers/open-file.js';
import { type SourceRecord, withSample } from './readers/record-source.js';
import type { Candidate, MappedRow } from './row-mapper.js';
import { createStage, dropStage, stageCandidates } from './stage.repo.js';
import { settleStage } from './stage-writer.js';

/** Rows per chunk: large enough that per-statement costs vanish, small enough to keep memory flat. */
export const CHUNK_ROWS = 5000;

export interface ImportRequest {
  /** The file on disk (an upload is first streamed to a temporary file). */
  filePath: string;
  /** The name the sender gave it, kept for the audit trail only: the format comes from the content. */
  fileName: string;
  dryRun: boolean;
  profile?: string | undefined;
  format?: ImportFormat | undefined;
  swapCoordinates?: boolean | undefined;
  /** Commit the valid rows although others have errors (by default the whole file is refused). */
  skipInvalid?: boolean | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  /** Called once the run row exists, before any row is read (the HTTP layer answers 202 with it). */
  onStarted?: ((runId: string) => void) | undefined;
}

/** Rows mapped between two chances for other requests to run (about 10 ms of work). */
const YIELD_EVERY_ROWS = 250;

let importTurn: Promise<unknown> = Promise.resolve();

/**
 * Runs the imports of this process one after the other: each stages its rows in a temporary table of its
 * session, and on PGlite every import shares the one session. A waiting run is already 'running'.
 */
function oneImportAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = importTurn.then(work);
  importTurn = turn.catch(() => {
    /* the caller hears of it */
  });
  return turn;
}

/**
 * Validates a file and, unless it is a dry run, writes all its accepted rows in ONE transaction: a crash,
 * a kill or an error part-way leaves the incidents exactly as they were. A dry run goes through the very
 * same steps (so its report is exactly what a commit would do) but the write. File-level
 * problems (empty, unreadable, header only, missing column, a runaway line) throw AppError; row problems
 * land in the report. A commit with row errors is refused with IMPORT_HAS_ERRORS unless `skipInvalid`.
 * Every run, refused or not, is recorded in import_runs with the file's SHA-256.
 */
export async function runImport(ctx: ServiceContext, request: ImportRequest): Promise<ImportReport> {
  const profile = request.profile ? await getImportProfile(ctx, { name: request.profile }) : null;
  const options: ImportOptions = ImportOptionsSchema.parse({
    ...(profile?.options ?? {}),
    ...(request.swapCoordinates !== undefined ? { swap_coordinates: request.swapCoordinates } : {}),
  });
  const raw = await probeFile(request.filePath);
  const fileName = storedText(request.fileName).slice(0, 255);
  const run = await insertRun(ctx.db, {
    organisation_id: ctx.organisation.id,
    profile_id: profile?.id ?? null,
    actor: ctx.actor,
    file_name: fileName,
    file_sha256: raw.sha256,
    file_size: raw.size,
    dry_run: request.dryRun,
  });
  request.onStarted?.(run.id);
  const builder = createReportBuilder({
    runId: run.id,
    dryRun: request.dryRun,
    profile: profile?.name ?? null,
    file: { name: fileName, sha256: raw.sha256, size: raw.size, format: null, encoding: null, delimiter: null },
  });
  const progress = progressReporter(
    ctx.db,
    run.id,
    { dryRun: request.dryRun, fileName, fileSha256: raw.sha256, startedAt: new Date() },
    request.onProgress,
  );
  progress.report({ runId: run.id, bytesRead: 0, bytesTotal: raw.size, rowsRead: 0 });
  let format: ImportFormat | null = null;
  let bytesRead = 0;
  const finish = async (status: Exclude<ImportReport['status'], 'running'>, errorCode: string | null, db = ctx.db) => {
    const report = builder.finish(status);
    const r = report.rows;
    await finishRun(db, run.id, {
      status,
      format,
      bytes_read: bytesRead,
      rows_read: r.read,
      rows_ok: r.ok,
      rows_failed: r.with_errors,
      rows_skipped: r.skipped,
      rows_inserted: status === 'committed' ? r.inserted : 0,
      rows_updated: status === 'committed' ? r.updated : 0,
      error_code: errorCode,
      report: report as unknown as Record<string, unknown>,
    });
    return report;
  };

  try {
    const probe = sniffFile(raw);
    builder.report.file.encoding = probe.encoding;
    const { source, sample } = await withSample(
      await openRecords(request.filePath, probe, request.format ?? profile?.format, options.delimiter),
      SAMPLE_ROWS,
    );
    format = source.format;
    const plan = await prepareImport(ctx, source, profile, options, sample);
    builder.setSource(source.format, source.delimiter, plan.columns);
    builder.setPlan(plan.sourceColumns, plan.preview);
    const defaults = { ...plan.defaults, runId: run.id };

    // The rows are read, checked and staged in a session of their own but outside any transaction, so on
    // PGlite (one session) other requests' statements run between the chunks; only the write is one transaction.
    const outcome = await oneImportAtATime(() =>
      ctx.db.connection().execute(async (session) => {
        await createStage(session);
        try {
          // Chunk n is mapped (CPU) while chunk n-1 is still being staged; on PostgreSQL the two overlap.
          let staging: Promise<void> = Promise.resolve();
          const flush = async (records: SourceRecord[]) => {
            const accepted: Candidate[] = [];
            for (const [i, record] of records.entries()) {
              // Mapping a chunk takes a few hundred milliseconds: let waiting requests in now and then.
              if (i > 0 && i % YIELD_EVERY_ROWS === 0) await setImmediate();
              const mapped: MappedRow = plan.mapRecord(record);
              builder.addMapped(mapped);
              if (mapped.kind === 'ok') accepted.push(mapped.candidate);
            }
            await staging;
            staging = stageCandidates(session, accepted);
            staging.catch(() => {
              /* awaited below; this only keeps an early failure from being unhandled */
            });
            bytesRead = source.bytesRead();
            progress.report({ runId: run.id, bytesRead, bytesTotal: raw.size, rowsRead: builder.report.rows.read });
          };
          let batch: SourceRecord[] = [];
          for await (const record of source.records) {
            batch.push(record);
            if (batch.length === CHUNK_ROWS) {
              await flush(batch);
              batch = [];
            }
          }
          await flush(batch);
          await staging;
          bytesRead = raw.size;
          const refused = builder.report.rows.with_errors > 0 && !request.skipInvalid;
          if (request.dryRun || refused) {
            // Nothing is written, so the repeats are sorted out statement by statement, outside a transaction.
            await settleStage(session, defaults, builder, { keepNear: plan.keepNear, write: false });
            return request.dryRun ? ('validated' as const) : ('rejected' as const);
          }
          return await session.transaction().execute(async (trx) => {
            await settleStage(trx, defaults, builder, { keepNear: plan.keepNear, write: true });
            // No waiting for a pending progress write here: on PGlite it waits for this transaction. It runs
            // after the commit and finds the run no longer 'running', so it cannot undo the final status.
            const report = await finish('committed', null, trx);
            await auditChange(trx, ctx, {
              action: 'import',
              entityType: 'import_run',
              entityId: run.id,
              after: {
                file_name: fileName,
                file_sha256: raw.sha256,
                profile: profile?.name ?? null,
                rows: report.rows,
              },
            });
            return report;
          });
        } finally {
          await dropStage(session);
        }
      }),
    );

    await progress.settle();
    if (typeof outcome !== 'string') return outcome;
    const report = await finish(outcome, outcome === 'rejected' ? 'IMPORT_HAS_ERRORS' : null);
    if (outcome === 'rejected') {
      throw new AppError('IMPORT_HAS_ERRORS', {
        details: {
          run_id: run.id,
          rows: report.rows,
          errors_by_code: report.errors_by_code,
          errors: report.errors.slice(0, 20),
        },
      });
    }
    return report;
  } catch (e) {
    if (e instanceof AppError && e.code === 'IMPORT_HAS_ERRORS') throw e;
    await progress.settle();
    const appError = e instanceof AppError ? e : null;
    await finish(appError ? 'rejected' : 'failed', appError?.code ?? 'INTERNAL').catch(() => {
      /* keep the original error */
    });
    if (appError?.details && typeof appError.details === 'object' && !Array.isArray(appError.details)) {
      throw new AppError(appError.code, {
        messages: appError.messages,
        details: { ...appError.details, run_id: run.id },
      });
    }
    throw e;
  }
}

/** A heartbeat older than this means the process running the import is gone. */
const ABANDONED_AFTER_MS = 2 * 60_000;

/**
 * At a server's start: runs left 'running' by a process that is gone (killed, crashed, the machine restarted)
 * are marked failed with IMPORT_ABANDONED, so lists and polls stop showing them as running. PGlite's data directory
 * belongs to one process, so every such run there is dead; on PostgreSQL other processes may be importing,
 * so only runs whose heartbeat (written every second) stopped are. Each is audited.
 */
export async function failAbandonedImportRuns(
  db: Db,
  engine: 'pglite' | 'postgres',
  now = new Date(),
): Promise<number> {
  const before = engine === 'pglite' ? now : new Date(now.getTime() - ABANDONED_AFTER_MS);
  return inTransaction(db, async (trx) => {
    const failed = await failStaleRuns(trx, before, 'IMPORT_ABANDONED');
    for (const run of failed) {
      await recordAudit(trx, {
        organisationId: run.organisation_id,
        actor: 'system',
        action: 'update',
        entityType: 'import_run',
        entityId: run.id,
        after: { status: 'failed', error_code: 'IMPORT_ABANDONED' },
      });
    }
    return failed.length;
  });
}

/** A run's status, progress and (once finished) report; progress of a run in this process is live. */
export async function getImportRun(ctx: ServiceContext, id: string): Promise<ImportRun> {
  const live = liveProgress(id);
  if (live) {
    const { run, progress } = live;
    return {
      id,
      status: 'running',
      abandoned: false,
      dry_run: run.dryRun,
      file_name: run.fileName,
      file_sha256: run.fileSha256,
      started_at: run.startedAt.toISOString(),
      finished_at: null,
      error_code: null,
      report: null,
      progress: {
        bytes_read: progress.bytesRead,
        bytes_total: progress.bytesTotal,
        rows_read: progress.rowsRead,
        percent: percent(progress.bytesRead, progress.bytesTotal),
      },
    };
  }
  const row = await findRun(ctx.db, ctx.organisation.id, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'import_run', id } });
  return toRun(row);
}

/** The organisation's most recent runs, newest first. */
export async function listImportRuns(ctx: ServiceContext, limit = 50): Promise<ImportRun[]> {
  return (await listRuns(ctx.db, ctx.organisation.id, limit)).map(toRun);
}

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done / total) * 1000) / 10) : 100;
}

function toRun(row: NonNullable<Awaited<ReturnType<typeof findRun>>>): ImportRun {
  return {
    id: row.id,
    status: row.status,
    abandoned: row.status === 'running' && Date.now() - new Date(row.heartbeat_at).getTime() > ABANDONED_AFTER_MS,
    dry_run: row.dry_run,
    file_name: row.file_name,
    file_sha256: row.file_sha256,
    started_at: new Date(row.started_at).toISOString(),
    finished_at: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    progress: {
      bytes_read: row.bytes_read,
      bytes_total: row.file_size,
      rows_read: row.rows_read,
      percent: percent(row.bytes_read, row.file_size),
    },
    error_code: row.error_code,
    report: (row.report as ImportReport | null) ?? null,
  };
}
