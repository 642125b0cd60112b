import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importsContract as routes } from '../../contracts/imports.contract.js';
import { AppError } from '../../domain/errors.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { getImportRun, listImportRuns, runImport } from './imports.service.js';
import { createImportProfile, getImportProfile, listImportProfiles, updateImportProfile } from './profiles.service.js';

/** Default upload limit; the server's TRYGG_IMPORT_MAX_BYTES overrides it. */
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/**
 * Streams the multipart 'file' field to a temporary file: imports read files twice (fingerprint, then
 * rows) and must never hold an upload in memory. The name and declared type are ignored except as the
 * name kept in the audit trail: the importer reads the format from the content. Survey results arrive the
 * same way. The caller removes `dir` when done.
 */
export async function receiveUpload(request: FastifyRequest, maxBytes: number) {
  const part = await request.file().catch((e: unknown) => {
    throw uploadError(e, maxBytes);
  });
  if (!part)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'file', code: 'required', message: 'send the file as multipart/form-data' }],
    });
  const dir = await mkdtemp(join(tmpdir(), 'trygg-import-'));
  const path = join(dir, 'upload');
  try {
    await pipeline(part.file, createWriteStream(path));
    // Past the limit the stream just ends early, marked truncated: half a file must never be imported.
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', { details: { max_bytes: maxBytes } });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw uploadError(e, maxBytes);
  }
  return { path, dir, fileName: String(part.filename || 'upload') };
}

/** What the client did wrong in an upload, as an AppError; anything else (a full disk) stays as it is. */
function uploadError(e: unknown, maxBytes: number): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { expected: 'multipart/form-data with a file field' } });
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', { details: { max_bytes: maxBytes } });
  // The multipart parser reports a broken body (no boundary, cut off, bad part header) as a plain Error;
  // file-system errors carry a code and a syscall.
  if (e instanceof Error && !(e instanceof AppError) && code === undefined && !('syscall' in e)) {
    return new AppError('VALIDATION_FAILED', {
      details: [
        { path: 'file', code: 'malformed_multipart', message: `the multipart body cannot be read: ${e.message}` },
      ],
    });
  }
  return e;
}

export const importsRoutes: FastifyPluginAsyncZod<{ maxFileBytes?: number | undefined }> = async (app, opts) => {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 2 } });

  serveHttp(app, routes.run, async ({ context, query: q, request, reply }) => {
    const ctx = await context();
    const upload = await receiveUpload(request, maxBytes);
    const cleanup = () => rm(upload.dir, { recursive: true, force: true });
    const run = (onStarted?: (id: string) => void) =>
      runImport(ctx, {
        filePath: upload.path,
        fileName: upload.fileName,
        dryRun: q.dry_run,
        profile: q.profile,
        format: q.format,
        swapCoordinates: q.swap_coordinates,
        skipInvalid: q.skip_invalid,
        onStarted,
      });
    if (q.wait) {
      try {
        return await run();
      } finally {
        await cleanup();
      }
    }
    // Answer as soon as the run exists; it goes on in this process and records its end in import_runs.
    const id = await new Promise<string>((resolve, reject) => {
      run(resolve)
        .catch((e: unknown) => {
          reject(e);
          if (!(e instanceof AppError)) request.log.error({ err: e }, 'background import failed');
        })
        .finally(() => void cleanup());
    });
    return reply.status(202).send({ id, status: 'running' as const });
  });

  serve(app, routes.runs, async ({ ctx }) => listImportRuns(ctx));
  serve(app, routes.getRun, async ({ ctx, params }) => getImportRun(ctx, params.id));
  serve(app, routes.profiles, async ({ ctx }) => listImportProfiles(ctx));
  serve(app, routes.profile, async ({ ctx, params }) => getImportProfile(ctx, { id: params.id }));
  serve(app, routes.createProfile, async ({ ctx, body }) => createImportProfile(ctx, body));
  serve(app, routes.updateProfile, async ({ ctx, params, body }) => updateImportProfile(ctx, params.id, body));
};
