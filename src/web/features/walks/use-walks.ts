import { useQuery } from '@tanstack/react-query';
import { walkEndpoints as api } from '../../api/walk-endpoints.js';

export function useWalks() {
  return useQuery({ queryKey: ['walks'], queryFn: api.list });
}

export function useWalk(id: string | undefined) {
  return useQuery({ queryKey: ['walks', id], queryFn: () => api.get(id!), enabled: Boolean(id) });
}

export function useChecklist() {
  return useQuery({ queryKey: ['walks', 'checklist'], queryFn: api.checklist });
}

export function useWalkObservations(id: string | undefined) {
  return useQuery({
    queryKey: ['walks', id, 'observations'],
    queryFn: () => api.observations(id!),
    enabled: Boolean(id),
  });
}

export function useWalkReport(id: string | undefined) {
  return useQuery({ queryKey: ['walks', id, 'report'], queryFn: () => api.report(id!), enabled: Boolean(id) });
}

/** Earlier walks' observations in the walk's area, to be answered "Åtgärdad?". */
export function useEarlierObservations(id: string | undefined) {
  return useQuery({ queryKey: ['walks', id, 'followups'], queryFn: () => api.earlier(id!), enabled: Boolean(id) });
}

/** Leaflet wants [lat, lon]; GeoJSON gives [lon, lat]. */
export const latLngs = (coordinates: ReadonlyArray<readonly [number, number]>): Array<[number, number]> =>
  coordinates.map(([lon, lat]) => [lat, lon]);

export const SEVERITY_COLOURS = { low: '#1d6f42', medium: '#b45309', high: '#b91c1c' } as const;
