import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import { IncidentFeatureCollectionSchema } from '../domain/incident-geojson.js';
import {
  HexbinQuerySchema,
  HexbinSchema,
  IncidentConfidentialityUpdateSchema,
  IncidentCreateSchema,
  IncidentListQuerySchema,
  IncidentSchema,
  IncidentStatusUpdateSchema,
} from '../domain/incidents.js';
import { defineRoute } from './define-route.js';

const tags = ['incidents'];

export const incidentsContract = {
  create: defineRoute({
    method: 'POST',
    path: '/incidents',
    policy: 'incidents:create',
    tags,
    summary: 'Report an incident',
    body: IncidentCreateSchema,
    response: { 201: IncidentSchema },
  }),
  list: defineRoute({
    method: 'GET',
    path: '/incidents',
    policy: 'incidents:read',
    tags,
    summary: 'List incidents, newest first, with filters and cursor paging',
    query: IncidentListQuerySchema,
    description:
      'format=geojson gives an RFC 7946 FeatureCollection; incidents of area or municipality precision get geometry null ' +
      '(coarse=polygon: their neighbourhood’s polygon where there is one) and precision among the properties.',
    response: {
      200: z.union([
        z.object({ items: z.array(IncidentSchema), next_cursor: z.string().nullable() }),
        IncidentFeatureCollectionSchema,
      ]),
    },
  }),
  hexbins: defineRoute({
    method: 'GET',
    path: '/incidents/hexbins',
    policy: 'public',
    tags,
    summary: 'Incident counts per H3 cell (exact and place precision only)',
    query: HexbinQuerySchema,
    response: { 200: z.array(HexbinSchema) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/incidents/:id',
    policy: 'incidents:read',
    tags,
    summary: 'One incident',
    params: z.object({ id: UuidSchema }),
    response: { 200: IncidentSchema },
  }),
  updateStatus: defineRoute({
    method: 'PATCH',
    path: '/incidents/:id/status',
    policy: 'incidents:update',
    tags,
    ifMatch: true,
    summary:
      "Change the status of an incident (its assigned or reporting unit, its district's coordinators, admins); If-Match: its ETag",
    params: z.object({ id: UuidSchema }),
    body: IncidentStatusUpdateSchema,
    response: { 200: IncidentSchema },
  }),
  updateConfidentiality: defineRoute({
    method: 'PATCH',
    path: '/incidents/:id/confidentiality',
    policy: 'incidents:update',
    tags,
    ifMatch: true,
    summary: "Change an incident's confidentiality tier (its assigned unit, its district's coordinators, admins)",
    params: z.object({ id: UuidSchema }),
    body: IncidentConfidentialityUpdateSchema,
    response: { 200: IncidentSchema },
  }),
};
