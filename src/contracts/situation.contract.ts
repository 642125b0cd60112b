import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  FreezeReportSchema, FrozenReportListQuerySchema, FrozenReportSummarySchema, FrozenReportViewSchema, InboxQuerySchema, InboxSchema,
  MeetingActionCreateSchema, MeetingActionSchema, MeetingActionUpdateSchema, MeetingCreateSchema, MeetingSchema, MeetingUpdateSchema,
} from '../domain/meetings.js';
import {
  AnnotationInputSchema, AnnotationListQuerySchema, AnnotationSchema, AnnotationUpdateSchema, NeighbourhoodRowSchema,
  RatingConfirmSchema, RatingThresholdsInputSchema, RatingThresholdsSchema, SituationQuerySchema, SituationReportSchema,
} from '../domain/situation.js';
import { defineRoute, perFormat } from './define-route.js';

const tags = ['situation'];
const IdParams = z.object({ id: UuidSchema });
const AreaParams = z.object({ area_id: UuidSchema });
const FileSchema = { 200: z.any().describe('the file') };

/** The weekly situation picture: live report, exports, ratings, annotations, frozen reports, meetings, actions, inbox. */
export const situationContract = {
  /** Compressed by the handler from the cache, not per request. */
  report: defineRoute({
    method: 'GET', path: '/situation/report', policy: 'situation:read', compress: false, tags,
    summary: 'Situation report for a district (area_id) or the whole city, one ISO week', query: SituationQuerySchema, response: { 200: SituationReportSchema },
  }),
  /** Files the browser downloads. */
  reportFile: perFormat((format) => defineRoute({
    method: 'GET', path: `/situation/report/${format}`, policy: 'situation:read', tags,
    summary: `The live report as ${format.toUpperCase()}`, query: SituationQuerySchema, response: FileSchema,
  })),
  frozenFile: perFormat((format) => defineRoute({
    method: 'GET', path: `/situation/reports/:id/${format}`, policy: 'meetings:read', tags,
    summary: `A frozen report as ${format.toUpperCase()}`, params: IdParams, response: FileSchema,
  })),
  thresholds: defineRoute({
    method: 'GET', path: '/situation/districts/:area_id/thresholds', policy: 'situation:read', tags,
    summary: "A district's rating thresholds", params: AreaParams, response: { 200: RatingThresholdsSchema },
  }),
  setThresholds: defineRoute({
    method: 'PUT', path: '/situation/districts/:area_id/thresholds', policy: 'situation:write', tags,
    summary: "Set a district's rating thresholds", params: AreaParams, body: RatingThresholdsInputSchema, response: { 200: RatingThresholdsSchema },
  }),
  confirmRatings: defineRoute({
    method: 'PUT', path: '/situation/districts/:area_id/ratings', policy: 'situation:write', tags,
    summary: "Confirm a week's area ratings", params: AreaParams, body: RatingConfirmSchema, response: { 200: z.array(NeighbourhoodRowSchema) },
  }),
  annotations: defineRoute({
    method: 'GET', path: '/situation/annotations', policy: 'situation:read', tags,
    summary: 'Annotations on the timeline (changes in reporting)', query: AnnotationListQuerySchema, response: { 200: z.array(AnnotationSchema) },
  }),
  createAnnotation: defineRoute({
    method: 'POST', path: '/situation/annotations', policy: 'situation:write', tags,
    summary: 'Add an annotation', body: AnnotationInputSchema, response: { 201: AnnotationSchema },
  }),
  updateAnnotation: defineRoute({
    method: 'PATCH', path: '/situation/annotations/:id', policy: 'situation:write', tags, ifMatch: true,
    summary: 'Edit an annotation', params: IdParams, body: AnnotationUpdateSchema, response: { 200: AnnotationSchema },
  }),
  deleteAnnotation: defineRoute({
    method: 'DELETE', path: '/situation/annotations/:id', policy: 'situation:write', tags, ifMatch: true,
    summary: 'Delete an annotation', params: IdParams, response: { 204: z.null() },
  }),
  freeze: defineRoute({
    method: 'POST', path: '/situation/reports', policy: 'situation:write', tags,
    summary: "Freeze a week's report for the meeting", body: FreezeReportSchema, response: { 201: FrozenReportViewSchema },
  }),
  frozenReports: defineRoute({
    method: 'GET', path: '/situation/reports', policy: 'situation:read', tags,
    summary: 'Frozen reports, newest week first', query: FrozenReportListQuerySchema, response: { 200: z.array(FrozenReportSummarySchema) },
  }),
  frozenReport: defineRoute({
    method: 'GET', path: '/situation/reports/:id', policy: 'meetings:read', tags,
    summary: 'A frozen report: frozen figures, current figures and the difference', params: IdParams, response: { 200: FrozenReportViewSchema },
  }),
  createMeeting: defineRoute({
    method: 'POST', path: '/situation/reports/:id/meeting', policy: 'situation:write', tags,
    summary: 'Record the meeting about a frozen report', params: IdParams, body: MeetingCreateSchema, response: { 201: MeetingSchema },
  }),
  meeting: defineRoute({
    method: 'GET', path: '/situation/meetings/:id', policy: 'meetings:read', tags,
    summary: 'A meeting with participants, notes and actions', params: IdParams, response: { 200: MeetingSchema },
  }),
  updateMeeting: defineRoute({
    method: 'PATCH', path: '/situation/meetings/:id', policy: 'situation:write', tags, ifMatch: true,
    summary: "Change a meeting's time, participants or notes", params: IdParams, body: MeetingUpdateSchema, response: { 200: MeetingSchema },
  }),
  addAction: defineRoute({
    method: 'POST', path: '/situation/meetings/:id/actions', policy: 'situation:write', tags,
    summary: 'Add a decided action', params: IdParams, body: MeetingActionCreateSchema, response: { 201: MeetingActionSchema },
  }),
  updateAction: defineRoute({
    method: 'PATCH', path: '/situation/actions/:id', policy: 'actions:update', tags, ifMatch: true,
    summary: 'Mark an action done or cancelled (or reopen it)', params: IdParams, body: MeetingActionUpdateSchema, response: { 200: MeetingActionSchema },
  }),
  /** What a unit has to do (meeting actions, contribution requests, routed incidents). */
  inbox: defineRoute({
    method: 'GET', path: '/inbox', policy: 'inbox:read', tags,
    summary: "A unit's open items, soonest due first, with days left", query: InboxQuerySchema, response: { 200: InboxSchema },
  }),
};
