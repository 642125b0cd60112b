import { MapConfigSchema } from '../domain/basemap.js';
import { defineRoute } from './define-route.js';

export const mapContract = {
  config: defineRoute({
    method: 'GET',
    path: '/map/config',
    policy: 'public',
    tags: ['organisation'],
    summary: 'The basemap the maps draw',
    description: 'tiles is null when the built-in offline basemap is used; otherwise the online tile source.',
    response: { 200: MapConfigSchema },
  }),
};
