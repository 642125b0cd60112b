import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DataSubjectRequestSchema, ErasureResultSchema, ProcessingRecordSchema, RegisterExtractSchema, RetentionRunResultSchema } from '../../domain/gdpr.js';
import { serviceContext } from '../../server/request-context.js';
import { eraseReporterEmail, getProcessingRecord, registerExtract, runRetention } from './gdpr.service.js';

const tags = ['gdpr'];

export const gdprRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/gdpr/processing-record', { config: { policy: 'public' }, schema: { tags, summary: 'What is stored, why and for how long', response: { 200: ProcessingRecordSchema } } },
    async (request) => getProcessingRecord(await serviceContext(request)));

  app.post('/gdpr/extract', { config: { policy: 'gdpr:manage' }, schema: { tags, summary: 'Register extract for an e-mail address', body: DataSubjectRequestSchema, response: { 200: RegisterExtractSchema } } },
    async (request) => registerExtract(await serviceContext(request), request.body.email));

  app.post('/gdpr/erase', { config: { policy: 'gdpr:manage' }, schema: { tags, summary: "Erase a reporter's e-mail address", body: DataSubjectRequestSchema, response: { 200: ErasureResultSchema } } },
    async (request) => eraseReporterEmail(await serviceContext(request), request.body.email));

  app.post('/gdpr/retention', {
    config: { policy: 'gdpr:manage' },
    schema: { tags, summary: 'Apply the retention rules now (dry_run counts only)', body: z.strictObject({ dry_run: z.boolean().default(true) }), response: { 200: RetentionRunResultSchema } },
  }, async (request) => runRetention(await serviceContext(request), { dryRun: request.body.dry_run }));
};
