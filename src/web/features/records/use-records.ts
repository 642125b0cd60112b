import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordsExport } from '../../../domain/records.js';
import type { DraftReview, ReleaseDraft } from '../../../domain/release-review.js';
import { recordsEndpoints } from '../../api/records-endpoints.js';

/** The release log, newest first; one registry reference's releases when `requestRef` is given. */
export function useReleases(requestRef: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['records', 'releases', requestRef ?? null],
    queryFn: () => recordsEndpoints.releases(requestRef),
    enabled,
  });
}

/** Starts the review of a request: the server reads the records and marks what may be personal data. */
export function useCreateDraft() {
  return useMutation({ mutationFn: (body: RecordsExport) => recordsEndpoints.createDraft(body) });
}

/** A draft under review. */
export function useDraft(id: string | undefined) {
  return useQuery({
    queryKey: ['records', 'draft', id],
    queryFn: () => recordsEndpoints.draft(id!),
    enabled: id !== undefined,
  });
}

/** Records decisions on a draft; the answer is the draft as it now stands. */
export function useReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<DraftReview>) => recordsEndpoints.review(id, body),
    onSuccess: (draft) => queryClient.setQueryData(['records', 'draft', id], draft),
  });
}

/** Discards a draft. */
export function useDiscard() {
  return useMutation({ mutationFn: (id: string) => recordsEndpoints.discard(id) });
}

/** Releases a reviewed draft; its file comes back, and the log (and the audit log) are refetched. */
export function useRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: ReleaseDraft) => recordsEndpoints.release(draft),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['records', 'releases'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
