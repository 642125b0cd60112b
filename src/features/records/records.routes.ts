import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import { RecordsExportResultSchema, RecordsExportSchema, RecordsReleaseSchema, ReleaseListQuerySchema } from '../../domain/records.js';
import { DraftReviewSchema, ReleaseDraftSchema, ReleaseFromDraftSchema } from '../../domain/release-review.js';
import { serviceContext } from '../../server/request-context.js';
import { createDraft, discardDraft, getDraft, releaseDocument, releaseDraft, reviewDraft } from './records-review.service.js';
import { listReleases } from './records.service.js';

const tags = ['records'];
const IdParams = z.object({ id: UuidSchema });

/**
 * Records requests (begäran om allmän handling): a draft release is reviewed (sekretessprövning) — every
 * candidate personal datum masked under a ground or approved — and only then released and logged.
 * Every route is for those who may release (`records:export`): a draft holds unreviewed text. Another
 * organisation's draft is not found.
 */
export const recordsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/records/drafts', {
    config: { policy: 'records:export' },
    schema: { tags, summary: 'Start the review of a records request: the records as they would be released, with candidate personal data marked', body: RecordsExportSchema, response: { 201: ReleaseDraftSchema } },
  }, async (request, reply) => reply.status(201).send(await createDraft(await serviceContext(request), request.body)));

  app.get('/records/drafts/:id', {
    config: { policy: 'records:export' },
    schema: { tags, summary: 'A draft release under review', params: IdParams, response: { 200: ReleaseDraftSchema } },
  }, async (request) => getDraft(await serviceContext(request), request.params.id));

  app.patch('/records/drafts/:id', {
    config: { policy: 'records:export' },
    schema: { tags, summary: 'Mask (under a ground) or approve marks, mask a selection, or undo one; all or nothing', params: IdParams, body: DraftReviewSchema, response: { 200: ReleaseDraftSchema } },
  }, async (request) => reviewDraft(await serviceContext(request), request.params.id, request.body));

  app.delete('/records/drafts/:id', {
    config: { policy: 'records:export' },
    schema: { tags, summary: 'Discard a draft release', params: IdParams },
  }, async (request, reply) => {
    await discardDraft(await serviceContext(request), request.params.id);
    return reply.status(204).send();
  });

  app.post('/records/releases', {
    config: { policy: 'records:export' },
    schema: {
      tags, summary: 'Release a reviewed draft (409 REVIEW_INCOMPLETE while a mark is undecided); logged and audited', body: ReleaseFromDraftSchema,
      response: { 201: RecordsExportResultSchema, 200: z.any().describe('the release as xlsx or pdf') },
    },
  }, async (request, reply) => {
    const ctx = await serviceContext(request);
    const result = await releaseDraft(ctx, request.body.draft_id);
    if (result.release.format === 'json') return reply.status(201).send(result);
    const file = await releaseDocument(ctx, result);
    return reply.header('content-disposition', `attachment; filename="${file.filename}"`).header('x-release-id', result.release.id).type(file.contentType).send(file.body);
  });

  app.get('/records/releases', {
    config: { policy: 'records:export' },
    schema: { tags, summary: 'The release log of records requests, newest first', querystring: ReleaseListQuerySchema, response: { 200: z.array(RecordsReleaseSchema) } },
  }, async (request) => listReleases(await serviceContext(request), request.query));
};
