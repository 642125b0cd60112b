import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authContract } from '../../../contracts/auth.contract.js';
import { usersContract } from '../../../contracts/users.contract.js';
import type { UserCreate } from '../../../domain/auth.js';
import type { MembershipsUpdate } from '../../../domain/users.js';
import { call } from '../../api/call.js';

const KEY = ['users'] as const;

/** The organisation's accounts with their roles (admins only). */
export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: () => call(usersContract.list), enabled, staleTime: 0 });
}

/** Whether single sign-on is configured: only then can an account be created without a password. */
export function useSsoAvailable(): boolean {
  const { data } = useQuery({ queryKey: ['auth-providers'], queryFn: () => call(authContract.providers) });
  return data?.oidc ?? false;
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => call(authContract.createUser, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateMemberships() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MembershipsUpdate }) =>
      call(usersContract.memberships, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) =>
      call(usersContract.active, { params: { id }, body: { disabled } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
