import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContract as routes } from '../../contracts/audit.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { exportAudit, searchAudit } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.search, async ({ ctx, query }) => searchAudit(ctx, query));
  serveHttp(app, routes.export, async ({ context, query, reply }) => {
    const { contentType, body } = await exportAudit(await context(), query);
    const extension = query.format === 'json' ? 'json' : 'csv';
    return reply
      .type(contentType)
      .header('content-disposition', `attachment; filename="trygg-audit.${extension}"`)
      .send(body);
  });
};
