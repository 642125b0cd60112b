import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { annualContract as routes } from '../../contracts/annual.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { exportAnnualReport } from './annual.export.js';
import { getAnnualReport } from './annual.service.js';

/** The annual follow-up report per unit or district, as JSON, PDF or Excel. */
export const annualRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.report, async ({ ctx, query }) => getAnnualReport(ctx, query));

  for (const format of ['pdf', 'xlsx'] as const) {
    serveHttp(app, routes.file[format], async ({ context, query, reply }) => {
      const file = await exportAnnualReport(await getAnnualReport(await context(), query), format);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.body);
    });
  }
};
