import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponsibilityRule, ResponsibilityRuleInput } from '../../../domain/responsibility.js';
import { responsibilityEndpoints as api } from '../../api/responsibility-endpoints.js';

/** The matrix decides the inbox a new incident lands in; service levels set its deadline there and the compliance figures. */
const refresh = (qc: ReturnType<typeof useQueryClient>, keys: readonly string[]) =>
  Promise.all(keys.map((k) => qc.invalidateQueries({ queryKey: [k] })));

export const useRules = (enabled: boolean) =>
  useQuery({ queryKey: ['responsibility-rules'], queryFn: api.rules, enabled });
export const useServiceLevels = (enabled: boolean) =>
  useQuery({ queryKey: ['service-levels'], queryFn: api.serviceLevels, enabled });
export const useCompliance = (unitId: string | undefined) =>
  useQuery({ queryKey: ['service-level-compliance', unitId ?? null], queryFn: () => api.compliance(unitId) });

/** Adds a rule (id null) or replaces one (admins); answers with the rule as stored. */
export function useSaveRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ResponsibilityRuleInput }): Promise<ResponsibilityRule> =>
      id === null ? api.createRule(body) : api.updateRule(id, body),
    onSuccess: () => refresh(qc, ['responsibility-rules']),
  });
}

/** Removes a rule (admins); a refusal may mean it was already gone, so the matrix is fetched anew either way. */
export function useRemoveRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteRule(id),
    onSettled: () => refresh(qc, ['responsibility-rules']),
  });
}

/** Sets a category's response rule (admins); inbox deadlines and compliance follow it. */
export function useSetServiceLevel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ category, body }: { category: string; body: { hours: number; rule: string } }) =>
      api.setServiceLevel(category, body),
    onSuccess: () => refresh(qc, ['service-levels', 'service-level-compliance', 'inbox']),
  });
}
