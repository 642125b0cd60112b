import { z } from 'zod';
import { type CoarseGeometry, type Incident, IncidentSchema, POINT_PRECISIONS } from '../../domain/incidents.js';
import type { ServiceContext } from '../../core/context.js';
import { listAreaGeometries } from './incidents.repo.js';

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
  features: z.array(z.object({
    type: z.literal('Feature'),
    id: z.string(),
    geometry: GeometrySchema.nullable(),
    properties: IncidentSchema.extend({ lon: z.number().nullable(), lat: z.number().nullable() }),
  })),
  next_cursor: z.string().nullable().optional(),
});
export type IncidentFeatureCollection = z.infer<typeof IncidentFeatureCollectionSchema>;

/** The incidents as GeoJSON; `coarse` says what coarse ones get as geometry (see the schema above). */
export async function incidentFeatureCollection(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>, items: readonly Incident[], coarse: CoarseGeometry,
): Promise<Omit<IncidentFeatureCollection, 'next_cursor'>> {
  const isCoarse = (i: Incident) => !POINT_PRECISIONS.includes(i.precision);
  const areaIds = coarse === 'polygon' ? [...new Set(items.filter(isCoarse).flatMap((i) => (i.area_id ? [i.area_id] : [])))] : [];
  const polygons = new Map((await listAreaGeometries(ctx.db, ctx.organisation.id, areaIds)).map((a) => [a.id, a.geometry]));
  return {
    type: 'FeatureCollection',
    features: items.map((i) => {
      if (!isCoarse(i)) return { type: 'Feature', id: i.id, geometry: { type: 'Point', coordinates: [i.lon, i.lat] }, properties: i };
      const polygon = i.area_id ? polygons.get(i.area_id) : undefined;
      return { type: 'Feature', id: i.id, geometry: (polygon as IncidentFeatureCollection['features'][number]['geometry']) ?? null, properties: { ...i, lon: null, lat: null } };
    }),
  };
}
