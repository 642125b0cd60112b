import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import { CityViewSchema, DistrictViewSchema, UnitViewSchema } from '../../domain/views.js';
import { serviceContext } from '../../server/request-context.js';
import { getCityView, getDistrictView, getUnitView } from './views.service.js';

const tags = ['programme'];
const UnitParams = z.object({ unit_id: UuidSchema });

/** The programme seen from a district, a unit and the whole city. */
export const viewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/views/districts/:unit_id', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: "District coordination view: every unit's work in the district, with areas and points for a map", params: UnitParams, response: { 200: DistrictViewSchema } },
  }, async (request) => getDistrictView(await serviceContext(request), request.params.unit_id));

  app.get('/views/units/:unit_id', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: "Unit view: its measures across all districts and its premises as resources", params: UnitParams, response: { 200: UnitViewSchema } },
  }, async (request) => getUnitView(await serviceContext(request), request.params.unit_id));

  app.get('/views/city', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'City view: districts side by side with counts and quality figures', response: { 200: CityViewSchema } },
  }, async (request) => getCityView(await serviceContext(request)));
};
