import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consultationEndpoints as api } from '../../api/consultation-endpoints.js';

export const useConsultationRounds = (versionId: string) =>
  useQuery({ queryKey: ['consultations', 'rounds', versionId], queryFn: () => api.rounds(versionId) });

export const useConsultationRound = (id: string) =>
  useQuery({ queryKey: ['consultations', 'round', id], queryFn: () => api.round(id) });

export const useMyConsultations = () => useQuery({ queryKey: ['consultations', 'mine'], queryFn: () => api.mine() });

export const useConsultationResponse = (id: string) =>
  useQuery({ queryKey: ['consultations', 'response', id], queryFn: () => api.response(id) });

/** A consultation change: everything consultation (and the version's status) is read again. */
export function useConsultationChange<A, R>(change: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['consultations'] });
      void client.invalidateQueries({ queryKey: ['programmes'] });
    },
  });
}
