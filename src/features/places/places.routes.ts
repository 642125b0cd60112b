import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { placesContract as routes } from '../../contracts/places.contract.js';
import { serve } from '../../http/serve-route.js';
import { getPlace, listPlaces } from './places.service.js';

export const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.list, async ({ ctx, query }) => listPlaces(ctx, query));
  serve(app, routes.get, async ({ ctx, params }) => getPlace(ctx, params.id));
};
