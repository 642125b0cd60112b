import { useQuery } from '@tanstack/react-query';
import { evaluationEndpoints as api } from '../../api/evaluation-endpoints.js';

export function useMeasureEvaluations(measureId: string | undefined) {
  return useQuery({
    queryKey: ['evaluations', { measure: measureId }],
    queryFn: () => api.ofMeasure(measureId!),
    enabled: Boolean(measureId),
  });
}

export function useEvaluation(id: string | undefined) {
  return useQuery({ queryKey: ['evaluation', id], queryFn: () => api.evaluation(id!), enabled: Boolean(id) });
}

export function useEvaluationResults(id: string | undefined) {
  return useQuery({ queryKey: ['evaluation', id, 'results'], queryFn: () => api.results(id!), enabled: Boolean(id) });
}
