import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Incident,
  IncidentConfidentialityUpdate,
  IncidentCreateInput,
  IncidentStatusUpdate,
} from '../../../domain/incidents.js';
import type { PublicReportCreateInput } from '../../../domain/public-reports.js';
import { ApiError } from '../../api/client.js';
import { endpoints, type IncidentFilter } from '../../api/endpoints.js';

export type Period = 'd30' | 'd365' | 'all';
export const PERIOD_DAYS: Record<Period, number | null> = { d30: 30, d365: 365, all: null };

/** The latest incidents (newest first) matching a filter. */
export function useLatestIncidents(filter: IncidentFilter, limit = 25, enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'list', filter, limit],
    queryFn: () => endpoints.incidents({ ...filter, limit }),
    enabled,
  });
}

/** Incidents as GeoJSON points for a map. */
export function useIncidentPoints(filter: IncidentFilter, enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'geojson', filter],
    queryFn: () => endpoints.incidentsGeojson({ ...filter, limit: 1000 }),
    enabled,
  });
}

/** Counts per H3 cell; the previous cells stay on screen while another resolution loads. */
export function useHexbins(filter: { resolution: number; area_id?: string; from?: string }, enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'hexbins', filter],
    queryFn: () => endpoints.hexbins(filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IncidentCreateInput) => endpoints.createIncident(input),
    // Every list, map and count may now include the new incident.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incidents'] }),
  });
}

/** One incident (staff and partners only). */
export function useIncident(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'one', id],
    queryFn: () => endpoints.incident(id!),
    enabled: Boolean(id) && enabled,
  });
}

/**
 * Moves an incident shown at `version` to a new status (a change by someone else in between is refused with
 * 409); the answer replaces the cached incident, lists are refetched.
 */
export function useUpdateIncidentStatus(id: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: IncidentStatusUpdate) => endpoints.updateIncidentStatus(id, update, version),
    onSuccess: async (incident: Incident) => {
      queryClient.setQueryData(['incidents', 'one', id], incident);
      await queryClient.invalidateQueries({ queryKey: ['incidents'], predicate: (q) => q.queryKey[1] !== 'one' });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Moves an incident to another confidentiality tier; the answer replaces the cached incident, lists are refetched. */
export function useUpdateIncidentConfidentiality(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: IncidentConfidentialityUpdate) => endpoints.updateIncidentConfidentiality(id, update),
    onSuccess: async (incident: Incident) => {
      queryClient.setQueryData(['incidents', 'one', id], incident);
      await queryClient.invalidateQueries({ queryKey: ['incidents'], predicate: (q) => q.queryKey[1] !== 'one' });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** The unit an incident is routed to, or null when nobody is (the API's 404). */
export function useIncidentAssignment(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'assignment', id],
    queryFn: () =>
      endpoints.incidentAssignment(id!).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    enabled: Boolean(id) && enabled,
  });
}

/** Moves the incident to another unit's inbox; the incident (whose version the move raised), inboxes and the audit log are refetched. */
export function useOverrideIncidentAssignment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unitId: string) => endpoints.overrideIncidentAssignment(id, unitId),
    onSuccess: async (assignment) => {
      queryClient.setQueryData(['incidents', 'assignment', id], assignment);
      await queryClient.invalidateQueries({ queryKey: ['incidents', 'one', id] });
      await queryClient.invalidateQueries({ queryKey: ['inbox'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** A resident's report without an account; answered with a receipt code. */
export function useCreatePublicReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublicReportCreateInput) => endpoints.createPublicReport(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['incidents'] }),
  });
}

export function usePublicReport(receipt: string | undefined) {
  return useQuery({
    queryKey: ['public-report', receipt],
    queryFn: () => endpoints.publicReport(receipt!),
    enabled: Boolean(receipt),
  });
}
