import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvaluationDesign } from '../../../domain/evaluations.js';
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

/** The places the system proposes for comparison; asked only once treatment, outcome and before period are set. */
export function useComparisonSuggestions(input: {
  treatment_place_ids: string[];
  categories: string[];
  before_from: string;
  before_to: string;
}) {
  const ready =
    input.treatment_place_ids.length > 0 &&
    input.categories.length > 0 &&
    Boolean(input.before_from) &&
    Boolean(input.before_to) &&
    input.before_from <= input.before_to;
  return useQuery({
    queryKey: ['evaluation-suggestions', input],
    queryFn: () => api.suggestComparisons(input),
    enabled: ready,
    staleTime: 60_000,
  });
}

/** Saving a design: a new one for a measure, or the replacement of an existing one made from `version`. */
export function useSaveEvaluation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      save:
        | { kind: 'create'; measureId: string; design: EvaluationDesign }
        | { kind: 'update'; id: string; design: EvaluationDesign; version: number },
    ) =>
      save.kind === 'create' ? api.create(save.measureId, save.design) : api.update(save.id, save.design, save.version),
    onSuccess: (saved) => {
      client.setQueryData(['evaluation', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['evaluations'] });
      void client.invalidateQueries({ queryKey: ['evaluation', saved.id, 'results'] });
    },
  });
}
