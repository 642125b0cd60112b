import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { usersContract as routes } from '../../contracts/users.contract.js';
import { serve } from '../../http/serve-route.js';
import { listUsers, setUserActive, updateMemberships } from './users.service.js';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.list, async ({ ctx }) => listUsers(ctx));
  serve(app, routes.memberships, async ({ ctx, params, body }) => {
    await updateMemberships(ctx, params.id, body);
  });
  serve(app, routes.active, async ({ ctx, params, body }) => {
    await setUserActive(ctx, params.id, body.disabled);
  });
};
