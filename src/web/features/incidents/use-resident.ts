import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { residentEndpoints } from '../../api/resident-endpoints.js';

/** The receipt code, photo and replies of an incident (staff). */
export function useResidentSide(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'resident', id],
    queryFn: () => residentEndpoints.residentSide(id!),
    enabled: Boolean(id) && enabled,
  });
}

/**
 * Writes a reply to the reporter; the answer replaces the cached resident side. The reply counts as a change
 * of the incident (its version goes up), so the incident is read again before its forms send the old version.
 */
export function useReplyToReporter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => residentEndpoints.reply(id, body),
    onSuccess: async (side) => {
      queryClient.setQueryData(['incidents', 'resident', id], side);
      await queryClient.invalidateQueries({ queryKey: ['incidents', 'one', id] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Sends the photo of a report just filed; the follow view is refetched to show it. */
export function useAttachPhoto(receipt: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photo: File) => residentEndpoints.attachPhoto(receipt, photo),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['public-report', receipt] }),
  });
}
