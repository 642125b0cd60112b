import { z } from 'zod';
import { IncidentSchema } from './incidents.js';

const Position = z.array(z.number()).min(2);
const GeometrySchema = z.union([
  z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
]);

/**
 * Incidents as an RFC 7946 FeatureCollection. A coarse incident (area or municipality precision) has only a
 * stand-in point (the municipality's centre, say): it gets `geometry: null` (allowed for a Feature), or with
 * `coarse=polygon` its neighbourhood's polygon where it has one, and its lon/lat are left out of the
 * properties too, so no GIS tool stacks such incidents on one point. `precision` stays among the properties.
 */
export const IncidentFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: GeometrySchema.nullable(),
      properties: IncidentSchema.extend({ lon: z.number().nullable(), lat: z.number().nullable() }),
    }),
  ),
  next_cursor: z.string().nullable().optional(),
});
export type IncidentFeatureCollection = z.infer<typeof IncidentFeatureCollectionSchema>;
