import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { gdprContract } from '../../../contracts/gdpr.contract.js';
import { call } from '../../api/call.js';

const KEY = ['retention'] as const;

/** The rules, what a run now would remove (a dry run on the server) and the last runs. */
export function useRetentionOverview(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: () => call(gdprContract.retentionOverview), enabled, staleTime: 0 });
}

export function useRunRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(gdprContract.retention, { body: { dry_run: false } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
