import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ANONYMOUS_REPORT_LIMIT, ContactConfirmSchema, PublicReportCreateSchema, PublicReportReceiptSchema, PublicReportReopenSchema, PublicReportStatusSchema, ReceiptCodeSchema,
} from '../../domain/public-reports.js';
import { serviceContext } from '../../server/request-context.js';
import { confirmReporterContact } from '../outbox/outbox.service.js';
import { createPublicReport, getPublicReport, reopenPublicReport } from './public-reports.service.js';

const tags = ['public'];

/** Residents' reports without an account: rate-limited per address, honeypot-guarded, redacted like all text. */
export const publicReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/public/reports', {
    config: { policy: 'public', rateLimit: { ...ANONYMOUS_REPORT_LIMIT } },
    schema: { tags, summary: 'Report a problem without signing in; returns a receipt code', body: PublicReportCreateSchema, response: { 201: PublicReportReceiptSchema } },
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
