import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicReportsContract as routes } from '../../contracts/public-reports.contract.js';
import { TRUSTED_CLIENT_REPORT_LIMIT } from '../../domain/open311.js';
import { ANONYMOUS_REPORT_LIMIT } from '../../domain/public-reports.js';
import { serve } from '../../http/serve-route.js';
import { confirmReporterContact } from '../outbox/outbox.service.js';
import { createPublicReport, getPublicReport, reopenPublicReport } from './public-reports.service.js';

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

/** Residents' reports without an account: rate-limited per address, honeypot-guarded, redacted like all text. */
export const publicReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.create, async ({ ctx, body }) => createPublicReport(ctx, body, app.publicUrl), {
    preValidation: reportLimit(app),
  });
  serve(app, routes.confirmContact, async ({ ctx, body }) => {
    await confirmReporterContact(ctx, body.token);
    return null;
  });
  serve(app, routes.get, async ({ ctx, params }) => getPublicReport(ctx, params.receipt));
  serve(app, routes.reopen, async ({ ctx, params, body }) => reopenPublicReport(ctx, params.receipt, body));
};
