import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { gdprContract as routes } from '../../contracts/gdpr.contract.js';
import { serve } from '../../http/serve-route.js';
import {
  eraseReporterEmail,
  getProcessingRecord,
  getRetentionOverview,
  registerExtract,
  runRetention,
} from './gdpr.service.js';

export const gdprRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.processingRecord, async ({ ctx }) => getProcessingRecord(ctx));
  serve(app, routes.extract, async ({ ctx, body }) => registerExtract(ctx, body.email));
  serve(app, routes.erase, async ({ ctx, body }) => eraseReporterEmail(ctx, body.email));
  serve(app, routes.retentionOverview, async ({ ctx }) => getRetentionOverview(ctx));
  serve(app, routes.retention, async ({ ctx, body }) => runRetention(ctx, { dryRun: body.dry_run }));
};
