import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import type { Organisation } from '../domain/org.js';
import type { ServiceContext } from '../core/context.js';
import { contextFor } from '../core/tenancy.js';
import { replicaFor } from './read-routing.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    defaultOrganisation: string;
    /** Where people reach the web app, for links in messages. */
    publicUrl: string;
  }
}

/** Header naming the tenant; without it the server's default organisation is used. */
export const ORGANISATION_HEADER = 'x-trygg-organisation';

/** The service context for a request: its organisation (named by the caller, the header or the default), actor and database. */
export async function serviceContext(
  request: FastifyRequest,
  organisationSlug?: string,
): Promise<ServiceContext & { organisationRecord: Organisation }> {
  const header = request.headers[ORGANISATION_HEADER];
  const slug = organisationSlug ?? (Array.isArray(header) ? header[0] : header) ?? request.server.defaultOrganisation;
  return contextFor(request.server.db, slug, request.principal, {
    remoteAddress: request.ip,
    log: request.log,
    readDb: replicaFor(request),
  });
}

/**
 * The version a write's `If-Match` names (the ETag of a versioned record, server/etag.ts), or undefined without
 * one (or with `*`): writes without it are not checked. BAD_REQUEST when malformed.
 */
export function ifMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match)
    throw new AppError('BAD_REQUEST', {
      details: [
        { path: 'If-Match', code: 'invalid_etag', message: 'If-Match must be an ETag of this record, such as "3"' },
      ],
    });
  return Number(match[1]);
}
