import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { open311KeysContract as routes } from '../../contracts/open311-keys.contract.js';
import { serve } from '../../http/serve-route.js';
import { createApiKey, listApiKeys, revokeApiKey } from './open311-keys.service.js';

/** Admins keep the keys of trusted Open311 clients (api_key of GeoReport v2); the key is shown once, on creation. */
export const open311KeysRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.list, async ({ ctx }) => listApiKeys(ctx));
  serve(app, routes.create, async ({ ctx, body }) => createApiKey(ctx, body));
  serve(app, routes.revoke, async ({ ctx, params }) => {
    await revokeApiKey(ctx, params.id);
    return null;
  });
};
