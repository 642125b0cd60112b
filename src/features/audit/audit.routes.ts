import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditExportQuerySchema, AuditPageSchema, AuditQuerySchema } from '../../domain/audit.js';
import { serviceContext } from '../../server/request-context.js';
import { exportAudit, searchAudit } from './audit.service.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', { config: { policy: 'audit:read' }, schema: { tags, summary: 'Search the audit log', querystring: AuditQuerySchema, response: { 200: AuditPageSchema } } },
    async (request) => searchAudit(await serviceContext(request), request.query));

  app.get('/audit/export', { config: { policy: 'audit:read' }, schema: { tags, summary: 'Export the audit log (CSV or JSON) for the data-protection officer', querystring: AuditExportQuerySchema } },
    async (request, reply) => {
      const { contentType, body } = await exportAudit(await serviceContext(request), request.query);
      const extension = request.query.format === 'json' ? 'json' : 'csv';
      return reply.type(contentType).header('content-disposition', `attachment; filename="trygg-audit.${extension}"`).send(body);
    });
};
