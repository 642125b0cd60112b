import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgContract as routes } from '../../contracts/org.contract.js';
import { serve } from '../../http/serve-route.js';
import { getArea, listAreas, listAreasGeoJson, listUnits } from './org.service.js';

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.organisation, async ({ ctx }) => ctx.organisationRecord);
  serve(app, routes.units, async ({ ctx, query }) => listUnits(ctx, query));
  serve(app, routes.areas, async ({ ctx, query }) =>
    query.format === 'geojson' ? listAreasGeoJson(ctx, query) : listAreas(ctx, query),
  );
  serve(app, routes.area, async ({ ctx, params }) => getArea(ctx, params.id));
};
