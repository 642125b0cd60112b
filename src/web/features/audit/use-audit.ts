import { useInfiniteQuery } from '@tanstack/react-query';
import { type AuditFilter, endpoints } from '../../api/endpoints.js';

export const AUDIT_PAGE_SIZE = 50;

/** The audit log for a filter, newest first, one page at a time ("Visa fler" asks for the next). */
export function useAuditLog(filter: AuditFilter | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) =>
      endpoints.audit({ ...filter, limit: AUDIT_PAGE_SIZE, ...(pageParam ? { before_id: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next_before_id ?? undefined,
    enabled: enabled && filter !== null,
    staleTime: 0,
  });
}
