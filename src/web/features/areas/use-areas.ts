import { useQueries, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints.js';
import { EARLIER_LAYOUT_DAY } from '../../api/use-reference-data.js';

/** The two district layouts of Stockholm the start page offers. */
export type Layout = 'current' | 'earlier';
export function layoutDay(layout: Layout, today: string): string {
  return layout === 'earlier' ? EARLIER_LAYOUT_DAY : today;
}

/** District polygons of the layout in force on `at`, as GeoJSON with the area fields as properties. */
export function useDistrictsGeojson(at: string) {
  return useQuery({
    queryKey: ['areas', 'district', 'geojson', at],
    queryFn: () => endpoints.areasGeojson({ level: 'district', at }),
    staleTime: 3_600_000,
  });
}

export function useArea(id: string | undefined) {
  return useQuery({
    queryKey: ['area', id],
    queryFn: () => endpoints.area(id!),
    enabled: Boolean(id),
    staleTime: 3_600_000,
  });
}

/** Neighbourhood polygons (under one district, or all without `parentId`) of the layout in force on `at`. */
export function useNeighbourhoodsGeojson(parentId: string | undefined, at: string | undefined) {
  return useQuery({
    queryKey: ['areas', 'neighbourhood', 'geojson', parentId, at],
    queryFn: () =>
      endpoints.areasGeojson({
        level: 'neighbourhood',
        ...(parentId ? { parent_id: parentId } : {}),
        ...(at ? { at } : {}),
      }),
    enabled: Boolean(at),
    staleTime: 3_600_000,
  });
}

/**
 * Mapped incidents per district: the sum of the district's hexbin counts (one small query each, in parallel,
 * cached), i.e. incidents with an exact or place location. Undefined while loading or on error. `resolution`
 * should be the map's, so the table beside it counts the same cells.
 */
export function useDistrictCounts(
  districtIds: readonly string[],
  from: string | undefined,
  resolution = 7,
): Map<string, number | undefined> {
  const results = useQueries({
    queries: districtIds.map((id) => ({
      queryKey: ['incidents', 'hexbins', { resolution, area_id: id, from }],
      queryFn: () => endpoints.hexbins({ resolution, area_id: id, ...(from ? { from } : {}) }),
      staleTime: 60_000,
    })),
  });
  return new Map(districtIds.map((id, i) => [id, results[i]?.data?.reduce((sum, h) => sum + h.count, 0)]));
}

/** A day inside an area's validity, for loading its children of the same layout. */
export function dayWithin(area: { valid_from: string; valid_to: string | null }, today: string): string {
  if (area.valid_to && area.valid_to < today) return area.valid_to;
  if (area.valid_from > today) return area.valid_from;
  return today;
}
