import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  AreaDetailSchema,
  AreaListQuerySchema,
  AreaSchema,
  OrganisationSchema,
  UnitListQuerySchema,
  UnitSchema,
} from '../domain/org.js';
import { defineRoute } from './define-route.js';

const tags = ['organisation'];

export const orgContract = {
  organisation: defineRoute({
    method: 'GET',
    path: '/organisation',
    policy: 'public',
    tags,
    summary: 'The current organisation',
    response: { 200: OrganisationSchema },
  }),
  units: defineRoute({
    method: 'GET',
    path: '/units',
    policy: 'public',
    tags,
    summary: 'Units (committees, companies, partners) in force',
    query: UnitListQuerySchema,
    response: { 200: z.array(UnitSchema) },
  }),
  areas: defineRoute({
    method: 'GET',
    path: '/areas',
    policy: 'public',
    tags,
    summary: 'Areas of the layout in force on a day',
    description:
      'format=geojson returns a FeatureCollection with geometry; at=2022-01-01 gives Stockholm’s 13 districts of 2020–2023.',
    query: AreaListQuerySchema,
    response: {
      200: z.union([
        z.array(AreaSchema),
        z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) }),
      ]),
    },
  }),
  area: defineRoute({
    method: 'GET',
    path: '/areas/:id',
    policy: 'public',
    tags,
    summary: 'One area with geometry, owner and children',
    params: z.object({ id: UuidSchema }),
    response: { 200: AreaDetailSchema },
  }),
};
