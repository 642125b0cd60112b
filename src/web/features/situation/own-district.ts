import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../domain/auth.js';
import { endpoints } from '../../api/endpoints.js';

/** The district unit a coordinator works for, if any: where their situation picture is. */
export function coordinatorDistrictUnit(me: Me | null | undefined): string | null {
  return me?.memberships.find((m) => m.role === 'coordinator' && m.unit_kind === 'district')?.unit_id ?? null;
}

/**
 * The path of the coordinator's own district's situation picture, or null for anyone else (and while the
 * district layout loads): the district area of today's layout that their unit owns.
 */
export function useOwnSituationPath(me: Me | null | undefined): { path: string | null; pending: boolean } {
  const unitId = coordinatorDistrictUnit(me);
  const districts = useQuery({
    queryKey: ['areas', 'district', 'current'],
    queryFn: () => endpoints.areas({ level: 'district' }),
    enabled: unitId !== null,
    staleTime: 3_600_000,
  });
  if (!unitId) return { path: null, pending: false };
  const area = districts.data?.find((a) => a.owner_unit_id === unitId);
  return { path: area ? `/districts/${area.id}/situation` : null, pending: districts.isPending };
}
