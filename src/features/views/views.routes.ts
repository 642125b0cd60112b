import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { viewsContract as routes } from '../../contracts/views.contract.js';
import { serve } from '../../http/serve-route.js';
import { getCityView, getDistrictView, getUnitView } from './views.service.js';

/** The programme seen from a district, a unit and the whole city. */
export const viewsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.district, async ({ ctx, params }) => getDistrictView(ctx, params.unit_id));
  serve(app, routes.unit, async ({ ctx, params }) => getUnitView(ctx, params.unit_id));
  serve(app, routes.city, async ({ ctx }) => getCityView(ctx));
};
