import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';

/**
 * Optimistic concurrency over HTTP. Every answer that is one versioned record (an object with `id` and a
 * numeric `version`) carries `ETag: "<version>"`; a write may send it back as `If-Match` and is refused with
 * 409 CONFLICT when the record changed in between. Writes without `If-Match` are not checked.
 */
export function addETags(app: FastifyInstance): void {
  app.addHook('preSerialization', async (_request, reply, payload) => {
    const record = payload as { id?: unknown; version?: unknown } | null;
    if (record && typeof record === 'object' && typeof record.id === 'string' && typeof record.version === 'number') reply.header('etag', `"${record.version}"`);
    return payload;
  });
}

/** The version a write's `If-Match` names, or undefined without one (or with `*`); BAD_REQUEST when malformed. */
export function ifMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw new AppError('BAD_REQUEST', { details: [{ path: 'If-Match', code: 'invalid_etag', message: 'If-Match must be an ETag of this record, such as "3"' }] });
  return Number(match[1]);
}
