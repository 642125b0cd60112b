import { type CoarseGeometry, type Incident, POINT_PRECISIONS } from '../../domain/incidents.js';
import type { ServiceContext } from '../../core/context.js';
import type { IncidentFeatureCollection } from '../../domain/incident-geojson.js';
import { listAreaGeometries } from './incidents.repo.js';

/** The incidents as GeoJSON; `coarse` says what coarse ones get as geometry (see the schema above). */
export async function incidentFeatureCollection(
  ctx: Pick<ServiceContext, 'db' | 'organisation'>,
  items: readonly Incident[],
  coarse: CoarseGeometry,
): Promise<Omit<IncidentFeatureCollection, 'next_cursor'>> {
  const isCoarse = (i: Incident) => !POINT_PRECISIONS.includes(i.precision);
  const areaIds =
    coarse === 'polygon' ? [...new Set(items.filter(isCoarse).flatMap((i) => (i.area_id ? [i.area_id] : [])))] : [];
  const polygons = new Map(
    (await listAreaGeometries(ctx.db, ctx.organisation.id, areaIds)).map((a) => [a.id, a.geometry]),
  );
  return {
    type: 'FeatureCollection',
    features: items.map((i) => {
      if (!isCoarse(i))
        return { type: 'Feature', id: i.id, geometry: { type: 'Point', coordinates: [i.lon, i.lat] }, properties: i };
      const polygon = i.area_id ? polygons.get(i.area_id) : undefined;
      return {
        type: 'Feature',
        id: i.id,
        geometry: (polygon as IncidentFeatureCollection['features'][number]['geometry']) ?? null,
        properties: { ...i, lon: null, lat: null },
      };
    }),
  };
}
