import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { incidentsContract as routes } from '../../contracts/incidents.contract.js';
import { serve } from '../../http/serve-route.js';
import { incidentFeatureCollection } from './incidents-geojson.js';
import {
  createIncident,
  getIncident,
  incidentHexbins,
  listIncidents,
  updateIncidentConfidentiality,
  updateIncidentStatus,
} from './incidents.service.js';

export const incidentsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.create, async ({ ctx, body }) => createIncident(ctx, body));
  serve(app, routes.list, async ({ ctx, query }) => {
    const page = await listIncidents(ctx, query);
    if (query.format !== 'geojson') return page;
    return { ...(await incidentFeatureCollection(ctx, page.items, query.coarse)), next_cursor: page.next_cursor };
  });
  serve(app, routes.hexbins, async ({ ctx, query }) => incidentHexbins(ctx, query));
  serve(app, routes.get, async ({ ctx, params }) => getIncident(ctx, params.id));
  serve(app, routes.updateStatus, async ({ ctx, params, body, version }) =>
    updateIncidentStatus(ctx, params.id, body, version),
  );
  serve(app, routes.updateConfidentiality, async ({ ctx, params, body, version }) =>
    updateIncidentConfidentiality(ctx, params.id, body, version),
  );
};
