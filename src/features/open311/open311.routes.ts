import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { open311Contract as routes } from '../../contracts/open311.contract.js';
import { isDatabaseUnavailable } from '../../db/connect.js';
import { AppError, HTTP_STATUS } from '../../domain/errors.js';
import { Open311PostSchema } from '../../domain/open311.js';
import { ANONYMOUS_REPORT_LIMIT } from '../../domain/public-reports.js';
import { serviceContext } from '../../http/request-context.js';
import { type RequestContext, serveHttp } from '../../http/serve-route.js';
import { countAsTrustedClient, reportLimit } from '../public-reports/public-reports.routes.js';
import { render, type XML_NAMES } from './open311.format.js';
import { trustedClient } from './open311-keys.service.js';
import {
  createServiceRequest,
  getRequest,
  getServiceDefinition,
  listRequests,
  listServices,
} from './open311.service.js';

/**
 * A POST that sends an api_key: its context (built before the body is checked, to look the key up before the
 * report limit counts the request) and the trusted client the key names, null for a wrong one.
 */
const keyedPosts = new WeakMap<FastifyRequest, { ctx: RequestContext; client: { id: string } | null }>();

function send(reply: FastifyReply, format: 'xml' | 'json', shape: keyof typeof XML_NAMES, body: unknown, status = 200) {
  const { contentType, payload } = render(format, shape, body);
  return reply.status(status).type(contentType).send(payload);
}

/** The spec's names for what a caller named: a jurisdiction, not an organisation. */
const SPEC_NAMES: Record<string, string> = { organisation: 'jurisdiction_id', category: 'service_code' };

/** Codes that mean "what you named does not exist": the spec's 404. A service is an active category. */
const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'UNKNOWN_ORGANISATION', 'UNKNOWN_CATEGORY', 'INACTIVE_CATEGORY']);

/** "service_code 'ufo' not found": the names and values in a not-found error's details. */
function notFoundDescription(details: unknown): string {
  const named = Array.isArray(details)
    ? details.map(
        (d: { path: string; value?: string; message: string }) => `${SPEC_NAMES[d.path] ?? d.path} (${d.message})`,
      )
    : Object.entries((details ?? {}) as Record<string, unknown>).map(
        ([k, v]) => `${SPEC_NAMES[k] ?? k} '${String(v)}'`,
      );
  return named.length ? `${named.join(', ')} not found` : 'not found';
}

/** Errors in the spec's own shape, in the format the path asked for (XML unless it said .json). */
function sendOpen311Error(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const format = /\.json(?:\?|$)/.test(request.url) ? 'json' : 'xml';
  // The database being away is 503 here too, so clients try again later instead of reporting a fault.
  const appError =
    error instanceof AppError ? error : isDatabaseUnavailable(error) ? new AppError('DATABASE_UNAVAILABLE') : undefined;
  const notFound = appError !== undefined && NOT_FOUND_CODES.has(appError.code);
  const validation = (error as { validation?: Array<{ instancePath: string; message?: string }> }).validation;
  const status = notFound
    ? 404
    : appError
      ? HTTP_STATUS[appError.code]
      : validation
        ? 400
        : ((error as { statusCode?: number }).statusCode ?? 500);
  if (status === 503) request.log.warn({ err: error }, 'database unavailable');
  else if (status >= 500) request.log.error({ err: error }, 'open311 error');
  const description = validation
    ? validation.map((v) => `${v.instancePath.replace(/^\//, '') || 'request'}: ${v.message ?? 'invalid'}`).join('; ')
    : notFound
      ? notFoundDescription(appError.details)
      : appError
        ? `${appError.messages.en}${Array.isArray(appError.details) ? ` ${appError.details.map((d: { path: string; message: string }) => `${d.path}: ${d.message}`).join('; ')}` : ''}`
        : 'request failed';
  const code = status === 503 ? 503 : status >= 500 ? 500 : [403, 404, 429].includes(status) ? status : 400;
  return send(reply, format, 'errors', [{ code, description }], code);
}

/** Open311 GeoReport v2 under /open311/v2; jurisdiction_id names the organisation (default: the server's). */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(formbody, { bodyLimit: 65_536 });
  app.setErrorHandler((error, request, reply) => sendOpen311Error(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendOpen311Error(request, reply, new AppError('NOT_FOUND', { details: { path: request.url.split('?')[0] } })),
  );

  serveHttp(app, routes.discovery, async ({ params, request, reply }) =>
    send(reply, params.format, 'discovery', {
      changeset: '2026-11-25T00:00:00Z',
      contact: 'Trygg',
      key_service: `Anonymous reports are welcome without a key (${ANONYMOUS_REPORT_LIMIT.max} per address in ${ANONYMOUS_REPORT_LIMIT.timeWindow}); systems that report more ask the city for an api_key.`,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${request.protocol}://${request.host}/open311/v2`,
          changeset: '2026-11-25T00:00:00Z',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    }),
  );

  serveHttp(app, routes.services, async ({ context, params, query, reply }) =>
    send(reply, params.format, 'services', await listServices(await context(query.jurisdiction_id))),
  );

  serveHttp(app, routes.service, async ({ context, params, query, reply }) =>
    send(
      reply,
      params.format,
      'service_definition',
      await getServiceDefinition(await context(query.jurisdiction_id), params.code),
    ),
  );

  serveHttp(app, routes.requests, async ({ context, params, query, reply }) =>
    send(reply, params.format, 'requests', await listRequests(await context(query.jurisdiction_id), query)),
  );

  // The public form's controls: its report limit (one count per address for both, shared through Redis when set)
  // and a honeypot. A trusted client's api_key is looked up before the limit counts and has a limit of its own;
  // a wrong key counts against the address and is then refused with 403, as the spec says.
  serveHttp(
    app,
    routes.create,
    async ({ context, params, body, request, reply }) => {
      const keyed = keyedPosts.get(request);
      if (keyed?.client === null)
        throw new AppError('FORBIDDEN', { details: { reason: 'unknown or revoked api_key' } });
      const ctx = keyed?.ctx ?? (await context(body.jurisdiction_id));
      return send(
        reply,
        params.format,
        'post',
        await createServiceRequest(ctx, body, app.publicUrl, keyed?.client),
        201,
      );
    },
    {
      preValidation: [
        async (request) => {
          const body = request.body as Record<string, unknown> | undefined;
          const apiKey = Open311PostSchema.shape.api_key.safeParse(body?.api_key).data;
          if (apiKey === undefined) return;
          const ctx = await serviceContext(
            request,
            Open311PostSchema.shape.jurisdiction_id.safeParse(body?.jurisdiction_id).data,
          );
          const client = await trustedClient(ctx, apiKey);
          if (client) countAsTrustedClient(request, client.id);
          keyedPosts.set(request, { ctx, client });
        },
        reportLimit(app),
      ],
    },
  );

  serveHttp(app, routes.request, async ({ context, params, query, reply }) =>
    send(reply, params.format, 'requests', await getRequest(await context(query.jurisdiction_id), params.id)),
  );
};
