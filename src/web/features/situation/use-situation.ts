import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../domain/auth.js';
import type { MeetingActionCreate, MeetingActionUpdate, MeetingCreate } from '../../../domain/meetings.js';
import { POLICIES } from '../../../domain/policies.js';
import type { RatingConfirm } from '../../../domain/situation.js';
import { situationEndpoints, type SituationReportQuery } from '../../api/situation-endpoints.js';

// The server's policy table decides what to show; the server still decides what is allowed.
export const canReadSituation = (me: Me | null | undefined) =>
  Boolean(me?.memberships.some((m) => (POLICIES['situation:read'].roles as readonly string[]).includes(m.role)));
/** Admins, and the coordinators of the district's own unit (any coordinator when the owner is unknown). */
export const canWriteSituation = (me: Me | null | undefined, ownerUnitId?: string | null) =>
  Boolean(
    me?.memberships.some(
      (m) => m.role === 'admin' || (m.role === 'coordinator' && (!ownerUnitId || m.unit_id === ownerUnitId)),
    ),
  );

/** Admins write city-wide reports (freeze); ratings are confirmed per district. */
export const canWriteCitySituation = (me: Me | null | undefined) =>
  Boolean(me?.memberships.some((m) => m.role === 'admin'));

/** A district's report, or the whole city's without `areaId`. */
export function useSituationReport(query: SituationReportQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['situation', query.area_id, query.week, query.category_group?.join(','), query.source?.join(',')],
    queryFn: () => situationEndpoints.report(query),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Confirms a district's ratings; the city-wide page has no district and offers no confirming. */
export function useConfirmRatings(areaId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingConfirm) => situationEndpoints.confirmRatings(areaId!, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['situation', areaId] }),
  });
}

export function useFreeze() {
  return useMutation({
    mutationFn: (body: { area_id: string | null; week: string }) => situationEndpoints.freeze(body),
  });
}

export function useFrozenReport(id: string | undefined) {
  return useQuery({
    queryKey: ['frozen-report', id],
    queryFn: () => situationEndpoints.frozenReport(id!),
    enabled: Boolean(id),
  });
}

export function useMeeting(id: string | null | undefined) {
  return useQuery({ queryKey: ['meeting', id], queryFn: () => situationEndpoints.meeting(id!), enabled: Boolean(id) });
}

export function useCreateMeeting(reportId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingCreate) => situationEndpoints.createMeeting(reportId, body),
    onSuccess: async (meeting) => {
      qc.setQueryData(['meeting', meeting.id], meeting);
      await qc.invalidateQueries({ queryKey: ['frozen-report', reportId] });
    },
  });
}

export function useAddAction(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingActionCreate) => situationEndpoints.addAction(meetingId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['meeting', meetingId] }),
  });
}

export function useInbox(unitId: string | undefined) {
  return useQuery({
    queryKey: ['inbox', unitId],
    queryFn: () => situationEndpoints.inbox(unitId!),
    enabled: Boolean(unitId),
  });
}

export function useUpdateAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MeetingActionUpdate }) => situationEndpoints.updateAction(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
