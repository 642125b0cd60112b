import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecordsExportResultSchema, RecordsExportSchema, RecordsReleaseSchema, ReleaseListQuerySchema } from '../../domain/records.js';
import { serviceContext } from '../../server/request-context.js';
import { releaseFile } from './records.export.js';
import { exportRecords, listReleases } from './records.service.js';

const tags = ['records'];

/** Records requests (begäran om allmän handling): release requested records with restricted fields masked, and the release log. */
export const recordsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/records/releases', {
    config: { policy: 'records:export' },
    schema: {
      tags, summary: 'Release records for a records request (restricted fields masked; logged and audited)', body: RecordsExportSchema,
      response: { 201: RecordsExportResultSchema, 200: z.any().describe('the release as xlsx or pdf') },
    },
  }, async (request, reply) => {
    const result = await exportRecords(await serviceContext(request), request.body);
    if (result.release.format === 'json') return reply.status(201).send(result);
    const file = await releaseFile(result);
    return reply.header('content-disposition', `attachment; filename="${file.filename}"`).header('x-release-id', result.release.id).type(file.contentType).send(file.body);
  });

  app.get('/records/releases', {
    config: { policy: 'records:export' },
    schema: { tags, summary: 'The release log of records requests, newest first', querystring: ReleaseListQuerySchema, response: { 200: z.array(RecordsReleaseSchema) } },
  }, async (request) => listReleases(await serviceContext(request), request.query));
};
