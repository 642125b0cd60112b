import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The read replica (DATABASE_READ_URL) for heavy reads, or null when there is none. */
    readDb: Kysely<Database> | null;
  }
}

/**
 * Set on the answer to every successful write while a replica is configured: for its lifetime the browser's
 * requests read from the primary, so the list a user is sent to after saving shows what was saved even when
 * the replica is a moment behind. It carries no data, only its presence counts.
 */
export const READ_PRIMARY_COOKIE = 'trygg_read_primary';

const READS = new Set(['GET', 'HEAD']);

export interface ReadRoutingOptions {
  readDb: Kysely<Database> | null;
  /** How long after a write the same browser keeps reading the primary (TRYGG_READ_PRIMARY_AFTER_WRITE_SECONDS). */
  primaryAfterWriteSeconds: number;
}

/** Decorates the app with the replica and marks the session of every successful write (when there is one). */
export function registerReadRouting(app: FastifyInstance, options: ReadRoutingOptions): void {
  app.decorate('readDb', options.readDb);
  if (!options.readDb) return;
  app.addHook('onSend', async (request, reply) => {
    if (READS.has(request.method) || request.method === 'OPTIONS' || reply.statusCode >= 400) return;
    reply.setCookie(READ_PRIMARY_COOKIE, '1', {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      path: '/',
      maxAge: options.primaryAfterWriteSeconds,
    });
  });
}

/**
 * The replica when this request may read from it: a GET or HEAD (no write of its own to read back) from a
 * client that has not written within the last moments. Otherwise undefined, and heavy reads use the primary.
 */
export function replicaFor(request: FastifyRequest): Kysely<Database> | undefined {
  const replica = request.server.readDb;
  if (!replica || !READS.has(request.method) || request.cookies[READ_PRIMARY_COOKIE]) return undefined;
  return replica;
}
