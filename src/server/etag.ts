import type { FastifyInstance } from 'fastify';

/**
 * Optimistic concurrency over HTTP. Every answer that is one versioned record (an object with `id` and a
 * numeric `version`) carries `ETag: "<version>"`; a write may send it back as `If-Match` (read by `ifMatch` in
 * request-context.ts) and is refused with 409 CONFLICT when the record changed in between.
 */
export function addETags(app: FastifyInstance): void {
  app.addHook('preSerialization', async (_request, reply, payload) => {
    const record = payload as { id?: unknown; version?: unknown } | null;
    if (record && typeof record === 'object' && typeof record.id === 'string' && typeof record.version === 'number')
      reply.header('etag', `"${record.version}"`);
    return payload;
  });
}
