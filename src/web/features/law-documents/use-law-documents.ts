import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../domain/auth.js';
import type { LawDocumentVersion } from '../../../domain/law-documents.js';
import { coordinatesUnit } from '../../../domain/policies.js';
import { lawDocumentEndpoints as api } from '../../api/law-document-endpoints.js';
import { allows, unitRolesOf } from '../views/access.js';

/**
 * Whether the user may draft, edit and adopt a district's documents (its coordinators, admins) or the
 * city's (admins): the server's policy and row rule, used here only to decide what to show.
 */
export function canWriteLawDocuments(me: Me | null | undefined, districtId: string | null): boolean {
  if (!me || !allows(me, 'law_documents:write')) return false;
  const roles = unitRolesOf(me);
  return districtId ? coordinatesUnit(roles, districtId) : roles.some((r) => r.role === 'admin');
}

export function useLawDocuments(districtId: string | null, signedIn: boolean | undefined) {
  return useQuery({
    queryKey: ['law-documents', districtId, signedIn],
    queryFn: () => api.list(districtId),
    enabled: signedIn !== undefined,
  });
}

export function useLawDocument(id: string) {
  return useQuery({ queryKey: ['law-document', id], queryFn: () => api.get(id) });
}

/** A change that answers with a version: put it in the cache, refetch the lists. */
export function useLawDocumentChange<A>(change: (args: A) => Promise<LawDocumentVersion>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (doc) => {
      client.setQueryData(['law-document', doc.id], doc);
      void client.invalidateQueries({ queryKey: ['law-documents'] });
    },
  });
}
