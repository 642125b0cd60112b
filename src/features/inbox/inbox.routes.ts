import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { situationContract } from '../../contracts/situation.contract.js';
import { serve } from '../../http/serve-route.js';
import { getInbox } from './inbox.service.js';

/** GET /inbox?unit_id=: what a unit has to do (meeting actions, contribution requests, routed incidents). */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, situationContract.inbox, async ({ ctx, query }) => getInbox(ctx, query.unit_id));
};
