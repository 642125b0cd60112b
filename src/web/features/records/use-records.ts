import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordsExport } from '../../../domain/records.js';
import { recordsEndpoints } from '../../api/records-endpoints.js';

/** The release log, newest first; one registry reference's releases when `requestRef` is given. */
export function useReleases(requestRef: string | undefined, enabled: boolean) {
  return useQuery({ queryKey: ['records', 'releases', requestRef ?? null], queryFn: () => recordsEndpoints.releases(requestRef), enabled });
}

/** Makes a release; its file comes back, and the log (and the audit log) are refetched. */
export function useRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordsExport) => recordsEndpoints.release(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['records', 'releases'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
