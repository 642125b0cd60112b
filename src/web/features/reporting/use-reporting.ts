import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reportingEndpoints as api } from '../../api/reporting-endpoints.js';

export const useReportingPeriods = () => useQuery({ queryKey: ['reporting', 'periods'], queryFn: () => api.list() });

export const useReportingPeriod = (id: string) =>
  useQuery({ queryKey: ['reporting', 'period', id], queryFn: () => api.get(id) });

export const useUnitFollowup = (id: string, unitId: string) =>
  useQuery({ queryKey: ['reporting', 'followup', id, unitId], queryFn: () => api.followup(id, unitId) });

export const useCompiledReport = (id: string) =>
  useQuery({ queryKey: ['reporting', 'report', id], queryFn: () => api.report(id) });

/** A reporting change: everything reporting is read again. */
export function useReportingChange<A, R>(change: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reporting'] }),
  });
}

/** A period's name in the reader's language: 'Tertial 2 2026', 'Helår 2026'. */
export function usePeriodName() {
  const { t } = useTranslation();
  return (p: { year: number; tertial: number | null }) =>
    p.tertial === null
      ? t('reporting.periodName.year', { year: p.year })
      : t('reporting.periodName.tertial', { tertial: p.tertial, year: p.year });
}
