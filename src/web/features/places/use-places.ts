import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PlaceSetting } from '../../../domain/org.js';
import { endpoints } from '../../api/endpoints.js';

export interface PlaceFilter {
  setting?: PlaceSetting | undefined;
  type?: string | undefined;
  area_id?: string | undefined;
  q?: string | undefined;
}

export function usePlaces(filter: PlaceFilter = {}, enabled = true) {
  return useQuery({
    queryKey: ['places', filter],
    queryFn: () => endpoints.places(filter),
    placeholderData: keepPreviousData,
    staleTime: 300_000,
    enabled,
  });
}

export function usePlace(id: string | undefined) {
  return useQuery({ queryKey: ['place', id], queryFn: () => endpoints.place(id!), enabled: Boolean(id) });
}

/** All places by id, for naming an incident's place in tables. */
export function usePlaceNames(): Map<string, string> {
  const { data } = usePlaces();
  return useMemo(() => new Map((data ?? []).map((p) => [p.id, p.name])), [data]);
}
