import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UuidSchema } from '../../domain/common.js';
import {
  HexbinQuerySchema, HexbinSchema, type Incident, IncidentConfidentialityUpdateSchema, IncidentCreateSchema, IncidentListQuerySchema, IncidentSchema,
  IncidentStatusUpdateSchema,
} from '../../domain/incidents.js';
import { ifMatch, serviceContext } from '../../server/request-context.js';
import {
  createIncident, getIncident, incidentHexbins, listIncidents, updateIncidentConfidentiality, updateIncidentStatus,
} from './incidents.service.js';

const tags = ['incidents'];

const FeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: IncidentSchema,
  })),
  next_cursor: z.string().nullable(),
});

/** Incidents as GeoJSON points; coarse rows keep their precision in properties so maps can leave them out. */
function toFeatureCollection(page: { items: Incident[]; next_cursor: string | null }) {
  return {
    type: 'FeatureCollection' as const,
    features: page.items.map((i) => ({
      type: 'Feature' as const,
      id: i.id,
      geometry: { type: 'Point' as const, coordinates: [i.lon, i.lat] as [number, number] },
      properties: i,
    })),
    next_cursor: page.next_cursor,
  };
}

export const incidentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/incidents', {
    config: { policy: 'incidents:create' },
    schema: { tags, summary: 'Report an incident', body: IncidentCreateSchema, response: { 201: IncidentSchema } },
  }, async (request, reply) => reply.status(201).send(await createIncident(await serviceContext(request), request.body)));

  app.get('/incidents', {
    config: { policy: 'incidents:read' },
    schema: {
      tags, summary: 'List incidents, newest first, with filters and cursor paging', querystring: IncidentListQuerySchema,
      response: { 200: z.union([z.object({ items: z.array(IncidentSchema), next_cursor: z.string().nullable() }), FeatureCollectionSchema]) },
    },
  }, async (request) => {
    const page = await listIncidents(await serviceContext(request), request.query);
    return request.query.format === 'geojson' ? toFeatureCollection(page) : page;
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
