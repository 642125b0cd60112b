import type { FrozenReportView, InboxSchema, Meeting, MeetingAction, MeetingActionCreate, MeetingActionUpdate, MeetingCreate } from '../../domain/meetings.js';
import type { NeighbourhoodRowSchema, RatingConfirm, SituationReport } from '../../domain/situation.js';
import type { z } from 'zod';
import { api, apiPath } from './client.js';

export type Inbox = z.infer<typeof InboxSchema>;
export type NeighbourhoodRow = z.infer<typeof NeighbourhoodRowSchema>;

const enc = encodeURIComponent;

/** A district (area_id) or, without one, the whole city; empty filter lists mean all. */
export interface SituationReportQuery {
  area_id?: string | undefined;
  week: string;
  category_group?: readonly string[];
  source?: readonly string[];
}

/** The query string's values: an empty list is left out (the server reads `source=` as "no source"). */
const reportParams = (q: SituationReportQuery) => ({
  area_id: q.area_id, week: q.week,
  category_group: q.category_group?.length ? q.category_group : undefined, source: q.source?.length ? q.source : undefined,
});

/** The weekly situation picture, frozen reports, meetings, decided actions and a unit's inbox. */
export const situationEndpoints = {
  report: (q: SituationReportQuery) => api.get<SituationReport>('/api/situation/report', reportParams(q)),
  /** Links, not fetches: the browser downloads the file. */
  reportFileUrl: (q: SituationReportQuery, format: 'pdf' | 'xlsx') => apiPath(`/api/situation/report/${format}`, reportParams(q)),
  frozenFileUrl: (id: string, format: 'pdf' | 'xlsx') => `/api/situation/reports/${enc(id)}/${format}`,
  confirmRatings: (areaId: string, body: RatingConfirm) => api.put<NeighbourhoodRow[]>(`/api/situation/districts/${enc(areaId)}/ratings`, body),
  freeze: (body: { area_id: string | null; week: string }) => api.post<FrozenReportView>('/api/situation/reports', body),
  frozenReport: (id: string) => api.get<FrozenReportView>(`/api/situation/reports/${enc(id)}`),
  meeting: (id: string) => api.get<Meeting>(`/api/situation/meetings/${enc(id)}`),
  createMeeting: (reportId: string, body: MeetingCreate) => api.post<Meeting>(`/api/situation/reports/${enc(reportId)}/meeting`, body),
  addAction: (meetingId: string, body: MeetingActionCreate) => api.post<MeetingAction>(`/api/situation/meetings/${enc(meetingId)}/actions`, body),
  updateAction: (id: string, body: MeetingActionUpdate) => api.patch<MeetingAction>(`/api/situation/actions/${enc(id)}`, body),
  inbox: (unitId: string) => api.get<Inbox>('/api/inbox', { unit_id: unitId }),
};
