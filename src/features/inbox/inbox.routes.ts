import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InboxQuerySchema, InboxSchema } from '../../domain/meetings.js';
import { serviceContext } from '../../server/request-context.js';
import { getInbox } from './inbox.service.js';

/** GET /inbox?unit_id=: what a unit has to do (meeting actions, contribution requests, routed incidents). */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/inbox', {
    config: { policy: 'inbox:read' },
    schema: { tags: ['situation'], summary: "A unit's open items, soonest due first, with days left", querystring: InboxQuerySchema, response: { 200: InboxSchema } },
  }, async (request) => getInbox(await serviceContext(request), request.query.unit_id));
};
