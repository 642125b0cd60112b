import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import { PlaceDetailSchema, PlaceListQuerySchema, PlaceSchema } from '../domain/org.js';
import { defineRoute } from './define-route.js';

const tags = ['places'];

export const placesContract = {
  list: defineRoute({
    method: 'GET',
    path: '/places',
    policy: 'public',
    tags,
    summary: 'Public places, indoor and outdoor',
    query: PlaceListQuerySchema,
    response: { 200: z.array(PlaceSchema) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/places/:id',
    policy: 'public',
    tags,
    summary: 'One place with zones and responsible units',
    params: z.object({ id: UuidSchema }),
    response: { 200: PlaceDetailSchema },
  }),
};
