import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestsContract as routes } from '../../contracts/requests.contract.js';
import { serve } from '../../http/serve-route.js';
import { answerRequest, createRequest, getRequest, listRequests } from './requests.service.js';

/** Contribution requests: a district calls on a unit; the unit accepts, declines (reason) or delivers (note). */
export const requestsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.create, async ({ ctx, body }) => createRequest(ctx, body));
  serve(app, routes.list, async ({ ctx, query }) => listRequests(ctx, query));
  serve(app, routes.get, async ({ ctx, params }) => getRequest(ctx, params.id));
  serve(app, routes.accept, async ({ ctx, params, body, version }) =>
    answerRequest(ctx, params.id, 'accepted', body.note, version),
  );
  serve(app, routes.decline, async ({ ctx, params, body, version }) =>
    answerRequest(ctx, params.id, 'declined', body.reason, version),
  );
  serve(app, routes.deliver, async ({ ctx, params, body, version }) =>
    answerRequest(ctx, params.id, 'delivered', body.note, version),
  );
};
