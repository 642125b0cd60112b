import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeVersion } from '../../../domain/programmes.js';
import { programmeDocumentEndpoints as api } from '../../api/programme-document-endpoints.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';

/** Whether the reader sees the staff view (every version) or the public one (adopted and replaced only); undefined while the session loads. */
export function useProgrammeReader(): { staff: boolean | undefined; manages: boolean } {
  const session = useSession();
  if (session.isPending) return { staff: undefined, manages: false };
  return { staff: allows(session.data, 'programmes:read'), manages: allows(session.data, 'programmes:manage') };
}

export function useProgrammes() {
  const { staff } = useProgrammeReader();
  return useQuery({
    queryKey: ['programmes', staff],
    queryFn: () => api.list(staff!),
    enabled: staff !== undefined,
  });
}

export function useProgrammeVersion(id: string) {
  const { staff } = useProgrammeReader();
  return useQuery({
    queryKey: ['programmes', staff, 'version', id],
    queryFn: () => api.version(id, staff!),
    enabled: staff !== undefined,
  });
}

export function useProgrammeDiff(from: string | null, to: string | null) {
  const { staff } = useProgrammeReader();
  return useQuery({
    queryKey: ['programmes', staff, 'compare', from, to],
    queryFn: () => api.compare(from!, to!, staff!),
    enabled: staff !== undefined && from !== null && to !== null,
  });
}

/** The follow-up of an adopted or replaced version: the same public reading for staff and residents. */
export function usePublicFollowup(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['programmes', 'public-followup', id],
    queryFn: () => api.publicFollowup(id),
    enabled,
  });
}

/** A change to a version: the answer is the version as it now stands, put in the cache; the lists refetch. */
export function useProgrammeChange<A>(change: (args: A) => Promise<ProgrammeVersion>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (version) => {
      client.setQueryData(['programmes', true, 'version', version.id], version);
      void client.invalidateQueries({ queryKey: ['programmes'] });
    },
  });
}
