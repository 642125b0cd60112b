import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import {
  HexbinQuerySchema, HexbinSchema, IncidentConfidentialityUpdateSchema, IncidentCreateSchema, IncidentListQuerySchema, IncidentSchema,
  IncidentStatusUpdateSchema,
} from '../../domain/incidents.js';
import { ifMatch, serviceContext } from '../../server/request-context.js';
import { IncidentFeatureCollectionSchema, incidentFeatureCollection } from './incidents-geojson.js';
import {
  createIncident, getIncident, incidentHexbins, listIncidents, updateIncidentConfidentiality, updateIncidentStatus,
} from './incidents.service.js';

const tags = ['incidents'];

export const incidentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/incidents', {
    config: { policy: 'incidents:create' },
    schema: { tags, summary: 'Report an incident', body: IncidentCreateSchema, response: { 201: IncidentSchema } },
  }, async (request, reply) => reply.status(201).send(await createIncident(await serviceContext(request), request.body)));

  app.get('/incidents', {
    config: { policy: 'incidents:read' },
    schema: {
      tags, summary: 'List incidents, newest first, with filters and cursor paging', querystring: IncidentListQuerySchema,
      description: 'format=geojson gives an RFC 7946 FeatureCollection; incidents of area or municipality precision get geometry null '
        + '(coarse=polygon: their neighbourhood’s polygon where there is one) and precision among the properties.',
      response: { 200: z.union([z.object({ items: z.array(IncidentSchema), next_cursor: z.string().nullable() }), IncidentFeatureCollectionSchema]) },
    },
  }, async (request) => {
    const ctx = await serviceContext(request);
    const page = await listIncidents(ctx, request.query);
    if (request.query.format !== 'geojson') return page;
    return { ...(await incidentFeatureCollection(ctx, page.items, request.query.coarse)), next_cursor: page.next_cursor };
  });

  app.get('/incidents/hexbins', {
    config: { policy: 'public' },
    schema: { tags, summary: 'Incident counts per H3 cell (exact and place precision only)', querystring: HexbinQuerySchema, response: { 200: z.array(HexbinSchema) } },
  }, async (request) => incidentHexbins(await serviceContext(request), request.query));

  app.get('/incidents/:id', {
    config: { policy: 'incidents:read' },
    schema: { tags, summary: 'One incident', params: z.object({ id: UuidSchema }), response: { 200: IncidentSchema } },
  }, async (request) => getIncident(await serviceContext(request), request.params.id));

  app.patch('/incidents/:id/status', {
    config: { policy: 'incidents:update' },
    schema: { tags, summary: 'Change the status of an incident (its assigned or reporting unit, its district\'s coordinators, admins); If-Match: its ETag', params: z.object({ id: UuidSchema }), body: IncidentStatusUpdateSchema, response: { 200: IncidentSchema } },
  }, async (request) => updateIncidentStatus(await serviceContext(request), request.params.id, request.body, ifMatch(request)));

  app.patch('/incidents/:id/confidentiality', {
    config: { policy: 'incidents:update' },
    schema: {
      tags, summary: "Change an incident's confidentiality tier (its assigned unit, its district's coordinators, admins)",
      params: z.object({ id: UuidSchema }), body: IncidentConfidentialityUpdateSchema, response: { 200: IncidentSchema },
    },
  }, async (request) => updateIncidentConfidentiality(await serviceContext(request), request.params.id, request.body, ifMatch(request)));
};
