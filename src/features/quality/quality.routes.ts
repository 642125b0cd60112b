import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { qualityContract as routes } from '../../contracts/quality.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { exportQualityReport } from './quality.export.js';
import { getQualityReport } from './quality.service.js';

/** The quality report per district, unit or city, as JSON, PDF or Excel. */
export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.report, async ({ ctx, query }) => getQualityReport(ctx, query));

  for (const format of ['pdf', 'xlsx'] as const) {
    serveHttp(app, routes.file[format], async ({ context, query, reply }) => {
      const { lang, ...scope } = query;
      const ctx = await context();
      const file = await exportQualityReport(
        await getQualityReport(ctx, scope),
        format,
        ctx.organisation.timeZone,
        lang,
      );
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.body);
    });
  }
};
