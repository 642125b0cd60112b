import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  residentSideContract as staff,
  publicReportsContract as routes,
} from '../../contracts/public-reports.contract.js';
import { AppError } from '../../domain/errors.js';
import { TRUSTED_CLIENT_REPORT_LIMIT } from '../../domain/open311.js';
import { ANONYMOUS_REPORT_LIMIT, PHOTO_MAX_BYTES } from '../../domain/public-reports.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { confirmReporterContact } from '../outbox/outbox.service.js';
import { photoTooLarge, photoTypeError } from './photo.js';
import {
  attachPhoto,
  createPublicReport,
  getPublicPhoto,
  getPublicReport,
  reopenPublicReport,
} from './public-reports.service.js';
import { getIncidentByReceipt } from '../incidents/incidents.service.js';
import { addPublicUpdate, getResidentSide, getStaffPhoto } from './resident-side.service.js';

/** The key of the trusted Open311 client a report came from, noted before the report limit counts it. */
const trustedClientKeys = new WeakMap<FastifyRequest, string>();
const reportLimiters = new WeakMap<FastifyInstance['rateLimit'], ReturnType<FastifyInstance['rateLimit']>>();

/** Counts `request` against its trusted client's key instead of its address; call before the report limit's hook. */
export function countAsTrustedClient(request: FastifyRequest, keyId: string): void {
  trustedClientKeys.set(request, keyId);
}

/**
 * The one limit of reports from the public, as a preValidation hook for the form and Open311 alike: one
 * counter per address across both routes (in Redis when configured, server/app.ts), and one per trusted
 * client's key with its higher maximum. Built once per app: every limiter the rate-limit plugin makes counts
 * on its own, and a route's `config.rateLimit` counts that route only.
 */
export function reportLimit(app: FastifyInstance): ReturnType<FastifyInstance['rateLimit']> {
  let limiter = reportLimiters.get(app.rateLimit);
  if (!limiter) {
    limiter = app.rateLimit({
      ...ANONYMOUS_REPORT_LIMIT,
      // Names the shared counters in Redis: fastify-rate-limit-group:public-reports-report:<address>.
      groupId: 'public-reports',
      keyGenerator: (request) => {
        const keyId = trustedClientKeys.get(request);
        return keyId ? `report:key:${keyId}` : `report:${request.ip}`;
      },
      max: (request) => (trustedClientKeys.has(request) ? TRUSTED_CLIENT_REPORT_LIMIT : ANONYMOUS_REPORT_LIMIT.max),
    });
    reportLimiters.set(app.rateLimit, limiter);
  }
  return limiter;
}

/** Reads the one multipart field 'photo' into memory (at most PHOTO_MAX_BYTES: a photo, not an import). */
export async function receivePhoto(request: FastifyRequest): Promise<Buffer> {
  const part = await request.file().catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge();
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw photoTypeError();
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'photo', code: 'malformed_multipart', message: 'the multipart body cannot be read' }],
    });
  });
  if (part?.fieldname !== 'photo')
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'photo', code: 'required', message: 'send the photo as multipart/form-data field "photo"' }],
    });
  const buffer = await part.toBuffer().catch((e: unknown) => {
    throw (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? photoTooLarge() : e;
  });
  // Past the limit the stream ends early, marked truncated: half a photo is no photo.
  if (part.file.truncated) throw photoTooLarge();
  return buffer;
}

/** A stored JPEG, private to whoever may see it: never kept by a shared cache. */
export const sendPhoto = (reply: FastifyReply, photo: { content_type: string; data: Uint8Array }) =>
  reply.type(photo.content_type).header('cache-control', 'private, no-store').send(Buffer.from(photo.data));

/** Residents' reports without an account: rate-limited per address, honeypot-guarded, redacted like all text. */
export const publicReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  serve(app, routes.create, async ({ ctx, body }) => createPublicReport(ctx, body, app.publicUrl), {
    preValidation: reportLimit(app),
  });
  serve(app, routes.confirmContact, async ({ ctx, body }) => {
    await confirmReporterContact(ctx, body.token, app.publicUrl);
    return null;
  });
  serve(app, routes.get, async ({ ctx, params }) => getPublicReport(ctx, params.receipt));
  serve(app, routes.reopen, async ({ ctx, params, body }) => reopenPublicReport(ctx, params.receipt, body));
  serveHttp(app, routes.attachPhoto, async ({ context, params, request, reply }) => {
    const ctx = await context();
    return reply.status(201).send(await attachPhoto(ctx, params.receipt, await receivePhoto(request)));
  });
  serveHttp(app, routes.photo, async ({ context, params, query, reply }) =>
    sendPhoto(reply, await getPublicPhoto(await context(), params.receipt, query.size)),
  );

  serve(app, staff.byReceipt, async ({ ctx, params }) => getIncidentByReceipt(ctx, params.receipt));
  serve(app, staff.get, async ({ ctx, params }) => getResidentSide(ctx, params.id));
  serve(app, staff.reply, async ({ ctx, params, body }) => addPublicUpdate(ctx, params.id, body));
  serveHttp(app, staff.photo, async ({ context, params, query, reply }) =>
    sendPhoto(reply, await getStaffPhoto(await context(), params.id, query.size)),
  );
};
