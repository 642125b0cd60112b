import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import { agreementsRoutes } from '../features/agreements/agreements.routes.js';
import { programmesRoutes } from '../features/programmes/programmes.routes.js';
import { consultationsRoutes } from '../features/consultations/consultations.routes.js';
import { lawDocumentsRoutes } from '../features/law-documents/law-documents.routes.js';
import { surveysRoutes } from '../features/surveys/surveys.routes.js';
import { walksRoutes } from '../features/walks/walks.routes.js';
import { reportingRoutes } from '../features/reporting/reporting.routes.js';
import { annualRoutes } from '../features/annual/annual.routes.js';
import { auditRoutes } from '../features/audit/audit.routes.js';
import { recordsRoutes } from '../features/records/records.routes.js';
import { authRoutes } from '../features/auth/auth.routes.js';
import type { OidcSettings } from '../features/auth/oidc.service.js';
import { oidcRoutes } from '../features/auth/oidc.routes.js';
import { categoriesRoutes } from '../features/categories/categories.routes.js';
import { gdprRoutes } from '../features/gdpr/gdpr.routes.js';
import { incidentsRoutes } from '../features/incidents/incidents.routes.js';
import { importsRoutes } from '../features/imports/imports.routes.js';
import { open311KeysRoutes } from '../features/open311/open311-keys.routes.js';
import { open311Routes } from '../features/open311/open311.routes.js';
import { orgRoutes } from '../features/org/org.routes.js';
import { placesRoutes } from '../features/places/places.routes.js';
import { publicReportsRoutes } from '../features/public-reports/public-reports.routes.js';
import { inboxRoutes } from '../features/inbox/inbox.routes.js';
import { situationRoutes } from '../features/situation/situation.routes.js';
import { measuresRoutes } from '../features/measures/measures.routes.js';
import { evaluationsRoutes } from '../features/evaluations/evaluations.routes.js';
import { problemsRoutes } from '../features/problems/problems.routes.js';
import { qualityRoutes } from '../features/quality/quality.routes.js';
import { requestsRoutes } from '../features/requests/requests.routes.js';
import { responsibilityRoutes } from '../features/responsibility/responsibility.routes.js';
import { viewsRoutes } from '../features/views/views.routes.js';
import { usersRoutes } from '../features/users/users.routes.js';
import { mapRoutes } from '../features/map/map.routes.js';
import type { JobRunner } from '../features/jobs/job-runner.js';
import { jobsRoutes } from '../features/jobs/jobs.routes.js';
import { type OnlineBasemap, tileTemplateSource } from '../domain/basemap.js';
import { authPlugin } from './auth.js';
import { type Config, DEFAULT_PUBLIC_URL, DEFAULT_READ_PRIMARY_AFTER_WRITE_SECONDS } from './config.js';
import { registerReadRouting } from '../http/read-routing.js';
import { sendError } from './errors.js';
import { refuseNulCharacters } from './nul-guard.js';
import { redisRateLimitStore } from './rate-limit-store.js';
import { RequestLogController } from './request-log.js';
import { addETags } from './etag.js';
import { type OperationsOptions, registerOperations, requestId } from './operations.js';

export interface AppOptions {
  db: Kysely<Database>;
  /** The read replica for heavy reads (DATABASE_READ_URL), if any. */
  readDb?: Kysely<Database> | null;
  engine: string;
  config: Pick<Config, 'bodyLimit' | 'defaultOrganisation'> &
    Partial<Pick<Config, 'trustProxy' | 'publicUrl' | 'readPrimaryAfterWriteSeconds'>>;
  logger?: Logger | boolean;
  /** Built web app to serve; defaults to dist/web when it exists. */
  webRoot?: string | null;
  /** Shared store for rate limits when several server processes run (REDIS_URL). */
  redis?: Redis | undefined;
  /** Single sign-on with the city's identity provider, when configured. */
  oidc?: OidcSettings | null;
  /** An online tile basemap (TRYGG_MAP_TILES); without it the maps draw the built-in offline basemap. */
  basemap?: OnlineBasemap | null;
  /** Pool and job figures for /metrics, and the token that opens /metrics on the app's address. */
  operations?: OperationsOptions;
  /** The background jobs this server runs, listed on the admin page. */
  jobs?: JobRunner | null;
}

/** The built web app beside the compiled server (dist/web), found from src/ or dist/server/. */
export function defaultWebRoot(): string | null {
  for (const rel of ['../../web', '../../dist/web']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}/index.html`)) return dir;
  }
  return null;
}

/** Fastify takes a hop count as a function of the hop (its types leave numbers out). */
function fastifyTrustProxy(setting: Config['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

/** Builds the HTTP application: API under /api, OpenAPI at /api/openapi.json, the web app at /. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof options.logger === 'object'
      ? { loggerInstance: options.logger as FastifyBaseLogger }
      : { logger: options.logger ?? false }),
    bodyLimit: options.config.bodyLimit,
    logController: new RequestLogController(),
    genReqId: requestId,
    // Off unless configured: otherwise anyone could pick their own address (rate limits) with X-Forwarded-For.
    trustProxy: fastifyTrustProxy(options.config.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);
  app.decorate('defaultOrganisation', options.config.defaultOrganisation);
  app.decorate('oidc', options.oidc ?? null);
  app.decorate('publicUrl', options.config.publicUrl ?? DEFAULT_PUBLIC_URL);
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  // The API speaks JSON only; plain text would otherwise reach the schemas as a string.
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', refuseNulCharacters);
  registerOperations(app, options.operations ?? {});

  // The tile host of a configured online basemap is the only foreign source the pages may load from.
  const basemap = options.basemap ?? null;
  const tileSource = basemap ? tileTemplateSource(basemap.url) : null;
  if (tileSource && 'error' in tileSource) throw new Error(tileSource.error);
  const tileHosts = tileSource ? [tileSource.source] : [];
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileHosts],
        connectSrc: ["'self'", ...tileHosts],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });

  // District and neighbourhood polygons are a few hundred kB of GeoJSON; they compress ~5×.
  await app.register(compress, { threshold: 2048 });

  // Limits apply per route (sign-in, public forms); with REDIS_URL they are shared by every server process.
  await app.register(rateLimit, {
    global: false,
    ...(options.redis ? { store: redisRateLimitStore(options.redis) } : {}),
  });
  await app.register(authPlugin);
  registerReadRouting(app, {
    readDb: options.readDb ?? null,
    primaryAfterWriteSeconds: options.config.readPrimaryAfterWriteSeconds ?? DEFAULT_READ_PRIMARY_AFTER_WRITE_SECONDS,
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Trygg API',
        version: '0.1.0',
        description: 'Crime prevention and safety work: areas, places, incidents.',
      },
      tags: [
        { name: 'auth' },
        { name: 'public' },
        { name: 'organisation' },
        { name: 'places' },
        { name: 'categories' },
        { name: 'incidents' },
        { name: 'open311', description: 'Open311 GeoReport v2' },
        { name: 'situation' },
        { name: 'inbox' },
        { name: 'programme', description: 'Problems, measures, requests, responsibility, quality' },
        { name: 'audit' },
        { name: 'gdpr' },
        { name: 'imports' },
        { name: 'walks', description: 'Safety walks: checklist, capture, report' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  addETags(app);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
      api.get(
        '/health',
        {
          config: { policy: 'public' },
          schema: {
            tags: ['organisation'],
            summary: 'Liveness and database engine',
            response: { 200: z.object({ status: z.literal('ok'), engine: z.string() }) },
          },
        },
        async () => ({ status: 'ok' as const, engine: options.engine }),
      );
      await api.register(authRoutes);
      await api.register(usersRoutes);
      await api.register(oidcRoutes);
      await api.register(auditRoutes);
      await api.register(recordsRoutes);
      await api.register(gdprRoutes);
      await api.register(publicReportsRoutes);
      await api.register(orgRoutes);
      await api.register(placesRoutes);
      await api.register(categoriesRoutes);
      await api.register(incidentsRoutes);
      await api.register(importsRoutes, { maxFileBytes: (options.config as Partial<Config>).importMaxBytes });
      await api.register(situationRoutes);
      await api.register(inboxRoutes);
      await api.register(problemsRoutes);
      await api.register(measuresRoutes);
      await api.register(evaluationsRoutes);
      await api.register(requestsRoutes);
      await api.register(responsibilityRoutes);
      await api.register(qualityRoutes);
      await api.register(agreementsRoutes);
      await api.register(programmesRoutes);
      await api.register(consultationsRoutes);
      await api.register(lawDocumentsRoutes);
      await api.register(surveysRoutes);
      await api.register(walksRoutes);
      await api.register(reportingRoutes);
      await api.register(viewsRoutes);
      await api.register(annualRoutes);
      await api.register(open311KeysRoutes);
      await api.register(mapRoutes, { basemap });
      await api.register(jobsRoutes, { runner: options.jobs ?? null });
    },
    { prefix: '/api' },
  );
  await app.register(open311Routes, { prefix: '/open311/v2' });

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      // Source maps stay private even when a build made them.
      allowedPath: (path) => !path.endsWith('.map'),
      cacheControl: false,
      // Files under /assets carry a content hash in their name: a changed file gets a new name, so they never
      // go stale. Anything else (index.html) is checked on every visit, so a deploy is picked up at once.
      setHeaders: (res, path) => {
        const fingerprinted = relative(webRoot, path).startsWith(`assets${sep}`);
        res.setHeader('cache-control', fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  // Unknown API paths answer in the API's error shape; any other GET is a route of the single-page app.
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api') || request.url.startsWith('/open311');
    if (!isApi && webRoot && request.method === 'GET') return reply.type('text/html').sendFile('index.html');
    return sendError(request, reply, new AppError('NOT_FOUND', { details: { path: request.url.split('?')[0] } }));
  });

  return app;
}
