import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TRUSTED_CLIENT_REPORT_LIMIT } from '../../domain/open311.js';
import {
  ANONYMOUS_REPORT_LIMIT, ContactConfirmSchema, PublicReportCreateSchema, PublicReportReceiptSchema, PublicReportReopenSchema, PublicReportStatusSchema, ReceiptCodeSchema,
} from '../../domain/public-reports.js';
import { serviceContext } from '../../server/request-context.js';
import { confirmReporterContact } from '../outbox/outbox.service.js';
import { createPublicReport, getPublicReport, reopenPublicReport } from './public-reports.service.js';

const tags = ['public'];

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
  app.post('/public/reports', {
    config: { policy: 'public' },
    preValidation: reportLimit(app),
    schema: { tags, summary: `Report a problem without signing in; returns a receipt code (${ANONYMOUS_REPORT_LIMIT.max} per address in ${ANONYMOUS_REPORT_LIMIT.timeWindow}, Open311 reports included)`, body: PublicReportCreateSchema, response: { 201: PublicReportReceiptSchema } },
  }, async (request, reply) => reply.status(201).send(await createPublicReport(await serviceContext(request), request.body, request.server.publicUrl)));

  app.post('/public/contacts/confirm', {
    config: { policy: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
    schema: {
      tags, summary: 'Confirm the e-mail address given for updates, with the token of the link sent to it (404 when unknown or used)',
      body: ContactConfirmSchema, response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await confirmReporterContact(await serviceContext(request), request.body.token);
    return reply.status(204).send(null);
  });

  app.get('/public/reports/:receipt', {
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Follow a report by its receipt code', params: z.object({ receipt: ReceiptCodeSchema }), response: { 200: PublicReportStatusSchema } },
  }, async (request) => getPublicReport(await serviceContext(request), request.params.receipt));

  app.post('/public/reports/:receipt/reopen', {
    config: { policy: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } },
    schema: {
      tags, summary: 'Reopen a closed report by its receipt code, with a reason (409 INVALID_TRANSITION unless closed)',
      params: z.object({ receipt: ReceiptCodeSchema }), body: PublicReportReopenSchema, response: { 200: PublicReportStatusSchema },
    },
  }, async (request) => reopenPublicReport(await serviceContext(request), request.params.receipt, request.body));
};
