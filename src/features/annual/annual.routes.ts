import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnnualQuerySchema, AnnualReportSchema } from '../../domain/annual.js';
import { serviceContext } from '../../server/request-context.js';
import { exportAnnualReport } from './annual.export.js';
import { getAnnualReport } from './annual.service.js';

const tags = ['programme'];

/** The annual follow-up report per unit or district, as JSON, PDF or Excel. */
export const annualRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/reports/annual', {
    config: { policy: 'quality:read' },
    schema: { tags, summary: 'Annual follow-up: measures run, problems addressed, indicator change, requests answered', querystring: AnnualQuerySchema, response: { 200: AnnualReportSchema } },
  }, async (request) => getAnnualReport(await serviceContext(request), request.query));

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(`/reports/annual/${format}`, {
      config: { policy: 'quality:read' },
      schema: { tags, summary: `Annual follow-up as ${format.toUpperCase()}`, querystring: AnnualQuerySchema, response: { 200: z.any().describe('the file') } },
    }, async (request, reply) => {
      const file = await exportAnnualReport(await getAnnualReport(await serviceContext(request), request.query), format);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.body);
    });
  }
};
