import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agreement, AgreementCreate, AgreementReview, AgreementUpdate } from '../../../domain/agreements.js';
import { reportEndpoints as api } from '../../api/report-endpoints.js';

/** Everything that shows an agreement or its review: the staff and public pages, the inbox and quality report. */
const refresh = (qc: ReturnType<typeof useQueryClient>) =>
  Promise.all(
    ['agreement', 'agreements', 'public-agreements', 'inbox', 'quality', 'views'].map((k) =>
      qc.invalidateQueries({ queryKey: [k] }),
    ),
  );

export function useAgreement(id: string | undefined) {
  return useQuery({ queryKey: ['agreement', id], queryFn: () => api.agreement(id!), enabled: Boolean(id) });
}

/**
 * Records a new agreement, or edits one opened at `version` (someone else's save in between is refused with 409):
 * each answers with the agreement as it now stands.
 */
export function useSaveAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      save: { id: null; body: AgreementCreate } | { id: string; version: number; body: AgreementUpdate },
    ): Promise<Agreement> =>
      save.id === null ? api.createAgreement(save.body) : api.updateAgreement(save.id, save.body, save.version),
    onSuccess: (a) => {
      qc.setQueryData(['agreement', a.id], a);
      return refresh(qc);
    },
  });
}

export function useReviewAgreement(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AgreementReview) => api.reviewAgreement(id, body),
    onSuccess: (a) => {
      qc.setQueryData(['agreement', id], a);
      return refresh(qc);
    },
  });
}
