import { useQuery } from '@tanstack/react-query';
import { importEndpoints } from '../../api/import-endpoints.js';

/** Polls a run twice a second while it runs; stops once it has ended. */
export function useImportRun(id: string | null) {
  return useQuery({
    queryKey: ['import-run', id],
    queryFn: () => importEndpoints.run(id!),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'running' ? false : 500),
  });
}
