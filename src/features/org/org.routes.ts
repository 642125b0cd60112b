import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import { AreaDetailSchema, AreaListQuerySchema, AreaSchema, OrganisationSchema, UnitListQuerySchema, UnitSchema } from '../../domain/org.js';
import { serviceContext } from '../../server/request-context.js';
import { getArea, listAreas, listAreasGeoJson, listUnits } from './org.service.js';

const tags = ['organisation'];

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/organisation', { config: { policy: 'public' }, schema: { tags, summary: 'The current organisation', response: { 200: OrganisationSchema } } },
    async (request) => (await serviceContext(request)).organisationRecord);

  app.get('/units', { config: { policy: 'public' }, schema: { tags, summary: 'Units (committees, companies, partners) in force', querystring: UnitListQuerySchema, response: { 200: z.array(UnitSchema) } } },
    async (request) => listUnits(await serviceContext(request), request.query));

  app.get('/areas', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'Areas of the layout in force on a day',
      description: 'format=geojson returns a FeatureCollection with geometry; at=2022-01-01 gives Stockholm’s 13 districts of 2020–2023.',
      querystring: AreaListQuerySchema,
      response: { 200: z.union([z.array(AreaSchema), z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) })]) },
    },
  }, async (request) => {
    const ctx = await serviceContext(request);
    return request.query.format === 'geojson' ? listAreasGeoJson(ctx, request.query) : listAreas(ctx, request.query);
  });

  app.get('/areas/:id', { config: { policy: 'public' }, schema: { tags, summary: 'One area with geometry, owner and children', params: z.object({ id: UuidSchema }), response: { 200: AreaDetailSchema } } },
    async (request) => getArea(await serviceContext(request), request.params.id));
};
