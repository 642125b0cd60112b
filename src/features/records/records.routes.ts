import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordsContract as routes } from '../../contracts/records.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import {
  createDraft,
  discardDraft,
  getDraft,
  releaseDocument,
  releaseDraft,
  reviewDraft,
} from './records-review.service.js';
import { listReleases } from './records.service.js';

/**
 * Records requests (begäran om allmän handling): a draft release is reviewed (sekretessprövning) — every
 * candidate personal datum masked under a ground or approved — and only then released and logged.
 * Every route is for those who may release (`records:export`): a draft holds unreviewed text. Another
 * organisation's draft is not found.
 */
export const recordsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.createDraft, async ({ ctx, body }) => createDraft(ctx, body));
  serve(app, routes.draft, async ({ ctx, params }) => getDraft(ctx, params.id));
  serve(app, routes.review, async ({ ctx, params, body }) => reviewDraft(ctx, params.id, body));
  serve(app, routes.discard, async ({ ctx, params }) => {
    await discardDraft(ctx, params.id);
  });
  serveHttp(app, routes.release, async ({ context, body, reply }) => {
    const ctx = await context();
    const result = await releaseDraft(ctx, body.draft_id);
    if (result.release.format === 'json') return reply.status(201).send(result);
    const file = await releaseDocument(ctx, result);
    return reply
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-release-id', result.release.id)
      .type(file.contentType)
      .send(file.body);
  });
  serve(app, routes.releases, async ({ ctx, query }) => listReleases(ctx, query));
};
