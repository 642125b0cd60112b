import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QualityExportQuerySchema, QualityReportSchema, ScopeQuerySchema } from '../../domain/quality.js';
import { serviceContext } from '../../server/request-context.js';
import { exportQualityReport } from './quality.export.js';
import { getQualityReport } from './quality.service.js';

const tags = ['programme'];

/** The quality report per district, unit or city, as JSON, PDF or Excel. */
export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/quality', {
    config: { policy: 'quality:read' },
    schema: { tags, summary: 'Quality report: every defect with a link to fix it', querystring: ScopeQuerySchema, response: { 200: QualityReportSchema } },
  }, async (request) => getQualityReport(await serviceContext(request), request.query));

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(`/quality/${format}`, {
      config: { policy: 'quality:read' },
      schema: { tags, summary: `Quality report as ${format.toUpperCase()}, in Swedish (default) or English (lang=en)`, querystring: QualityExportQuerySchema, response: { 200: z.any().describe('the file') } },
    }, async (request, reply) => {
      const { lang, ...scope } = request.query;
      const ctx = await serviceContext(request);
      const file = await exportQualityReport(await getQualityReport(ctx, scope), format, ctx.organisation.timeZone, lang);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.body);
    });
  }
};
