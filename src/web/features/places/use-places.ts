import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PlaceSetting } from '../../../domain/org.js';
import type { PlaceMonthFigure } from '../../../domain/evaluations.js';
import { endpoints } from '../../api/endpoints.js';
import { evaluationEndpoints } from '../../api/evaluation-endpoints.js';

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

/** A place's monthly visitors and opening hours (staff only: the caller decides whether to ask). */
export function usePlaceFigures(id: string | undefined) {
  return useQuery({
    queryKey: ['place', id, 'figures'],
    queryFn: () => evaluationEndpoints.placeFigures(id!),
    enabled: Boolean(id),
  });
}

export function useSavePlaceFigures(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (months: PlaceMonthFigure[]) => evaluationEndpoints.savePlaceFigures(id, months),
    onSuccess: (saved) => client.setQueryData(['place', id, 'figures'], saved),
  });
}
