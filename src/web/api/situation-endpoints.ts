import type { z } from 'zod';
import type { ExportFormat } from '../../contracts/define-route.js';
import { situationContract as routes } from '../../contracts/situation.contract.js';
import type { InboxSchema, MeetingActionCreate, MeetingActionUpdate, MeetingCreate } from '../../domain/meetings.js';
import type { NeighbourhoodRowSchema, RatingConfirm } from '../../domain/situation.js';
import { call, routeUrl } from './call.js';

export type Inbox = z.infer<typeof InboxSchema>;
export type NeighbourhoodRow = z.infer<typeof NeighbourhoodRowSchema>;

/** A district (area_id) or, without one, the whole city; empty filter lists mean all. */
export interface SituationReportQuery {
  area_id?: string | undefined;
  week: string;
  category_group?: readonly string[];
  source?: readonly string[];
}

/** The query string's values: an empty list is left out (the server reads `source=` as "no source"). */
const reportParams = (q: SituationReportQuery) => ({
  area_id: q.area_id,
  week: q.week,
  category_group: q.category_group?.length ? q.category_group : undefined,
  source: q.source?.length ? q.source : undefined,
});

/** The weekly situation picture, frozen reports, meetings, decided actions and a unit's inbox. */
export const situationEndpoints = {
  report: (q: SituationReportQuery) => call(routes.report, { query: reportParams(q) }),
  /** Links, not fetches: the browser downloads the file. */
  reportFileUrl: (q: SituationReportQuery, format: ExportFormat) =>
    routeUrl(routes.reportFile[format], { query: reportParams(q) }),
  frozenFileUrl: (id: string, format: ExportFormat) => routeUrl(routes.frozenFile[format], { params: { id } }),
  protocolFileUrl: (meetingId: string, format: ExportFormat) =>
    routeUrl(routes.protocolFile[format], { params: { id: meetingId } }),
  confirmRatings: (areaId: string, body: RatingConfirm) =>
    call(routes.confirmRatings, { params: { area_id: areaId }, body }),
  freeze: (body: { area_id: string | null; week: string }) => call(routes.freeze, { body }),
  frozenReport: (id: string) => call(routes.frozenReport, { params: { id } }),
  meeting: (id: string) => call(routes.meeting, { params: { id } }),
  createMeeting: (reportId: string, body: MeetingCreate) =>
    call(routes.createMeeting, { params: { id: reportId }, body }),
  addAction: (meetingId: string, body: MeetingActionCreate) =>
    call(routes.addAction, { params: { id: meetingId }, body }),
  updateAction: (id: string, body: MeetingActionUpdate) => call(routes.updateAction, { params: { id }, body }),
  inbox: (unitId: string) => call(routes.inbox, { query: { unit_id: unitId } }),
};
