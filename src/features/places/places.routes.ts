import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import { PlaceDetailSchema, PlaceListQuerySchema, PlaceSchema } from '../../domain/org.js';
import { serviceContext } from '../../server/request-context.js';
import { getPlace, listPlaces } from './places.service.js';

const tags = ['places'];

export const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/places', { config: { policy: 'public' }, schema: { tags, summary: 'Public places, indoor and outdoor', querystring: PlaceListQuerySchema, response: { 200: z.array(PlaceSchema) } } },
    async (request) => listPlaces(await serviceContext(request), request.query));

  app.get('/places/:id', { config: { policy: 'public' }, schema: { tags, summary: 'One place with zones and responsible units', params: z.object({ id: UuidSchema }), response: { 200: PlaceDetailSchema } } },
    async (request) => getPlace(await serviceContext(request), request.params.id));
};
