import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Login, Me, Role } from '../../../domain/auth.js';
import { FREE_TEXT_ROLES, POLICIES } from '../../../domain/policies.js';
import { ApiError, setCsrfToken } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { forgetOfflineCopies } from '../walks/offline.js';

// The server's own policy table, used here only to decide what to show: the server decides.
const READ_INCIDENTS: readonly Role[] = POLICIES['incidents:read'].roles;
const CREATE_INCIDENTS: readonly Role[] = POLICIES['incidents:create'].roles;
const UPDATE_INCIDENTS: readonly Role[] = POLICIES['incidents:update'].roles;
const READ_FREE_TEXT: readonly Role[] = FREE_TEXT_ROLES;
const READ_AUDIT: readonly Role[] = ['admin'];

const hasRole = (me: Me | null | undefined, roles: readonly Role[]) =>
  Boolean(me?.memberships.some((m) => roles.includes(m.role)));
export const canReadIncidents = (me: Me | null | undefined) => hasRole(me, READ_INCIDENTS);
export const canCreateIncidents = (me: Me | null | undefined) => hasRole(me, CREATE_INCIDENTS);
/** Policy 'incidents:update': who may change an incident's status. */
export const canUpdateIncidents = (me: Me | null | undefined) => hasRole(me, UPDATE_INCIDENTS);
/** Analysts work with aggregates: the server leaves free text out for them. */
export const canReadFreeText = (me: Me | null | undefined) => hasRole(me, READ_FREE_TEXT);
/** Policy 'audit:read'. */
export const canReadAudit = (me: Me | null | undefined) => hasRole(me, READ_AUDIT);

/** The signed-in user, or null for a visitor. Keeps the CSRF token for writes. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await endpoints.me();
        setCsrfToken(me.csrf_token);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 300_000,
    retry: false,
  });
}

/** Whether the visitor may see single incidents; undefined while the session is loading. */
export function useCanReadIncidents(): boolean | undefined {
  const session = useSession();
  return session.isPending ? undefined : canReadIncidents(session.data);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Login) => endpoints.login(body),
    onSuccess: async (me) => {
      setCsrfToken(me.csrf_token);
      queryClient.setQueryData(['session'], me);
      await queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => endpoints.logout(),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(['session'], null);
      // Nothing a signed-in user saw may linger in the cache.
      queryClient.removeQueries({ queryKey: ['incidents'] });
      void forgetOfflineCopies();
    },
  });
}
