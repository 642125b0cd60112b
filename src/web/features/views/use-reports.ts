import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnualQuery } from '../../../domain/annual.js';
import type { UnitKind } from '../../../domain/org.js';
import type { ScopeQuery } from '../../../domain/quality.js';
import { endpoints } from '../../api/endpoints.js';
import { reportEndpoints } from '../../api/report-endpoints.js';

export const useQualityReport = (q: ScopeQuery | null) =>
  useQuery({ queryKey: ['quality', q], queryFn: () => reportEndpoints.quality(q!), enabled: q !== null });

export const useCityView = (enabled: boolean) =>
  useQuery({ queryKey: ['views', 'city'], queryFn: reportEndpoints.cityView, enabled });

export const useUnitView = (unitId: string | null) =>
  useQuery({
    queryKey: ['views', 'unit', unitId],
    queryFn: () => reportEndpoints.unitView(unitId!),
    enabled: unitId !== null,
  });

export const useAgreements = (districtUnitId: string | null) =>
  useQuery({
    queryKey: ['agreements', districtUnitId],
    queryFn: () => reportEndpoints.agreements(districtUnitId!),
    enabled: districtUnitId !== null,
  });

export const usePublicAgreements = (districtUnitId: string | null) =>
  useQuery({
    queryKey: ['public-agreements', districtUnitId],
    queryFn: () => reportEndpoints.publicAgreements(districtUnitId ?? undefined),
  });

export const useAnnualReport = (q: AnnualQuery | null) =>
  useQuery({ queryKey: ['annual', q], queryFn: () => reportEndpoints.annual(q!), enabled: q !== null });

export function useSetPublicText() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string | null }) => reportEndpoints.setAgreementPublicText(id, text),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['agreements'] }),
        queryClient.invalidateQueries({ queryKey: ['public-agreements'] }),
      ]),
  });
}

export interface UnitOption {
  id: string;
  name: string;
  kind: UnitKind;
}

/** The organisation's units in force, named in the current language and sorted (same cache as useUnits). */
export function useUnitOptions(): UnitOption[] {
  const { i18n } = useTranslation();
  const { data } = useQuery({ queryKey: ['units'], queryFn: () => endpoints.units(), staleTime: 3_600_000 });
  return useMemo(
    () =>
      (data ?? [])
        .map((u) => ({ id: u.id, kind: u.kind, name: i18n.language === 'en' && u.name_en ? u.name_en : u.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    [data, i18n.language],
  );
}
